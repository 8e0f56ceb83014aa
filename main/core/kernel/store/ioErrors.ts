import { JiuzhuError } from '../../../../common/contract/errors';

/** Turn a filesystem or SQLite error into the typed error a clerk can act on. */
export function toStoreIoError(e: unknown): JiuzhuError {
  if (e instanceof JiuzhuError) return e;
  const err = e as { code?: string; message?: string };
  if (err.code === 'ENOSPC' || err.code === 'SQLITE_FULL' || err.code === 'EDQUOT')
    return new JiuzhuError('STORE_DISK_FULL', {}, { cause: err.code });
  return new JiuzhuError('STORE_IO', { detail: err.code ?? 'unknown' }, { cause: err.message ?? String(e) });
}

export const isDiskFull = (e: unknown): boolean => {
  const code = (e as { code?: string }).code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT';
};
