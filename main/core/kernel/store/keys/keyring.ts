import { randomBytes, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { open, seal } from './aead';
import { deriveKek, newKdfSpec, type KdfParams } from './kdf';
import {
  keyringMac,
  legacyMachineTag,
  type Guard,
  type KeyringBody,
  type LegacyPasswordSlot,
  type LegacyRecoverySlot,
  type PasswordSlot,
  type PendingAuthEvent,
  type RecoverySlot,
} from './keyringFormat';
import { normalizeRecoveryCode } from './recoveryCode';
import {
  machineCheck,
  newSlotKeyPair,
  openBox,
  passwordKek,
  privateFromRaw,
  publicOf,
  rawPrivate,
  recoveryKek,
  sealToPublic,
  type Box,
} from './slotCrypto';

export const DB_KEY_BYTES = 32;
const MAX_PENDING_EVENTS = 500;
/** Guard entries kept for names without a slot (tried unknown names lock like known ones). */
const MAX_GUARD_ENTRIES = 300;

export function newDbKey(): Buffer {
  return randomBytes(DB_KEY_BYTES);
}

export function newKeyId(): string {
  return randomUUID();
}

/** What a slot gave: the current DB key, the next one while a rekey is under way, and the slot's private key. */
export interface Unlocked {
  dbKey: Buffer;
  nextKey: Buffer | null;
  /** The slot's X25519 private key (null for a format 1 slot). */
  privateKey: KeyObject | null;
  slotId: string;
  /** Opened through a format 1 slot (to be migrated). */
  legacy: boolean;
}

export type MachineMatch = 'this' | 'other' | 'unbound';

/**
 * The keyring (README "Keys"): per staff account an X25519 key pair whose private key is sealed
 * under scrypt(password) stretched with the machine secret, and the DB key boxed to its public
 * key; the same under the recovery code without the machine secret; the failed-login guard and
 * queued auth events, which are written before unlock and so stay outside the MAC. A plain value:
 * Station reads it fresh and writes it under the data-folder lock (locked read-modify-write).
 */
export class Keyring {
  private constructor(private body: KeyringBody) {}

  static create(args: { stationId: string; machineSecret: Uint8Array; keyId: string; now: Date }): Keyring {
    const keyringId = randomUUID();
    return new Keyring({
      format: 'jiuzhu-keyring',
      version: 2,
      keyringId,
      stationId: args.stationId,
      createdAt: args.now.toISOString(),
      machineCheck: machineCheck(args.machineSecret, keyringId),
      keyId: args.keyId,
      slots: [],
      mac: null,
      guard: {},
      pendingEvents: [],
    });
  }

  static fromBody(body: KeyringBody): Keyring {
    return new Keyring(structuredClone(body));
  }

  /** A deep copy (to save, to inspect in tests). */
  snapshot(): KeyringBody {
    return structuredClone(this.body);
  }

  get keyringId(): string {
    return this.body.keyringId;
  }
  get stationId(): string {
    return this.body.stationId;
  }
  get keyId(): string {
    return this.body.keyId;
  }
  get rekeyPending(): boolean {
    return this.body.nextKeyId !== undefined;
  }

  // --- machine ---
  /** Whether the password slots were made with this machine's secret ('unbound': format 1, no check stored). */
  machineMatch(machineSecret: Uint8Array): MachineMatch {
    if (this.body.machineCheck === null) return 'unbound';
    const want = Buffer.from(machineCheck(machineSecret, this.body.keyringId), 'hex');
    return timingSafeEqual(want, Buffer.from(this.body.machineCheck, 'hex')) ? 'this' : 'other';
  }

  /** Format 1 binding: the stored tag against the hashed machine id (kept only to open format 1 slots once). */
  legacyBoundTo(machineId: string): boolean {
    const tag = this.body.legacyMachineTag;
    return (
      tag !== undefined && timingSafeEqual(Buffer.from(legacyMachineTag(this.body.keyringId, machineId), 'hex'), Buffer.from(tag, 'hex'))
    );
  }

  // --- slots ---
  private passwordSlot(username: string): PasswordSlot | LegacyPasswordSlot | undefined {
    return this.body.slots.find(
      (s): s is PasswordSlot | LegacyPasswordSlot => (s.type === 'password' || s.type === 'password-v1') && s.username === username,
    );
  }

  usernames(): string[] {
    return this.body.slots.flatMap((s) => (s.type === 'password' || s.type === 'password-v1' ? [s.username] : []));
  }

  hasPasswordSlot(username: string): boolean {
    return this.passwordSlot(username) !== undefined;
  }

  /** Format 1 slots still present (they wrap the DB key directly and cannot follow a rekey). */
  legacySlots(): { usernames: string[]; recovery: boolean } {
    return {
      usernames: this.body.slots.flatMap((s) => (s.type === 'password-v1' ? [s.username] : [])),
      recovery: this.body.slots.some((s) => s.type === 'recovery-v1'),
    };
  }

  private passwordAad(slotId: string, username: string, pub: string): string {
    return `jiuzhu-keyring/v2|password|${this.body.keyringId}|${slotId}|${username}|${pub}`;
  }
  private recoveryAad(slotId: string, pub: string): string {
    return `jiuzhu-keyring/v2|recovery|${this.body.keyringId}|${slotId}|${pub}`;
  }
  private boxContext(slotId: string): string {
    return `${this.body.keyringId}|${slotId}`;
  }

  /**
   * Give `username` a slot for `password` on this machine, replacing any old one. `privateKey`
   * keeps the user's key pair (own password change), so backups made before still open for them.
   */
  setPasswordSlot(a: {
    username: string;
    password: string;
    dbKey: Uint8Array;
    kdf: KdfParams;
    machineSecret: Uint8Array;
    now: Date;
    privateKey?: KeyObject | null;
  }): void {
    const id = randomUUID();
    const spec = newKdfSpec(a.kdf);
    const pair = a.privateKey ? { privateKey: a.privateKey, pub: publicOf(a.privateKey) } : newSlotKeyPair();
    const kek = passwordKek(deriveKek(a.password, spec), a.machineSecret, `${this.body.keyringId}|${id}|${a.username}`);
    const slot: PasswordSlot = {
      type: 'password',
      id,
      username: a.username,
      kdf: spec,
      pub: pair.pub,
      priv: seal(kek, rawPrivate(pair.privateKey), this.passwordAad(id, a.username, pair.pub)),
      box: sealToPublic(pair.pub, a.dbKey, this.body.keyId, this.boxContext(id)),
      updatedAt: a.now.toISOString(),
    };
    this.body.slots = [
      ...this.body.slots.filter((s) => !((s.type === 'password' || s.type === 'password-v1') && s.username === a.username)),
      slot,
    ];
  }

  removePasswordSlot(username: string): boolean {
    const before = this.body.slots.length;
    this.body.slots = this.body.slots.filter((s) => !((s.type === 'password' || s.type === 'password-v1') && s.username === username));
    return this.body.slots.length !== before;
  }

  /**
   * The keys `username`'s slot gives for `password` on this machine, or null. An unknown user
   * costs the same scrypt work as a known one. A format 1 slot opens only where its stored tag
   * matches (the caller migrates it at once).
   */
  unlockPassword(username: string, password: string, machineSecret: Uint8Array, machineId: string): Unlocked | null {
    const slot = this.passwordSlot(username);
    if (!slot) {
      const first = this.body.slots.find((s): s is PasswordSlot => s.type === 'password');
      deriveKek(password, first?.kdf ?? newKdfSpec({ alg: 'scrypt', N: 2 ** 15, r: 8, p: 1 }));
      return null;
    }
    if (slot.type === 'password-v1') {
      const tag = this.body.legacyMachineTag;
      if (!tag || !this.legacyBoundTo(machineId)) return null;
      const key = open(
        deriveKek(password, slot.kdf),
        slot,
        `jiuzhu-keyring/v1|password|${this.body.keyringId}|${slot.id}|${username}|${tag}`,
      );
      return key ? { dbKey: key, nextKey: null, privateKey: null, slotId: slot.id, legacy: true } : null;
    }
    const kek = passwordKek(deriveKek(password, slot.kdf), machineSecret, `${this.body.keyringId}|${slot.id}|${username}`);
    const raw = open(kek, slot.priv, this.passwordAad(slot.id, username, slot.pub));
    return raw ? this.openSlotBoxes(slot, raw) : null;
  }

  private openSlotBoxes(slot: PasswordSlot | RecoverySlot, rawPriv: Buffer): Unlocked | null {
    const privateKey = privateFromRaw(rawPriv);
    rawPriv.fill(0);
    if (!privateKey || publicOf(privateKey) !== slot.pub) return null;
    const dbKey = this.openBox(privateKey, slot.id, slot.box, this.body.keyId);
    if (!dbKey) return null;
    const nextKey = slot.nextBox && this.body.nextKeyId ? this.openBox(privateKey, slot.id, slot.nextBox, this.body.nextKeyId) : null;
    return { dbKey, nextKey, privateKey, slotId: slot.id, legacy: false };
  }

  private openBox(privateKey: KeyObject, slotId: string, box: Box, keyId: string): Buffer | null {
    if (box.keyId !== keyId) return null;
    const key = openBox(privateKey, box, this.boxContext(slotId));
    return key && key.length === DB_KEY_BYTES ? key : null;
  }

  /** The keys of `username`'s slot opened with its private key (a backup's keyring, by an admin's session). */
  unlockWithPrivateKey(username: string, privateKey: KeyObject): Buffer | null {
    const slot = this.passwordSlot(username);
    if (!slot || slot.type !== 'password' || publicOf(privateKey) !== slot.pub) return null;
    return this.openBox(privateKey, slot.id, slot.box, this.body.keyId);
  }

  /** Replace the recovery slot with one under `code` (the code itself is never stored). */
  setRecoverySlot(code: string, dbKey: Uint8Array, kdf: KdfParams, now: Date): void {
    const id = randomUUID();
    const spec = newKdfSpec(kdf);
    const pair = newSlotKeyPair();
    const kek = recoveryKek(deriveKek(normalizeRecoveryCode(code), spec), `${this.body.keyringId}|${id}`);
    const slot: RecoverySlot = {
      type: 'recovery',
      id,
      kdf: spec,
      pub: pair.pub,
      priv: seal(kek, rawPrivate(pair.privateKey), this.recoveryAad(id, pair.pub)),
      box: sealToPublic(pair.pub, dbKey, this.body.keyId, this.boxContext(id)),
      createdAt: now.toISOString(),
    };
    this.body.slots = [...this.body.slots.filter((s) => s.type !== 'recovery' && s.type !== 'recovery-v1'), slot];
  }

  /** The keys the recovery slot gives for `code`; throws STORE_BAD_RECOVERY_CODE otherwise. */
  unlockRecovery(code: string): Unlocked {
    const normalized = normalizeRecoveryCode(code);
    const slot = this.body.slots.find((s): s is RecoverySlot | LegacyRecoverySlot => s.type === 'recovery' || s.type === 'recovery-v1');
    if (!slot) throw new JiuzhuError('STORE_BAD_RECOVERY_CODE', {}, { reason: 'no recovery slot' });
    const scrypted = deriveKek(normalized, slot.kdf);
    if (slot.type === 'recovery-v1') {
      const key = open(scrypted, slot, `jiuzhu-keyring/v1|recovery|${this.body.keyringId}|${slot.id}`);
      if (!key) throw new JiuzhuError('STORE_BAD_RECOVERY_CODE');
      return { dbKey: key, nextKey: null, privateKey: null, slotId: slot.id, legacy: true };
    }
    const raw = open(recoveryKek(scrypted, `${this.body.keyringId}|${slot.id}`), slot.priv, this.recoveryAad(slot.id, slot.pub));
    const unlocked = raw ? this.openSlotBoxes(slot, raw) : null;
    if (!unlocked) throw new JiuzhuError('STORE_BAD_RECOVERY_CODE');
    return unlocked;
  }

  /**
   * Bind the keyring to this machine's secret after a recovery on a new one. Password slots made
   * on the old machine cannot be opened here, so they are dropped; returns the user names that
   * need a password reset.
   */
  rebind(machineSecret: Uint8Array): string[] {
    const dropped = this.usernames();
    this.body.slots = this.body.slots.filter((s) => s.type !== 'password' && s.type !== 'password-v1');
    this.body.guard = {};
    this.body.machineCheck = machineCheck(machineSecret, this.body.keyringId);
    return dropped;
  }

  /** After a format 1 keyring is opened on its machine: record this machine's check. */
  bindIfUnbound(machineSecret: Uint8Array): void {
    if (this.body.machineCheck === null) this.body.machineCheck = machineCheck(machineSecret, this.body.keyringId);
  }

  // --- rotation (README "Rotation") ---
  /**
   * Phase 1: box `nextKey` to every remaining slot. Format 1 slots cannot follow and are removed;
   * returns what was dropped (the caller issues a new recovery code if the recovery slot was).
   */
  beginRekey(nextKey: Uint8Array, nextKeyId: string): { droppedUsers: string[]; droppedRecovery: boolean } {
    const legacy = this.legacySlots();
    this.body.slots = this.body.slots
      .filter((s) => s.type === 'password' || s.type === 'recovery')
      .map((s) =>
        s.type === 'password' || s.type === 'recovery'
          ? { ...s, nextBox: sealToPublic(s.pub, nextKey, nextKeyId, this.boxContext(s.id)) }
          : s,
      );
    this.body.nextKeyId = nextKeyId;
    delete this.body.legacyMachineTag;
    return { droppedUsers: legacy.usernames, droppedRecovery: legacy.recovery };
  }

  /** Phase 2, once the database is encrypted with the next key: it becomes the current one. */
  finishRekey(): void {
    const next = this.body.nextKeyId;
    if (!next) return;
    this.body.slots = this.body.slots.map((s) => {
      if ((s.type === 'password' || s.type === 'recovery') && s.nextBox) {
        const { nextBox, ...rest } = s;
        return { ...rest, box: nextBox };
      }
      return s;
    });
    this.body.keyId = next;
    delete this.body.nextKeyId;
    delete this.body.nextMac;
  }

  // --- MAC (keyed from the DB key; guard and pending events are outside it) ---
  macValid(key: Uint8Array, which: 'current' | 'next' = 'current'): boolean {
    const stored = which === 'current' ? this.body.mac : this.body.nextMac;
    if (stored === null || stored === undefined)
      return which === 'current' && !this.body.slots.some((s) => s.type === 'password' || s.type === 'recovery');
    return timingSafeEqual(Buffer.from(keyringMac(this.body, key), 'hex'), Buffer.from(stored, 'hex'));
  }

  /** Recompute the MACs with the keys (the next key's MAC only while a rekey is under way). */
  sealMac(key: Uint8Array, nextKey?: Uint8Array | null): void {
    this.body.mac = keyringMac(this.body, key);
    if (this.body.nextKeyId && nextKey) this.body.nextMac = keyringMac(this.body, nextKey);
    else delete this.body.nextMac;
  }

  /** The keyring of a backup: every slot's box re-sealed to the backup's own key, no guard, no queue. */
  forBackup(backupKey: Uint8Array, backupKeyId: string): KeyringBody {
    const k = new Keyring(structuredClone(this.body));
    k.body.keyId = backupKeyId;
    delete k.body.nextKeyId;
    delete k.body.nextMac;
    delete k.body.legacyMachineTag;
    k.body.slots = k.body.slots.flatMap((s) => {
      if (s.type !== 'password' && s.type !== 'recovery') return [];
      const { nextBox: _n, ...rest } = s;
      return [{ ...rest, box: sealToPublic(s.pub, backupKey, backupKeyId, k.boxContext(s.id)) }];
    });
    k.body.guard = {};
    k.body.pendingEvents = [];
    k.sealMac(backupKey);
    return k.snapshot();
  }

  // --- failed-login guard (read before unlock) ---
  guardOf(username: string): Guard {
    return this.body.guard[username] ?? { failures: 0, lockedUntil: null };
  }
  setGuard(username: string, guard: Guard): void {
    if (guard.failures === 0 && guard.lockedUntil === null) {
      delete this.body.guard[username];
      return;
    }
    delete this.body.guard[username];
    this.body.guard[username] = guard;
    const names = Object.keys(this.body.guard);
    const known = new Set(this.usernames());
    for (const name of names) {
      if (Object.keys(this.body.guard).length <= MAX_GUARD_ENTRIES) break;
      if (!known.has(name) && name !== username) delete this.body.guard[name];
    }
  }

  addPendingEvent(event: PendingAuthEvent): void {
    this.body.pendingEvents = [...this.body.pendingEvents, event].slice(-MAX_PENDING_EVENTS);
  }
  pendingEvents(): PendingAuthEvent[] {
    return [...this.body.pendingEvents];
  }
  /** Remove exactly these events (others may have been queued meanwhile by another process). */
  removePendingEvents(done: readonly PendingAuthEvent[]): void {
    const left = [...this.body.pendingEvents];
    for (const e of done) {
      const i = left.findIndex((x) => x.at === e.at && x.action === e.action && x.username === e.username);
      if (i >= 0) left.splice(i, 1);
    }
    this.body.pendingEvents = left;
  }
}
