import { JiuzhuError } from '../../../common/contract/errors';

/** A failure writing to the backup target, as a clerk-facing error. */
export function targetError(e: unknown): JiuzhuError {
  if (e instanceof JiuzhuError) return e;
  const code = (e as { code?: string }).code ?? 'unknown';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new JiuzhuError('BACKUP_DISK_FULL', {}, { cause: code });
  return new JiuzhuError('BACKUP_TARGET_UNAVAILABLE', { detail: code }, { cause: (e as Error).message });
}

export interface Progress {
  phase: 'snapshot' | 'write' | 'verify' | 'check' | 'swap' | 'done';
  /** 0..1 over the whole operation. */
  fraction: number;
}
export type ProgressFn = (p: Progress) => void;

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new JiuzhuError('BACKUP_CANCELLED');
}
