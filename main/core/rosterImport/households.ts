import { JiuzhuError } from '../../../common/contract/errors';
import type { RosterRowError, RosterRowProblem } from '../../../common/contract/methods/rosterImport';
import type { Relationship } from '../../../common/cases/household';
import { rosterPolicy } from '../../../common/cases/relief';
import type { ReliefSettings } from '../../../common/cases/relief';
import { checkIdNumber } from '../../../common/idnumber/check';
import { maskIdNumber } from '../../../common/format/mask';
import { translate, type MessageKey } from '../../../common/i18n/translate';
import { categoryOf, dayOf, fenOf, monthOf, relationshipOf, type Category, type RosterColumn } from '../../../common/rosterImport/columns';
import { rosterSheets, type RosterSheet, type SheetRow } from './sheetRows';
import type { XlsxWorkbook } from '../kernel/files/xlsxReader';

export interface ImportMember {
  sheet: string;
  row: number;
  idNumber: string;
  name: string;
  sex: '男' | '女';
  birthDate: string;
  relationship: Relationship;
  student: boolean;
  labourCapacity: 'full' | 'partial' | 'none';
}

export interface ImportHousehold {
  key: string;
  sheet: string;
  row: number;
  headIdNumber: string;
  headName: string;
  area: string;
  category: Category;
  monthly: boolean;
  amountFen: number;
  sinceMonth: string;
  approvedOn: string | null;
  nextReviewOn: string | null;
  lastCertifiedOn: string | null;
  members: ImportMember[];
}

export interface ParsedRoster {
  layout: 'member-rows' | 'two-sheets';
  sheets: string[];
  columns: Array<{ header: string; column: RosterColumn }>;
  households: ImportHousehold[];
  /** Households found, including those with problems. */
  householdCount: number;
  memberRows: number;
  errors: Array<RosterRowError & { household: string }>;
}

const MAX_MEMBERS = 30;

interface Draft {
  key: string;
  first: SheetRow;
  household: Partial<ImportHousehold>;
  members: ImportMember[];
  memberRows: SheetRow[];
}

/** The household columns compared across the rows of one household in the member-rows layout. */
const SAME_ACROSS_ROWS: RosterColumn[] = ['headName', 'category', 'urbanRural', 'careMode', 'size', 'amount', 'since', 'approvedOn'];

/**
 * The households of a roster workbook with every problem the file alone shows (the store's checks
 * — already on the roster, a name that differs — are the service's). Either layout: one row per
 * member with the household's columns repeated, or a household sheet and a member sheet joined on
 * 户主身份证号码. A household with a problem on any of its rows is left out of `households`.
 */
