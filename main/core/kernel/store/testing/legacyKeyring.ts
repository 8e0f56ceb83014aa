import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { seal } from '../keys/aead';
import { deriveKek, newKdfSpec, TEST_KDF } from '../keys/kdf';
import { keyringChecksum, legacyMachineTag } from '../keys/keyringFormat';
import { normalizeRecoveryCode } from '../keys/recoveryCode';

/**
 * Write a keyring exactly as format 1 did (the landed stations' files): the DB key sealed under
 * scrypt(password) with the AAD naming the stored machine tag, and under the recovery code.
 */
export function writeFormat1Keyring(
  path: string,
  a: { stationId: string; machineId: string; dbKey: Buffer; users: Array<{ username: string; password: string }>; recoveryCode: string },
): void {
  const keyringId = randomUUID();
  const machineTag = legacyMachineTag(keyringId, a.machineId);
  const now = '2025-01-01T00:00:00.000Z';
  const slots: unknown[] = a.users.map((u) => {
    const id = randomUUID();
    const kdf = newKdfSpec(TEST_KDF);
    return {
      type: 'password',
      id,
      username: u.username,
      kdf,
      ...seal(deriveKek(u.password, kdf), a.dbKey, `jiuzhu-keyring/v1|password|${keyringId}|${id}|${u.username}|${machineTag}`),
      updatedAt: now,
    };
  });
  const rid = randomUUID();
  const rkdf = newKdfSpec(TEST_KDF);
  slots.push({
    type: 'recovery',
    id: rid,
    kdf: rkdf,
    ...seal(deriveKek(normalizeRecoveryCode(a.recoveryCode), rkdf), a.dbKey, `jiuzhu-keyring/v1|recovery|${keyringId}|${rid}`),
    createdAt: now,
  });
  const body = {
    format: 'jiuzhu-keyring',
    version: 1,
    keyringId,
    stationId: a.stationId,
    createdAt: now,
    machineTag,
    slots,
    guard: {},
    pendingEvents: [],
  };
  writeFileSync(path, `${JSON.stringify({ ...body, checksum: keyringChecksum(body) }, null, 1)}\n`, { mode: 0o600 });
}
