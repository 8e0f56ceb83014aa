import { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import { integrityProblems } from '../kernel/store/openStore';
import { verifyAuditChain, type AuditVerifyResult } from '../kernel/audit/verify';
import type { Clock, Db } from '../kernel/store/types';
import { throwIfAborted, type ProgressFn } from './errors';
import { foreignKeyViolationCount } from './backupRepo';

export interface StoreCheckReport {
  ok: boolean;
  /** Empty when PRAGMA integrity_check says ok. */
  integrity: string[];
  foreignKeyViolations: number;
  audit: AuditVerifyResult;
  attachments: { checked: number; bad: string[] };
}

/** `jiuzhu-admin check`: SQLite integrity, foreign keys, the audit chain, every attachment's hash. */
export function checkStore(db: Db, clock: Clock, options: { onProgress?: ProgressFn; signal?: AbortSignal } = {}): StoreCheckReport {
  const { onProgress, signal } = options;
  onProgress?.({ phase: 'check', fraction: 0 });
  const integrity = integrityProblems(db, 'full');
  const foreignKeyViolations = foreignKeyViolationCount(db);
  throwIfAborted(signal);
  onProgress?.({ phase: 'check', fraction: 0.3 });
  const audit = verifyAuditChain(db, (done, total) => onProgress?.({ phase: 'check', fraction: 0.3 + 0.3 * (total ? done / total : 1) }));
  throwIfAborted(signal);
  const attachments = new AttachmentStore(db, clock).verifyAll(
    (done, total) => onProgress?.({ phase: 'check', fraction: 0.6 + 0.4 * (done / total) }),
    signal,
  );
  onProgress?.({ phase: 'done', fraction: 1 });
  return {
    ok: integrity.length === 0 && foreignKeyViolations === 0 && audit.ok && attachments.bad.length === 0,
    integrity,
    foreignKeyViolations,
    audit,
    attachments,
  };
}
