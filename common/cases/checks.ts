import { checkIdNumber } from '../idnumber/check';
import { isRealDate } from '../format/dates';
import type { Application } from './application';
import { ageOn } from './age';
import { addYears, GENERATION_GAP_YEARS, LEGAL_MARRIAGE_AGE, spouseProblem } from './memberRules';
import { needsSubtype, subtypeFits } from './types';

/**
 * What is wrong or missing in an application, found by pure rules so the wizard shows it as the
 * clerk types and core refuses the same things on submit. Each code has a zh-CN message under
 * `cases.problem.<code>` in the catalog; `params` fill it in.
 */
export type ProblemCode =
  | 'APPLICANT_MISSING'
  | 'TYPE_MISSING'
  | 'SUBTYPE_MISSING'
  | 'ID_INVALID'
  | 'DATE_INVALID'
  | 'BIRTH_IN_FUTURE'
  | 'BIRTH_MISMATCH'
  | 'SEX_MISMATCH'
  | 'CARD_EXPIRED'
  | 'SELF_MISSING'
  | 'SELF_NOT_APPLICANT'
  | 'MEMBER_TWICE'
  | 'TWO_SPOUSES'
  | 'SPOUSE_UNDER_AGE'
  | 'CHILD_TOO_OLD'
  | 'PARENT_TOO_YOUNG'
  | 'AGE_ABSURD'
  | 'INCOME_NOT_MEMBER'
  | 'AMOUNT_ABSURD'
  | 'AMOUNT_HIGH'
  | 'REASONS_MISSING'
  | 'SUPPORTER_IS_MEMBER'
  | 'AGENT_IS_APPLICANT'
  | 'RELATED_PARTY_DETAILS'
  | 'OPEN_CASE';

export interface Problem {
  code: ProblemCode;
  /** 'block' stops submit; 'warn' is shown and the clerk goes on. */
  severity: 'block' | 'warn';
  /** Where in the application, e.g. members.2.idNumber. */
  path: string;
  params: Record<string, string | number>;
}

/** Monthly income per item above this is not believable at a social-assistance counter (block). */
export const ABSURD_MONTHLY_FEN = 1_000_000_00; // 100万元/月
/** Above this the clerk is asked to check the figure (warn). */
export const HIGH_MONTHLY_FEN = 50_000_00; // 5万元/月
export const ABSURD_ASSET_FEN = 1_000_000_000_00; // 10亿元

export interface CheckOptions {
  today: string;
}

const p = (
  code: ProblemCode,
  path: string,
  params: Record<string, string | number> = {},
  severity: 'block' | 'warn' = 'block',
): Problem => ({ code, severity, path, params });

function checkPerson(
  out: Problem[],
  path: string,
  who: string,
  person: { idNumber: string; birthDate?: string; sex?: '男' | '女' },
  today: string,
): void {
  const r = checkIdNumber(person.idNumber, { today, ...(person.sex ? { sex: person.sex } : {}) });
  if (!r.valid) {
    out.push(p('ID_INVALID', `${path}.idNumber`, { who, problem: r.problems[0]! }));
    return;
  }
  if (person.birthDate) {
    const [y, m, d] = person.birthDate.split('-').map(Number) as [number, number, number];
    if (!isRealDate(y, m, d)) out.push(p('DATE_INVALID', `${path}.birthDate`, { who }));
    else if (person.birthDate > today) out.push(p('BIRTH_IN_FUTURE', `${path}.birthDate`, { who }));
    else if (r.birthDate && r.birthDate !== person.birthDate)
      out.push(p('BIRTH_MISMATCH', `${path}.birthDate`, { who, fromId: r.birthDate }));
  }
}

