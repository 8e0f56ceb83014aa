import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import { open, seal } from './aead';
import { deriveKek, newKdfSpec, type KdfParams, type KdfSpec } from './kdf';
import { readKeyringFile, writeKeyringFile } from './keyring-file';
import { machineTag, type Guard, type KeyringBody, type PasswordSlot, type PendingAuthEvent, type RecoverySlot } from './keyring-format';
import { normalizeRecoveryCode } from './recovery-code';

export const DB_KEY_BYTES = 32;
const MAX_PENDING_EVENTS = 500;

export function newDbKey(): Buffer {
  return randomBytes(DB_KEY_BYTES);
}

/**
 * The keyring file beside the database: the DB key wrapped once per staff account (password →
 * scrypt → AES-256-GCM, AAD bound to the machine), once under the recovery code (not bound to
 * the machine), optionally once by the OS keystore; plus the failed-login guard, which must be
 * readable before the database is unlocked. Every mutation is saved atomically by `save()`.
 */
export class Keyring {
  private constructor(
    readonly path: string,
    private body: KeyringBody,
  ) {}

  static create(path: string, args: { stationId: string; machineId: string; now: Date }): Keyring {
    const keyringId = randomUUID();
    return new Keyring(path, {
      format: 'jiuzhu-keyring',
      version: 1,
      keyringId,
      stationId: args.stationId,
      createdAt: args.now.toISOString(),
      machineTag: machineTag(keyringId, args.machineId),
      slots: [],
      guard: {},
      pendingEvents: [],
    });
  }

  static load(path: string): Keyring {
    return new Keyring(path, readKeyringFile(path));
  }

  /** Wrap an already-parsed body (e.g. from a backup) without touching any file. */
  static fromBody(path: string, body: KeyringBody): Keyring {
    return new Keyring(path, structuredClone(body));
  }

  save(): void {
    writeKeyringFile(this.path, this.body);
  }

  get keyringId(): string {
    return this.body.keyringId;
  }
  get stationId(): string {
    return this.body.stationId;
  }
  /** A deep copy for inspection (tests, diagnostics). */
  snapshot(): KeyringBody {
    return structuredClone(this.body);
  }

  isBoundTo(machineId: string): boolean {
    const want = Buffer.from(machineTag(this.body.keyringId, machineId), 'hex');
    return timingSafeEqual(want, Buffer.from(this.body.machineTag, 'hex'));
  }

  private passwordAad(slotId: string, username: string): string {
    return `jiuzhu-keyring/v1|password|${this.body.keyringId}|${slotId}|${username}|${this.body.machineTag}`;
  }
  private recoveryAad(slotId: string): string {
    return `jiuzhu-keyring/v1|recovery|${this.body.keyringId}|${slotId}`;
  }

  usernames(): string[] {
    return this.body.slots.filter((s): s is PasswordSlot => s.type === 'password').map((s) => s.username);
  }

  private passwordSlot(username: string): PasswordSlot | undefined {
    return this.body.slots.find((s): s is PasswordSlot => s.type === 'password' && s.username === username);
  }

  hasPasswordSlot(username: string): boolean {
    return this.passwordSlot(username) !== undefined;
  }

  /** Wrap the DB key under `password` for `username`, replacing that user's old slot. */
  setPasswordSlot(username: string, password: string, dbKey: Uint8Array, kdf: KdfParams, now: Date): void {
    const id = randomUUID();
    const spec = newKdfSpec(kdf);
    const sealed = seal(deriveKek(password, spec), dbKey, this.passwordAad(id, username));
    const slot: PasswordSlot = { type: 'password', id, username, kdf: spec, ...sealed, updatedAt: now.toISOString() };
    this.body.slots = [...this.body.slots.filter((s) => !(s.type === 'password' && s.username === username)), slot];
  }

  removePasswordSlot(username: string): boolean {
    const before = this.body.slots.length;
    this.body.slots = this.body.slots.filter((s) => !(s.type === 'password' && s.username === username));
    delete this.body.guard[username];
    return this.body.slots.length !== before;
  }

