import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { writeFileAtomicSync } from '../fsAtomic';
import { toStoreIoError } from '../ioErrors';
import {
  keyringBodySchema,
  keyringChecksum,
  keyringFileSchema,
  legacyKeyringFileSchema,
  type KeyringBody,
  type LegacyKeyringFile,
  type Slot,
} from './keyringFormat';

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

const damaged = (reason: string, detail?: string) => new JiuzhuError('STORE_KEYRING_DAMAGED', { reason }, detail ? { detail } : undefined);

/** Parse a keyring file of format 2, or of format 1 (converted: its slots become legacy slots, it has no MAC yet). */
export function parseKeyring(raw: Buffer): KeyringBody {
  if (raw.length === 0 || raw.length > MAX_KEYRING_BYTES) throw damaged('文件为空或过大');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw damaged('格式错误');
  }
  if (typeof json === 'object' && json !== null && (json as { version?: unknown }).version === 1) return fromLegacy(json);
  const parsed = keyringFileSchema.safeParse(json);
  if (!parsed.success) throw damaged('内容不完整', parsed.error.issues[0]?.message);
  const { checksum, ...rest } = parsed.data;
  const body = keyringBodySchema.parse(rest);
  if (keyringChecksum(body) !== checksum) throw damaged('校验和不符');
  // Only a keyring that still holds nothing but format 1 slots may lack its MAC.
  if (body.mac === null && (body.nextKeyId !== undefined || body.slots.some((s) => s.type === 'password' || s.type === 'recovery')))
    throw damaged('缺少校验码');
  return body;
}

function fromLegacy(json: unknown): KeyringBody {
  const parsed = legacyKeyringFileSchema.safeParse(json);
  if (!parsed.success) throw damaged('内容不完整', parsed.error.issues[0]?.message);
  const { checksum, ...rest } = parsed.data;
  if (keyringChecksum(rest) !== checksum) throw damaged('校验和不符');
  const old: LegacyKeyringFile = parsed.data;
  const slots: Slot[] = [];
  for (const s of old.slots) {
    if (s.type === 'password') slots.push({ ...s, type: 'password-v1' });
    else if (s.type === 'recovery') slots.push({ ...s, type: 'recovery-v1' });
    // An OS-keystore slot of format 1 is not carried over: it opened the database without any staff password.
  }
  return {
    format: 'jiuzhu-keyring',
    version: 2,
    keyringId: old.keyringId,
    stationId: old.stationId,
    createdAt: old.createdAt,
    machineCheck: null,
    legacyMachineTag: old.machineTag,
    keyId: `v1-${old.keyringId}`,
    slots,
    mac: null,
    guard: old.guard,
    pendingEvents: old.pendingEvents,
  };
}

export function serializeKeyring(body: KeyringBody): Buffer {
  const file = { ...body, checksum: keyringChecksum(body) };
  return Buffer.from(`${JSON.stringify(file, null, 1)}\n`, 'utf8');
}

/** Atomic replace (temp + fsync + rename + dir fsync), 0600. */
export function writeKeyringFile(path: string, body: KeyringBody): void {
  try {
    writeFileAtomicSync(path, serializeKeyring(body));
  } catch (e) {
    throw toStoreIoError(e);
  }
}
