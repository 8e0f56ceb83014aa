import type { RosterHousehold } from '../../../../sync-protocol/records/index';
import type { ExportHousehold } from './rosterWorkbook';

const RELATION: Record<string, RosterHousehold['members'][number]['relationship']> = { 本人: 'self', 配偶: 'spouse', 子女: 'child' };

/** A household of the synthetic export as the platform's roster holds it: 城市低保 from 2025-03, at `amountFen`. */
export function asRecipient(h: ExportHousehold, amountFen: number, lastCertifiedOn: string | null = null): RosterHousehold {
  return {
    type: 'dibao',
    subtype: 'urban',
    applicant: { idNumber: h.headIdNumber, name: h.headName },
    members: h.members.map((m) => ({ idNumber: m.idNumber, name: m.name, relationship: RELATION[m.relationship]! })),
    amountFen,
    monthly: true,
    sinceMonth: '2025-03',
    nextReviewOn: '2027-03-31',
    lastCertifiedOn,
  };
}