  /**
   * The DB key if `password` opens `username`'s slot, else null. An unknown user costs the same
   * scrypt work as a known one, so timing does not reveal which user names exist.
   */
  unwrapWithPassword(username: string, password: string): Buffer | null {
    const slot = this.passwordSlot(username);
    if (!slot) {
      const first = this.body.slots.find((s): s is PasswordSlot => s.type === 'password');
      deriveKek(password, first?.kdf ?? newKdfSpec({ alg: 'scrypt', N: 2 ** 14, r: 8, p: 1 }));
      return null;
    }
    return open(deriveKek(password, slot.kdf), slot, this.passwordAad(slot.id, username));
  }

  /** Replace the recovery slot with one under `code` (the code itself is never stored). */
  setRecoverySlot(code: string, dbKey: Uint8Array, kdf: KdfParams, now: Date): void {
    const id = randomUUID();
    const spec: KdfSpec = newKdfSpec(kdf);
    const sealed = seal(deriveKek(normalizeRecoveryCode(code), spec), dbKey, this.recoveryAad(id));
    const slot: RecoverySlot = { type: 'recovery', id, kdf: spec, ...sealed, createdAt: now.toISOString() };
    this.body.slots = [...this.body.slots.filter((s) => s.type !== 'recovery'), slot];
  }

  /** The DB key if `code` opens the recovery slot; throws STORE_BAD_RECOVERY_CODE otherwise. */
  unwrapWithRecoveryCode(code: string): Buffer {
    const normalized = normalizeRecoveryCode(code);
    const slot = this.body.slots.find((s): s is RecoverySlot => s.type === 'recovery');
    if (!slot) throw new JiuzhuError('STORE_BAD_RECOVERY_CODE', {}, { reason: 'no recovery slot' });
    const key = open(deriveKek(normalized, slot.kdf), slot, this.recoveryAad(slot.id));
    if (!key) throw new JiuzhuError('STORE_BAD_RECOVERY_CODE');
    return key;
  }

  /**
   * Bind the keyring to this machine after a recovery on a new one. Password slots made on the
   * old machine can no longer be opened (their AAD names the old machine), so they are dropped;
   * returns the user names that need a password reset.
   */
  rebind(machineId: string): string[] {
    const dropped = this.usernames();
    this.body.slots = this.body.slots.filter((s) => s.type !== 'password');
    this.body.guard = {};
    this.body.machineTag = machineTag(this.body.keyringId, machineId);
    return dropped;
  }

  // --- OS keystore slot (optional; see os-keystore.ts) ---
  get keystoreSlot(): { backend: string; blob: string } | undefined {
    const s = this.body.slots.find((x) => x.type === 'os-keystore');
    return s && s.type === 'os-keystore' ? { backend: s.backend, blob: s.blob } : undefined;
  }
  setKeystoreSlot(backend: string, blob: Uint8Array, now: Date): void {
    this.body.slots = [
      ...this.body.slots.filter((s) => s.type !== 'os-keystore'),
      { type: 'os-keystore', id: randomUUID(), backend, blob: Buffer.from(blob).toString('base64'), createdAt: now.toISOString() },
    ];
  }
  removeKeystoreSlot(): void {
    this.body.slots = this.body.slots.filter((s) => s.type !== 'os-keystore');
  }

  // --- failed-login guard (read before unlock) ---
  guardOf(username: string): Guard {
    return this.body.guard[username] ?? { failures: 0, lockedUntil: null };
  }
  setGuard(username: string, guard: Guard): void {
    if (guard.failures === 0 && guard.lockedUntil === null) delete this.body.guard[username];
    else this.body.guard[username] = guard;
  }

  addPendingEvent(event: PendingAuthEvent): void {
    this.body.pendingEvents = [...this.body.pendingEvents, event].slice(-MAX_PENDING_EVENTS);
  }
  pendingEvents(): PendingAuthEvent[] {
    return [...this.body.pendingEvents];
  }
  clearPendingEvents(): void {
    this.body.pendingEvents = [];
  }
}
