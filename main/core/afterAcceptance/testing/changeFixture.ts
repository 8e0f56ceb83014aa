import { JiuzhuError } from '../../../../common/contract/errors';
import { ChangeRepo } from '../changeRepo';
import type { AfterAcceptanceService } from '../service';

let seq = 0;

/** The open proposal to change the benefit of this case (the review's or the warning's), else a thrown error. */
export function openProposal(aa: AfterAcceptanceService, caseId: string) {
  const open = new ChangeRepo(aa.work.db).ofCase(caseId).find((c) => c.status === 'proposed');
  if (!open) throw new Error(`no open proposal on case ${caseId}`);
  return open;
}

/**
 * The county decides the case's open proposal: the `change-decision` item as the platform's feed
 * carries it, applied by the pull handler's own method (the loopback platform tests pull it for real).
 */
export function countyDecides(
  aa: AfterAcceptanceService,
  caseId: string,
  d: { outcome: 'approved' | 'refused'; reasons?: string[] } = { outcome: 'approved' },
) {
  const p = openProposal(aa, caseId);
  seq += 1;
  const r = aa.pulledChangeDecision({
    kind: 'change-decision',
    feedSeq: seq,
    at: Date.parse('2026-02-20T00:00:00Z'),
    id: `chg-${p.id}`,
    caseId,
    proposalId: p.id,
    ...d,
  });
  if (r instanceof JiuzhuError || !('applied' in r) || !r.applied) throw new Error(`change decision not applied: ${JSON.stringify(r)}`);
  return p.id;
}