export function parseRoster(book: XlsxWorkbook, ctx: { today: string; relief: Pick<ReliefSettings, 'monthlyAmount'> }): ParsedRoster {
  const sheets = rosterSheets(book);
  const memberRowSheets = sheets.filter((s) => s.kind === 'member-rows');
  const householdSheets = sheets.filter((s) => s.kind === 'households');
  const memberSheets = sheets.filter((s) => s.kind === 'members');
  if (sheets.length === 0) throw new JiuzhuError('ROSTER_IMPORT_NO_COLUMNS');
  const layout = memberRowSheets.length > 0 ? 'member-rows' : 'two-sheets';
  if (layout === 'two-sheets' && memberSheets.length === 0) throw new JiuzhuError('ROSTER_IMPORT_NO_MEMBERS');
  if (layout === 'two-sheets' && householdSheets.length === 0) throw new JiuzhuError('ROSTER_IMPORT_NO_COLUMNS');
  const used: RosterSheet[] = layout === 'member-rows' ? memberRowSheets : [...householdSheets, ...memberSheets];

  const errors: ParsedRoster['errors'] = [];
  const problem = (household: string, at: SheetRow, code: RosterRowProblem, params: Record<string, string> = {}) =>
    errors.push({
      household,
      sheet: at.sheet,
      row: at.row,
      code,
      message: translate(`rosterImport.rowProblems.${code}` as MessageKey, params),
    });

  const drafts = new Map<string, Draft>();
  const householdOf = (at: SheetRow): Draft => {
    const key = at.get('headIdNumber').replace(/\s/g, '').toUpperCase();
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = { key, first: at, household: {}, members: [], memberRows: [] }));
    return d;
  };

  if (layout === 'member-rows') {
    for (const s of used)
      for (const at of s.rows) {
        const d = householdOf(at);
        if (d.first === at) readHousehold(d, at, ctx, problem);
        else
          for (const c of SAME_ACROSS_ROWS)
            if (at.get(c) !== d.first.get(c) && at.get(c) !== '')
              problem(d.key, at, 'HOUSEHOLD_CONFLICT', { column: at.header(c), first: d.first.get(c), value: at.get(c) });
        d.memberRows.push(at);
      }
  } else {
    for (const s of householdSheets)
      for (const at of s.rows) {
        const key = at.get('headIdNumber').replace(/\s/g, '').toUpperCase();
        const seen = drafts.get(key);
        if (seen) {
          problem(key, at, 'DUPLICATE_IN_FILE', { id: maskIdNumber(key), other: String(seen.first.row) });
          continue;
        }
        readHousehold(householdOf(at), at, ctx, problem);
      }
    for (const s of memberSheets)
      for (const at of s.rows) {
        const key = at.get('headIdNumber').replace(/\s/g, '').toUpperCase();
        const d = drafts.get(key);
        if (!d) {
          problem(`orphan:${key}`, at, 'HOUSEHOLD_UNKNOWN', { id: key ? maskIdNumber(key) : '（空）' });
          continue;
        }
        d.memberRows.push(at);
      }
  }

  // Members, and who appears twice anywhere in the file.
  const firstSeen = new Map<string, { household: string; at: SheetRow }>();
  let memberRows = 0;
  for (const d of drafts.values()) {
    const headId = d.household.headIdNumber ?? d.key;
    if (d.memberRows.length === 0) problem(d.key, d.first, 'NO_MEMBERS');
    if (d.memberRows.length > MAX_MEMBERS)
      problem(d.key, d.first, 'TOO_MANY_MEMBERS', { count: String(d.memberRows.length), max: String(MAX_MEMBERS) });
    for (const at of d.memberRows) {
      memberRows++;
      const m = readMember(d.key, headId, at, ctx.today, problem);
      if (!m) continue;
      const seen = firstSeen.get(m.idNumber);
      if (seen) {
        problem(d.key, at, 'DUPLICATE_IN_FILE', { id: maskIdNumber(m.idNumber), other: String(seen.at.row) });
        problem(seen.household, seen.at, 'DUPLICATE_IN_FILE', { id: maskIdNumber(m.idNumber), other: String(at.row) });
        continue;
      }
      firstSeen.set(m.idNumber, { household: d.key, at });
      d.members.push(m);
    }
    if (
      d.household.headIdNumber &&
      d.memberRows.length > 0 &&
      !d.members.some((m) => m.idNumber === headId) &&
      !errors.some((e) => e.household === d.key && e.code !== 'NO_HEAD')
    )
      problem(d.key, d.first, 'NO_HEAD', { id: maskIdNumber(headId) });
    const size = d.first.get('size');
    if (size !== '' && Number(size.replace(/\s*人$/, '')) !== d.memberRows.length)
      problem(d.key, d.first, 'SIZE_MISMATCH', { size, count: String(d.memberRows.length) });
  }

  const failed = new Set(errors.map((e) => e.household));
  const households: ImportHousehold[] = [];
  for (const d of drafts.values()) {
    if (failed.has(d.key)) continue;
    const head = d.members.find((m) => m.idNumber === d.household.headIdNumber)!;
    // The head first, as the intake lists the household.
    households.push({
      ...(d.household as ImportHousehold),
      headName: d.household.headName || head.name,
      members: [head, ...d.members.filter((m) => m !== head)],
    });
  }
  errors.sort((a, b) =>
    a.sheet === b.sheet ? a.row - b.row : used.findIndex((s) => s.name === a.sheet) - used.findIndex((s) => s.name === b.sheet),
  );
  return {
    layout,
    sheets: used.map((s) => s.name),
    columns: used
      .flatMap((s) => [...s.headers].map(([column, header]) => ({ header, column })))
      .filter((c, i, all) => all.findIndex((o) => o.column === c.column) === i),
    households,
    householdCount: drafts.size,
    memberRows,
    errors,
  };
}

type Problem = (household: string, at: SheetRow, code: RosterRowProblem, params?: Record<string, string>) => void;

const idReason = (problems: readonly string[]) => translate(`rosterImport.idReasons.${problems[0] ?? 'BAD_CHECKSUM'}` as MessageKey);

