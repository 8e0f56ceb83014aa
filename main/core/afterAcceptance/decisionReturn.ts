import type { ErrorCode } from '../../../common/contract/errors';
import { decisionRefusalBodySchema } from '../../../common/sync/decisions';
import { Outbox } from '../sync/index';
import { decisionRefusalRecord } from '../../../sync-protocol/records/index';
import { ChangeRepo } from './changeRepo';
import { PLATFORM_ACTOR, type Work } from './work';

export interface DecisionToReturn {
  decisionId: string;
  kind: 'decision' | 'change-decision';
  caseId: string;
  code: ErrorCode;
  message: string;
  /** The case's state here, when the station holds the case. */
  caseState?: string | undefined;
}

/**
 * A decision pulled from the platform that this station cannot apply goes back to the platform,
 * in the pull page's transaction: a `decision_refusal` row (the sync centre and the case page list
 * it), the `decision.refusal` record with the decision id and the reason code, a line on the case's
 * timeline when the station holds the case, and the audit row. Nothing else changes.
 */
export function returnDecision(work: Work, r: DecisionToReturn): void {
  const receivedAt = work.now();
  const body = decisionRefusalBodySchema.parse({
    decisionId: r.decisionId,
    decisionKind: r.kind,
    caseId: r.caseId,
    code: r.code,
    reason: r.message.slice(0, 500),
    ...(r.caseState ? { caseState: r.caseState } : {}),
    receivedAt,
  });
  const record = new Outbox(work.db, work.deps.clock).enqueue(decisionRefusalRecord(body));
  new ChangeRepo(work.db).insertRefusal({
    decision_id: r.decisionId,
    kind: r.kind,
    case_id: r.caseId,
    code: r.code,
    message: body.reason,
    received_at: receivedAt,
    record_id: record.id,
  });
  if (r.caseState) work.event(r.caseId, 'decisionReturned', PLATFORM_ACTOR, body.reason);
  work.audit(PLATFORM_ACTOR, 'decisions.returned', r.caseId, { decision: r.decisionId, kind: r.kind, code: r.code });
}
