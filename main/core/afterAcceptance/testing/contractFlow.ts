import { faceCapture, intakeSignature } from '../../cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../cases/testing/household';
import { OPINION, signedVisit } from './fixture';

type Window = { via: 'browser'; windowId: string };
/** A contract call that must succeed: (method, input, window) → result. */
export type Ok = <T = Record<string, unknown>>(method: string, input: unknown, who: Window) => Promise<T>;

/**
 * Through the contract as the UI does it: a three-person 低保 case taken in, accepted, visited and
 * publicised by `worker`; `afterPublicity` moves the clock past the 7-day 公示. Answers the case id
 * at awaiting_decision (version 5).
 */
export async function awaitingDecisionThroughContract(ok: Ok, worker: Window, afterPublicity: () => Promise<void>): Promise<string> {
  const saved = await ok<{ caseId: string; rev: number }>(
    'intake.save',
    { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) },
    worker,
  );
  const caseId = saved.caseId;
  await ok('intake.submit', { caseId, rev: saved.rev }, worker);
  for (const p of [HUSBAND, WIFE])
    await ok(
      'intake.authorize',
      { caseId, signerIdNumber: p.idNumber, signature: intakeSignature(caseId, p), face: faceCapture() },
      worker,
    );
  await ok('cases.decide', { caseId, version: 1, decision: { kind: 'accept' } }, worker);
  await ok('visits.record', { caseId, version: 2, visit: signedVisit(caseId) }, worker);
  await ok('publicity.opinion', { caseId, version: 3, opinion: OPINION }, worker);
  await afterPublicity();
  await ok('publicity.end', { caseId, version: 4 }, worker);
  return caseId;
}