function readHousehold(
  d: Draft,
  at: SheetRow,
  ctx: { today: string; relief: Pick<ReliefSettings, 'monthlyAmount'> },
  problem: Problem,
): void {
  const h = d.household;
  const raw = at.get('headIdNumber');
  if (raw === '') problem(d.key, at, 'ID_MISSING', { column: at.header('headIdNumber') });
  else {
    const id = checkIdNumber(raw, { today: ctx.today });
    if (id.valid) h.headIdNumber = id.idNumber;
    else problem(d.key, at, 'ID_INVALID', { column: at.header('headIdNumber'), reason: idReason(id.problems) });
  }
  h.key = d.key;
  h.sheet = at.sheet;
  h.row = at.row;
  h.headName = at.get('headName');
  h.area = at.get('area');

  const written = at.get('category');
  const category = categoryOf(written, at.get('urbanRural'), at.get('careMode'));
  if (category === null) problem(d.key, at, 'CATEGORY_UNKNOWN', { value: written || '（空）' });
  else if (category === 'subtype') {
    const tekun = /特困|五保|供养/.test(written);
    problem(d.key, at, 'CATEGORY_SUBTYPE', {
      value: written,
      what: translate(`rosterImport.subtypeWhat.${tekun ? 'tekun' : 'dibao'}`),
      column: tekun ? '供养方式' : '城乡类别',
    });
  } else h.category = category;

  const amountText = at.get('amount');
  const fen = amountText === '' ? null : fenOf(amountText);
  if (amountText !== '' && fen === null) problem(d.key, at, 'AMOUNT_INVALID', { column: at.header('amount'), value: amountText });
  if (h.category) {
    const policy = rosterPolicy(h.category.type, ctx.relief);
    const typeName = translate(`roster.categories.${categoryKey(h.category)}` as MessageKey);
    h.monthly = policy === 'monthly';
    if (policy === 'monthly' && (fen === null || fen === 0) && amountText === '') problem(d.key, at, 'AMOUNT_MISSING', { type: typeName });
    if (policy === 'monitoring' && fen !== null && fen > 0) problem(d.key, at, 'AMOUNT_NOT_MONTHLY', { type: typeName });
  }
  h.amountFen = fen ?? 0;

  const date = (c: RosterColumn): string | null => {
    const v = at.get(c);
    if (v === '') return null;
    const day = dayOf(v);
    if (day === null || (day > ctx.today && c !== 'nextReview')) problem(d.key, at, 'DATE_INVALID', { column: at.header(c), value: v });
    return day;
  };
  h.approvedOn = date('approvedOn');
  h.nextReviewOn = date('nextReview');
  h.lastCertifiedOn = date('lastCertified');
  const sinceText = at.get('since');
  const since = sinceText === '' ? null : monthOf(sinceText);
  const latest = nextMonthOf(ctx.today);
  if (sinceText !== '' && (since === null || since > latest))
    problem(d.key, at, 'MONTH_INVALID', { column: at.header('since'), value: sinceText });
  else if (since) h.sinceMonth = since;
  else if (h.approvedOn) h.sinceMonth = nextMonthOf(h.approvedOn);
  else if (sinceText === '' && at.get('approvedOn') === '') problem(d.key, at, 'MONTH_MISSING');
}

function readMember(household: string, headId: string, at: SheetRow, today: string, problem: Problem): ImportMember | null {
  let ok = true;
  const fail = (code: RosterRowProblem, params: Record<string, string> = {}) => {
    ok = false;
    problem(household, at, code, params);
  };
  const name = at.get('name');
  if (name === '') fail('NAME_MISSING', { column: at.header('name') });
  const raw = at.get('idNumber');
  const id = raw === '' ? null : checkIdNumber(raw, { today });
  if (raw === '') fail('ID_MISSING', { column: at.header('idNumber') });
  else if (!id!.valid) fail('ID_INVALID', { column: at.header('idNumber'), reason: idReason(id!.problems) });
  const facts = id?.valid ? id : null;
  const writtenRel = at.get('relationship');
  const isHead = facts?.idNumber === headId;
  let relationship = writtenRel === '' ? (isHead ? 'self' : null) : relationshipOf(writtenRel);
  if (relationship === null) fail('RELATIONSHIP_UNKNOWN', { value: writtenRel || '（空）' });
  else if (isHead && relationship !== 'self') fail('HEAD_NOT_SELF', { value: writtenRel });
  else if (!isHead && facts && relationship === 'self') fail('SELF_NOT_HEAD');
  const sex = at.get('sex');
  if (facts?.sex && sex !== '' && sex.replace(/性$/, '') !== facts.sex) fail('SEX_MISMATCH', { value: sex });
  const birth = at.get('birthDate');
  if (facts?.birthDate && birth !== '' && dayOf(birth) !== facts.birthDate) fail('BIRTH_MISMATCH', { value: birth });
  if (!ok || !facts) return null;
  relationship ??= 'other';
  const kind = at.get('personCategory');
  return {
    sheet: at.sheet,
    row: at.row,
    idNumber: facts.idNumber,
    name,
    // The foreigner 2023 number carries no sex or birth date; such a row needs both columns.
    sex: facts.sex ?? (sex.startsWith('女') ? '女' : '男'),
    birthDate: facts.birthDate ?? dayOf(birth) ?? today,
    relationship,
    student: /学生|在校/.test(kind),
    labourCapacity: /(丧失|无)劳动能力/.test(kind) ? 'none' : /部分/.test(kind) ? 'partial' : 'full',
  };
}

export const categoryKey = (c: Category): string =>
  c.type === 'dibao' ? `dibao-${c.subtype}` : c.type === 'tekun' ? `tekun-${c.subtype}` : c.type === 'rigid' ? 'rigid-expense' : c.type;

function nextMonthOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
