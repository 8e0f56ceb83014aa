import type { Db } from '../../kernel/store/types';

/** Blob references pulled from the platform (sync_remote_blob), and the local attachment that holds a blob's bytes. */

export type RemoteBlobState = 'remote' | 'stored' | 'failed';

export interface RemoteBlobRow {
  caseId: string;
  sha256: string;
  role: string;
  ref: string;
  page: number;
  kind: string;
  mime: string;
  size: number;
  addedAt: string;
  pulledAt: string;
  state: RemoteBlobState;
  attachmentId: string | null;
  error: string | null;
}

interface Raw {
  case_id: string;
  sha256: string;
  role: string;
  ref: string;
  page: number;
  kind: string;
  mime: string;
  size: number;
  added_at: string;
  pulled_at: string;
  state: RemoteBlobState;
  attachment_id: string | null;
  error: string | null;
}

const toRow = (r: Raw): RemoteBlobRow => ({
  caseId: r.case_id,
  sha256: r.sha256,
  role: r.role,
  ref: r.ref,
  page: r.page,
  kind: r.kind,
  mime: r.mime,
  size: r.size,
  addedAt: r.added_at,
  pulledAt: r.pulled_at,
  state: r.state,
  attachmentId: r.attachment_id,
  error: r.error,
});

/** The local attachment with these bytes, if this workstation holds them (its own, or fetched before). */
export function localAttachmentId(db: Db, sha256: string): string | null {
  return localAttachmentBySha(db, sha256)?.id ?? null;
}

export function localAttachmentBySha(db: Db, sha256: string): { id: string; mime: string } | undefined {
  return db.prepare('SELECT id, mime FROM attachment WHERE sha256 = ? LIMIT 1').get(Buffer.from(sha256, 'hex')) as
    { id: string; mime: string } | undefined;
}

/** A pulled reference as kept: the row without its download error. */
export type RemoteBlobUpsert = Omit<RemoteBlobRow, 'error'>;

/** Keep blob references as pulled: a reference already stored stays stored, with its attachment. */
export function upsertRemoteBlobs(db: Db, refs: RemoteBlobUpsert[]): void {
  const upsert = db.prepare(
    `INSERT INTO sync_remote_blob (case_id, sha256, role, ref, page, kind, mime, size, added_at, pulled_at, state, attachment_id)
     VALUES (@caseId, @sha256, @role, @ref, @page, @kind, @mime, @size, @addedAt, @pulledAt, @state, @attachmentId)
     ON CONFLICT(case_id, sha256, role, ref, page) DO UPDATE SET kind = excluded.kind, mime = excluded.mime, size = excluded.size, added_at = excluded.added_at,
       state = CASE WHEN sync_remote_blob.state = 'stored' THEN 'stored' ELSE excluded.state END,
       attachment_id = coalesce(sync_remote_blob.attachment_id, excluded.attachment_id)`,
  );
  for (const r of refs) upsert.run(r);
}

/**
 * The blob references of a case that this workstation did not take itself (its own attachments,
 * linked to the case here, are not listed).
 */
export function remoteBlobsOfCase(db: Db, caseId: string): RemoteBlobRow[] {
  return (
    db
      .prepare(
        `SELECT * FROM sync_remote_blob r WHERE r.case_id = ?
           AND NOT EXISTS (SELECT 1 FROM case_attachment l WHERE l.case_id = r.case_id AND l.attachment_id = r.attachment_id)
           AND NOT EXISTS (SELECT 1 FROM document d WHERE d.case_id = r.case_id AND d.attachment_id = r.attachment_id)
         ORDER BY r.role, r.ref, r.page`,
      )
      .all(caseId) as Raw[]
  ).map(toRow);
}

export function remoteBlob(db: Db, caseId: string, sha256: string): RemoteBlobRow | null {
  const r = db
    .prepare("SELECT * FROM sync_remote_blob WHERE case_id = ? AND sha256 = ? ORDER BY state = 'stored' DESC LIMIT 1")
    .get(caseId, sha256) as Raw | undefined;
  return r ? toRow(r) : null;
}

/** Every reference to these bytes takes the same state (a blob may be a page of two cases). */
export function setRemoteBlobState(
  db: Db,
  sha256: string,
  state: RemoteBlobState,
  attachmentId: string | null,
  error: string | null,
): void {
  db.prepare('UPDATE sync_remote_blob SET state = ?, attachment_id = coalesce(?, attachment_id), error = ? WHERE sha256 = ?').run(
    state,
    attachmentId,
    error,
    sha256,
  );
}

/** References still to fetch that were added at or after `since` (ISO time), newest first: the prefetch list. */
export function recentRemoteBlobs(db: Db, since: string, limit: number): RemoteBlobRow[] {
  return (
    db
      .prepare("SELECT * FROM sync_remote_blob WHERE state = 'remote' AND pulled_at >= ? ORDER BY added_at DESC LIMIT ?")
      .all(since, limit) as Raw[]
  ).map(toRow);
}
