import type { JiuzhuError } from '../../../../common/contract/errors';
import { pullItemRefusal, readPullItem } from '../../../../sync-protocol/records/index';
import type { Db } from '../../kernel/store/types';
import type { PulledItem } from './pullHandlers';
import { localAttachmentId, upsertRemoteBlobs } from './remoteBlobRepo';

/**
 * A pulled `attachments` item (a case's blob references from any counter of the station), in the
 * pull page's transaction: each reference is kept with its download state; one whose bytes are
 * already here (this counter's own attachment coming back) is `stored` at once. Returns the refusal of
 * an item that does not parse (the caller keeps the item in pulled_item).
 */
export function applyAttachmentsItem(db: Db, item: PulledItem, pulledAt: string): JiuzhuError | null {
  const parsed = readPullItem('attachments', item);
  if (!parsed.ok) return pullItemRefusal(parsed.issue);
  const caseId = parsed.value.caseId;
  upsertRemoteBlobs(
    db,
    parsed.value.attachments.map((a) => {
      const local = localAttachmentId(db, a.sha256);
      return {
        caseId,
        sha256: a.sha256,
        role: a.role,
        ref: a.ref,
        page: a.page,
        kind: a.kind,
        mime: a.contentType,
        size: a.size,
        addedAt: a.addedAt,
        pulledAt,
        state: local ? 'stored' : 'remote',
        attachmentId: local,
      };
    }),
  );
  return null;
}
