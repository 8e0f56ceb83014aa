import type { JiuzhuError } from '../../../../common/contract/errors';
import { pullItemRefusal, readPullItem } from '../../../../sync-protocol/records/index';
import type { AuditLog } from '../../kernel/audit/auditLog';
import type { PlatformStatusRepo } from './platformStatusRepo';

/** The station's actor of what the platform sent. */
const PLATFORM = 'platform';

export interface PlatformStatusApplyDeps {
  repo: PlatformStatusRepo;
  audit: (entry: Parameters<AuditLog['append']>[0]) => void;
  now: () => string;
}

/**
 * A `case.status` item (sync-protocol/records/caseStatus.ts): read with its schema (a bad item is
 * refused naming the field; the engine keeps it in pulled_item), then kept once by the platform's
 * id with the platform's time — whatever its status word, a newer one this version does not know
 * included. The case's current status is its latest by feed position, so an older change delivered
 * late joins the history without displacing a newer one. A status of a case not (yet) here is kept
 * too. One audit row per change kept: the case id, the status and the item's feed position — no personal data.
 */
export function applyPlatformStatusItem(d: PlatformStatusApplyDeps, item: unknown): JiuzhuError | undefined {
  const read = readPullItem('case.status', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { id, body, feedSeq, at } = read.value;
  const kept = d.repo.insert({
    id,
    case_id: body.caseId,
    case_no: body.caseNo,
    status: body.status,
    note: body.note ?? null,
    platform_at: new Date(at).toISOString(),
    feed_seq: feedSeq,
    received_at: d.now(),
  });
  if (kept)
    d.audit({
      actor: PLATFORM,
      action: 'platform_status.received',
      targetType: 'case',
      targetId: body.caseId,
      // The item's id is the platform's (`status-<caseId>-<n>`): a station case id's digits can look like a phone number
      // once it is no longer a UUID alone, and the audit refuses that — the feed position names the item instead.
      details: { feedSeq, status: body.status },
    });
  return undefined;
}
