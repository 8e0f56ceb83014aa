import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../../../../common/contract/errors';
import { writeFileAtomicSync } from '../fs-atomic';
import { toStoreIoError } from '../io-errors';
import { keyringBodySchema, keyringChecksum, keyringFileSchema, type KeyringBody } from './keyring-format';

const MAX_KEYRING_BYTES = 1024 * 1024;

/**
 * Read and validate the keyring. Missing → STORE_NOT_INITIALIZED; anything unreadable, malformed
 * or failing its checksum → STORE_KEYRING_DAMAGED. Never "repairs" and never starts over.
 */
export function readKeyringFile(path: string): KeyringBody {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new JiuzhuError('STORE_NOT_INITIALIZED', {}, { missing: 'keyring' });
    throw toStoreIoError(e);
  }
  return parseKeyring(raw);
}

export function parseKeyring(raw: Buffer): KeyringBody {
  const damaged = (reason: string, detail?: string) => new JiuzhuError('STORE_KEYRING_DAMAGED', { reason }, detail ? { detail } : undefined);
  if (raw.length === 0 || raw.length > MAX_KEYRING_BYTES) throw damaged('文件为空或过大');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw damaged('格式错误');
  }
  const parsed = keyringFileSchema.safeParse(json);
  if (!parsed.success) throw damaged('内容不完整', parsed.error.issues[0]?.message);
  const { checksum, ...rest } = parsed.data;
  const body = keyringBodySchema.parse(rest);
  if (keyringChecksum(body) !== checksum) throw damaged('校验和不符');
  return body;
}

export function serializeKeyring(body: KeyringBody): Buffer {
  const file = { ...body, checksum: keyringChecksum(body) };
  return Buffer.from(`${JSON.stringify(file, null, 1)}\n`, 'utf8');
}

/** Atomic replace (temp + fsync + rename + dir fsync). */
export function writeKeyringFile(path: string, body: KeyringBody): void {
  try {
    writeFileAtomicSync(path, serializeKeyring(body));
  } catch (e) {
    throw toStoreIoError(e);
  }
}
