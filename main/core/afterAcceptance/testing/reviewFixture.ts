import { JiuzhuError } from '../../../../common/contract/errors';
import { createHash } from 'node:crypto';
import type { SignatureCapture } from '../../../../common/capture/schemas';
import { authorizationStatement } from '../../../../common/capture/signatureBinding';
import { reviewStatementRef } from '../../../../common/contract/methods/afterAcceptance/reviews';
import { signatureCapture } from '../../cases/testing/captures';
import type { CaseService } from '../../cases/caseService';
import type { AfterAcceptanceService } from '../service';
import { acceptedCase } from './fixture';

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * An enrolled household: the intake's accepted case, moved to awaiting_decision directly (visits and
 * 公示 have their own tests), then approved by a pulled decision (68000 fen from `startMonth`).
 */
export function enrolledHousehold(
  svc: CaseService,
  aa: AfterAcceptanceService,
  actor: string,
  startMonth = '2026-03',
): { caseId: string; rosterId: string } {
  const caseId = acceptedCase(svc, actor);
  svc.db.prepare("UPDATE case_file SET state = 'awaiting_decision' WHERE id = ?").run(caseId);
  const r = aa.pulledDecision({
    kind: 'decision',
    feedSeq: 1,
    at: Date.parse('2026-02-20T00:00:00Z'),
    id: `dec-${caseId}`,
    caseId,
    outcome: 'approved',
    amountFen: 68000,
    startMonth,
  });
  if (r instanceof JiuzhuError || !r.applied) throw new Error(`approval not applied: ${JSON.stringify(r)}`);
  return { caseId, rosterId: aa.work.repo.rosterOfCase(caseId)!.id };
}

/** A signature bound to this signer's statement for this review, as the review drawer's pad makes it. */
export function reviewSignature(reviewId: string, signer: { name: string; idNumber: string; role?: string }): SignatureCapture {
  const sig = signatureCapture(signer.name);
  const documentHash = sha256(
    authorizationStatement({ name: signer.name, idNumber: signer.idNumber, role: signer.role ?? 'member' }, reviewStatementRef(reviewId)),
  );
  return { ...sig, signer: signer.name, documentHash, pngSha256: sha256(Buffer.from(sig.png.base64, 'base64')) };
}
