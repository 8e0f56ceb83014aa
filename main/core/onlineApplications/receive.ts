import { chinaDate } from '../../../common/cases/age';
import type { JiuzhuError } from '../../../common/contract/errors';
import {
  applicationOnlineBlobs,
  pullItemRefusal,
  readPullItem,
  type PulledApplicationOnlineItem,
} from '../../../sync-protocol/records/index';
import type { PulledItem } from '../sync/capability';
import { applyAttachmentsItem } from '../sync/index';
import type { Db } from '../kernel/store/types';
import type { OnlineApplicationRepo } from './onlineApplicationRepo';

/** Who a pulled application is attributed to in the audit log (as every pulled item). */
export const PLATFORM_ACTOR = 'platform';

export interface ReceiveDeps {
  db: Db;
  repo: OnlineApplicationRepo;
  now: () => string;
  audit: (action: string, targetId: string, details: Record<string, string | number | boolean>) => void;
}

/**
 * The blob references of an application's papers and signatures, as an `attachments` item of a
 * case whose id is the application id: the sync engine keeps them with their download state and
 * fetches them as it fetches any station case's blobs (prefetch after a run, or on demand when the
 * clerk opens one), stored in the encrypted attachment store.
 */
function blobReferences(item: PulledApplicationOnlineItem) {
  const { id, body } = item;
  return {
    kind: 'attachments' as const,
    feedSeq: item.feedSeq,
    at: item.at,
    caseId: id,
    updatedBy: PLATFORM_ACTOR,
    attachments: [
      ...body.papers.map((p) => ({
        sha256: p.sha256,
        kind: 'document-scan',
        role: 'material' as const,
        ref: p.material,
        page: p.page - 1,
        size: p.size,
        contentType: p.contentType,
        addedAt: body.submittedAt,
      })),
      ...body.signatures.map((s) => ({
        sha256: s.sha256,
        kind: 'signature',
        role: 'signature' as const,
        ref: s.idNumber,
        page: 0,
        size: s.size,
        contentType: s.contentType,
        addedAt: s.signedAt,
      })),
    ],
  };
}

/**
 * An `application.online` item (sync-protocol/records/applicationOnline.ts), in the pull page's
 * transaction: read with its schema (a bad item is refused naming the field, and kept in
 * pulled_item by the engine), then kept once by the platform's application id in the 待受理 queue
 * with its papers' blob references; audited. A second delivery changes nothing.
 */
export function receiveOnlineApplication(d: ReceiveDeps, item: PulledItem): JiuzhuError | undefined {
  const read = readPullItem('application.online', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { id, body } = read.value;
  if (d.repo.get(id)) return undefined;
  const receivedAt = d.now();
  d.repo.insert({
    id,
    submitted_at: body.submittedAt,
    submitted_on: chinaDate(new Date(body.submittedAt)),
    source: body.source,
    type: body.type,
    applicant_id_number: body.applicant.idNumber,
    applicant_name: body.applicant.name,
    household_size: body.members.filter((m) => !m.excluded).length,
    body: JSON.stringify(body),
    received_at: receivedAt,
  });
  if (applicationOnlineBlobs(body).length > 0) {
    const refused = applyAttachmentsItem(d.db, blobReferences(read.value), receivedAt);
    if (refused) throw refused;
  }
  d.audit('online-application.received', id, {
    source: body.source,
    members: body.members.length,
    papers: body.papers.length,
    signatures: body.signatures.length,
  });
  return undefined;
}