export function checkApplication(app: Application, options: CheckOptions): Problem[] {
  const { today } = options;
  const out: Problem[] = [];
  if (!app.applicant) out.push(p('APPLICANT_MISSING', 'applicant'));
  else {
    checkPerson(out, 'applicant', app.applicant.name, app.applicant, today);
    const until = app.applicant.cardValidUntil;
    if (until && until !== '长期' && until < today) out.push(p('CARD_EXPIRED', 'applicant.cardValidUntil', { until }));
  }
  if (!app.type) out.push(p('TYPE_MISSING', 'type'));
  else if (needsSubtype(app.type) && !subtypeFits(app.type, app.subtype)) out.push(p('SUBTYPE_MISSING', 'subtype'));

  // The household.
  const seen = new Map<string, number>();
  app.members.forEach((m, i) => {
    checkPerson(out, `members.${i}`, m.name, m, today);
    const first = seen.get(m.idNumber);
    if (first !== undefined) out.push(p('MEMBER_TWICE', `members.${i}.idNumber`, { who: m.name, first: first + 1, second: i + 1 }));
    else seen.set(m.idNumber, i);
    if (m.birthDate <= today && ageOn(m.birthDate, today) > 125) out.push(p('AGE_ABSURD', `members.${i}.birthDate`, { who: m.name }));
  });
  const selves = app.members.filter((m) => m.relationship === 'self');
  if (app.applicant) {
    if (selves.length === 0) out.push(p('SELF_MISSING', 'members'));
    else if (selves.length > 1 || selves[0]!.idNumber !== app.applicant.idNumber) out.push(p('SELF_NOT_APPLICANT', 'members'));
  }
  const self = selves[0];
  // One 配偶, of the legal marriage age (and the applicant too), reported on the relationship of the member at fault.
  app.members.forEach((m, i) => {
    if (m.relationship !== 'spouse' || m.birthDate > today) return;
    const problem = spouseProblem(m, self, app.members.slice(0, i), today);
    if (problem)
      out.push(p(problem, `members.${i}.relationship`, { who: m.name, men: LEGAL_MARRIAGE_AGE['男'], women: LEGAL_MARRIAGE_AGE['女'] }));
  });
  if (self) {
    app.members.forEach((m, i) => {
      if (m.relationship === 'child' && m.birthDate < addYears(self.birthDate, GENERATION_GAP_YEARS))
        out.push(p('CHILD_TOO_OLD', `members.${i}.birthDate`, { who: m.name }));
      if (m.relationship === 'parent' && m.birthDate > addYears(self.birthDate, -GENERATION_GAP_YEARS))
        out.push(p('PARENT_TOO_YOUNG', `members.${i}.birthDate`, { who: m.name }));
    });
  }

  // Money.
  const memberIds = new Set(app.members.map((m) => m.idNumber));
  app.income.forEach((item, i) => {
    if (!memberIds.has(item.memberIdNumber)) out.push(p('INCOME_NOT_MEMBER', `income.${i}.memberIdNumber`, { line: i + 1 }));
    if (item.monthlyFen > ABSURD_MONTHLY_FEN) out.push(p('AMOUNT_ABSURD', `income.${i}.monthlyFen`, { line: i + 1 }));
    else if (item.monthlyFen > HIGH_MONTHLY_FEN) out.push(p('AMOUNT_HIGH', `income.${i}.monthlyFen`, { line: i + 1 }, 'warn'));
  });
  app.deductions.forEach((d, i) => {
    if (d.monthlyFen > ABSURD_MONTHLY_FEN) out.push(p('AMOUNT_ABSURD', `deductions.${i}.monthlyFen`, { line: i + 1 }));
  });
  app.assets.forEach((a, i) => {
    if (a.valueFen > ABSURD_ASSET_FEN) out.push(p('AMOUNT_ABSURD', `assets.${i}.valueFen`, { line: i + 1 }));
  });

  // Supporters, agent, reasons, related party.
  app.supporters.forEach((s, i) => {
    checkPerson(out, `supporters.${i}`, s.name, s, today);
    if (memberIds.has(s.idNumber)) out.push(p('SUPPORTER_IS_MEMBER', `supporters.${i}.idNumber`, { who: s.name }));
  });
  if (app.channel.kind === 'proxy') {
    checkPerson(out, 'channel.agent', app.channel.agent.name, app.channel.agent, today);
    if (app.applicant && app.channel.agent.idNumber === app.applicant.idNumber) out.push(p('AGENT_IS_APPLICANT', 'channel.agent.idNumber'));
  }
  if (app.reasons.length === 0 && app.reasonText.trim() === '') out.push(p('REASONS_MISSING', 'reasons'));
  if (app.relatedParty.related && !app.relatedParty.staffName) out.push(p('RELATED_PARTY_DETAILS', 'relatedParty.staffName'));
  return out;
}

export const blocking = (problems: Problem[]) => problems.filter((x) => x.severity === 'block');
