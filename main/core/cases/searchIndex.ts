import type { Application } from '../../../common/cases/application';
import { EXCLUDED_INCOME_KINDS } from '../../../common/cases/household';
import type { PartyRow } from './caseRepo';
import { nameInitials } from './pinyin';

const COUNTED = new Set(['wages', 'business', 'property', 'transfer']);

/**
 * The search index of an application (applicant, members with their facts, supporters, agent),
 * written on every local save and for every pulled case. `applicant` stands in when a platform's
 * body named the applicant ({idNumber, name}) but carried no application.
 */
export function partiesOf(app: Application, applicant: { idNumber: string; name: string } | null = null): PartyRow[] {
  const parties: PartyRow[] = [];
  const party = (
    role: PartyRow['role'],
    p: { idNumber: string; name: string; phone?: string | undefined },
    relationship: string | null,
    facts: unknown,
  ) =>
    parties.push({
      role,
      id_number: p.idNumber,
      name: p.name,
      initials: nameInitials(p.name),
      phone: p.phone ?? null,
      relationship,
      facts: facts === null ? null : JSON.stringify(facts),
    });
  if (app.applicant) party('applicant', app.applicant, 'self', null);
  else if (applicant) party('applicant', applicant, 'self', null);
  for (const m of app.members) {
    const { idNumber: _i, name: _n, phone: _p, relationship, ...facts } = m;
    party('member', m, relationship, facts);
  }
  for (const s of app.supporters) party('supporter', s, s.relationship, { ableToSupport: s.ableToSupport });
  if (app.channel.kind === 'proxy') party('agent', app.channel.agent, app.channel.agent.relation, null);
  return parties;
}

/** The money tables of an application: income marked counted or not, and assets. */
export function moneyOf(
  app: Application,
): [Array<{ member: string; category: string; counted: boolean; fen: number }>, Array<{ kind: string; fen: number; exempt: boolean }>] {
  return [
    app.income.map((i) => ({
      member: i.memberIdNumber,
      category: i.category,
      counted: COUNTED.has(i.category) && !(EXCLUDED_INCOME_KINDS as readonly string[]).includes(i.category),
      fen: i.monthlyFen,
    })),
    app.assets.map((a) => ({ kind: a.kind, fen: a.valueFen, exempt: a.exempt })),
  ];
}
