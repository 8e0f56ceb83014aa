import type { KeyObject } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import { AuditLog } from '../audit/auditLog';
import { generateRecoveryCode } from '../store/keys/recoveryCode';
import type { Keyring, Unlocked } from '../store/keys/keyring';
import type { PendingAuthEvent } from '../store/keys/keyringFormat';
import { newSlotKeyPair } from '../store/keys/slotCrypto';
import type { Station } from '../store/station';
import type { Clock, Logger } from '../store/types';
import { noLogger } from '../store/types';
import { AccountRepository } from './accountRepo';
import type { AuthConfig } from './config';
import { assertPasswordAcceptable, USERNAME_PATTERN } from './passwordPolicy';
import { SessionManager, type Session } from './sessions';

export interface RecoverResult {
  session: Session;
  /** The NEW recovery code (the used one is void). Show once. */
  recoveryCode: string;
  /** Accounts whose key slots were dropped (bound to the old machine): they need a password reset. */
  needPasswordReset: string[];
}

/** Usernames go into audit details; anything that is not a valid username is recorded as such. */
const safeName = (u: string): string => (USERNAME_PATTERN.test(u) ? u : '(invalid)');

/**
 * Login, lock/unlock, logout and recovery.
 *
 * Lockout before unlock: the failed-login counter of each user name lives in the keyring file
 * (readable without the DB key, checksummed, written atomically under the data folder's lock, so
 * the CLI and the app count into the same counter). It is raised and saved BEFORE the scrypt work
 * of an attempt, and the attempt that reaches the limit saves the lock first, so at most
 * `maxFailedLogins` passwords are ever tried per lockout, across processes, even if one dies
 * mid-attempt. Known and unknown names are counted, locked and answered alike. Failures while
 * the DB is closed are queued in the keyring and copied into the audit chain at the next unlock.
 */
export class AuthService {
  readonly sessions: SessionManager;
  private auditLog: AuditLog | null = null;
  private auditDb: unknown = null;
  /** Each session's slot private key (to open the same user's box in a backup's keyring). */
  private readonly slotKeys = new Map<string, KeyObject>();

  constructor(
    private readonly station: Station,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
    private readonly logger: Logger = noLogger,
    private readonly options: { closeWhenNoSessions?: boolean } = {},
  ) {
    this.sessions = new SessionManager(clock, config.idleLockMinutes * 60_000, (s) => {
      if (this.station.isOpen())
        this.audit().append({ actor: s.accountId, action: 'auth.idle_lock', targetType: 'session', targetId: null });
    });
  }

  /** The audit log of the open database. */
  audit(): AuditLog {
    const db = this.station.db;
    if (!this.auditLog || this.auditDb !== db) {
      this.auditLog = new AuditLog(db, this.clock, this.station.machineId);
      this.auditDb = db;
    }
    return this.auditLog;
  }

  accounts(): AccountRepository {
    return new AccountRepository(this.station.db);
  }

  /** The slot private key of a session (null for a session opened through a format 1 slot). */
  slotKeyOf(sessionId: string): KeyObject | null {
    return this.slotKeys.get(sessionId) ?? null;
  }

  private recordAuthEvent(action: PendingAuthEvent['action'], username: string, accountId?: string): void {
    const at = this.clock.now();
    if (this.station.isOpen()) {
      this.audit().append({ actor: accountId ?? 'anonymous', action, details: { username: safeName(username) }, at });
    } else {
      this.station.updateKeyring((k) => k.addPendingEvent({ at: at.toISOString(), action, username: safeName(username) }));
    }
  }

  private flushPendingEvents(): void {
    if (this.station.keyring().pendingEvents().length === 0) return;
    this.station.withKeyringTxn((k) => {
      const pending = k.pendingEvents();
      for (const e of pending)
        this.audit().append({ actor: 'anonymous', action: e.action, details: { username: e.username, queued: true }, at: new Date(e.at) });
      k.removePendingEvents(pending);
    });
  }

  private isOtherMachine(keyring: Keyring): boolean {
    const match = keyring.machineMatch(this.station.machineSecret());
    return match === 'other' || (match === 'unbound' && !keyring.legacyBoundTo(this.station.machineId));
  }

  /**
   * Check `password` against `username`'s key slot with the lockout guard. Returns what the slot
   * gives. Throws STORE_OTHER_MACHINE (slots made with another machine's secret), AUTH_ACCOUNT_LOCKED
   * (without trying) or STORE_WRONG_PASSWORD (counted, audited, the same for unknown names).
   */
  verifyPassword(usernameInput: string, password: string, accountId?: string): Unlocked {
    const username = safeName(usernameInput);
    const now = this.clock.now();
    const max = this.config.maxFailedLogins;
    const until = new Date(now.getTime() + this.config.lockoutMinutes * 60_000);
    const pre = this.station.updateKeyring((k): { refused: 'other' | string } | { failures: number } => {
      if (this.isOtherMachine(k)) return { refused: 'other' };
      let guard = k.guardOf(username);
      if (guard.lockedUntil && new Date(guard.lockedUntil) > now) return { refused: guard.lockedUntil };
      if (guard.lockedUntil) guard = { failures: 0, lockedUntil: null };
      const failures = guard.failures + 1;
      // write-ahead: this attempt counts even if the process dies during scrypt; the last allowed one locks first
      k.setGuard(username, { failures, lockedUntil: failures >= max ? until.toISOString() : null });
      return { failures };
    });
    if ('refused' in pre) {
      if (pre.refused === 'other') throw new JiuzhuError('STORE_OTHER_MACHINE');
      this.recordAuthEvent('auth.login_refused_locked', username, accountId);
      throw new JiuzhuError('AUTH_ACCOUNT_LOCKED', { until: formatLocal(new Date(pre.refused)) }, { lockedUntil: pre.refused });
    }
    const unlocked = this.station.keyring().unlockPassword(username, password, this.station.machineSecret(), this.station.machineId);
    if (!unlocked) {
      const lock = pre.failures >= max;
      this.recordAuthEvent('auth.login_failed', username, accountId);
      if (lock) this.recordAuthEvent('auth.locked_out', username, accountId);
      this.logger.log('warn', 'auth.failed', { failures: pre.failures, locked: lock });
      throw new JiuzhuError('STORE_WRONG_PASSWORD', { max }, { remaining: Math.max(0, max - pre.failures), locked: lock });
    }
    this.station.updateKeyring((k) => k.setGuard(username, { failures: 0, lockedUntil: null }));
    return unlocked;
  }

  login(usernameInput: string, password: string): Session {
    const username = usernameInput.trim().toLowerCase();
    const unlocked = this.verifyPassword(username, password);
    let slotKey = unlocked.privateKey;
    try {
      this.station.openUnlocked(unlocked);
      if (unlocked.legacy) slotKey = this.migrateSlot(username, password);
    } finally {
      unlocked.dbKey.fill(0);
      unlocked.nextKey?.fill(0);
    }
    this.flushPendingEvents();
    const account = this.accounts().findByUsername(username);
    if (!account || account.disabled) {
      this.audit().append({ actor: account?.id ?? 'anonymous', action: 'auth.login_refused_disabled', details: { username } });
      this.closeIfUnused();
      throw new JiuzhuError('AUTH_ACCOUNT_DISABLED');
    }
    const session = this.sessions.create({
      accountId: account.id,
      username,
      roles: account.roles,
      mustChangePassword: account.mustChangePassword,
    });
    if (slotKey) this.slotKeys.set(session.id, slotKey);
    this.audit().append({ actor: account.id, action: 'auth.login', targetType: 'account', targetId: account.id });
    return session;
  }

  /** A format 1 slot just opened: replace it by a slot bound to this machine's secret (README "Migration"). */
  private migrateSlot(username: string, password: string): KeyObject {
    const pair = newSlotKeyPair();
    const now = this.clock.now();
    this.station.withKeyringTxn((k) => {
      k.bindIfUnbound(this.station.machineSecret());
      k.setPasswordSlot({
        username,
        password,
        dbKey: this.station.dbKey,
        kdf: this.config.kdf,
        machineSecret: this.station.machineSecret(),
        now,
        privateKey: pair.privateKey,
      });
      this.audit().append({ actor: 'system', action: 'keyring.slot_migrated', details: { username } });
    });
    this.logger.log('info', 'store.slot_migrated', {});
    return pair.privateKey;
  }

  /** The session of a call: must exist, be unlocked and (unless allowed) not owe a password change. */
  check(sessionId: string, options: { allowMustChange?: boolean } = {}): Session {
    const s = this.sessions.touch(sessionId);
    if (s.mustChangePassword && !options.allowMustChange) throw new JiuzhuError('AUTH_MUST_CHANGE_PASSWORD');
    return s;
  }

  lock(sessionId: string): Session {
    const s = this.sessions.lock(sessionId);
    this.audit().append({ actor: s.accountId, action: 'auth.lock', targetType: 'account', targetId: s.accountId });
    return s;
  }

  /** Unlock a locked session with its user's password (counts toward lockout like a login). */
  unlock(sessionId: string, password: string): Session {
    const s = this.sessions.peek(sessionId);
    if (!s) throw new JiuzhuError('AUTH_SESSION_UNKNOWN');
    const unlocked = this.verifyPassword(s.username, password, s.accountId);
    const same = this.station.isCurrentKey(unlocked.dbKey) || (unlocked.nextKey !== null && this.station.isCurrentKey(unlocked.nextKey));
    unlocked.dbKey.fill(0);
    unlocked.nextKey?.fill(0);
    if (!same) throw new JiuzhuError('STORE_KEY_MISMATCH');
    const account = this.accounts().findById(s.accountId);
    if (!account || account.disabled) {
      this.logout(sessionId);
      throw new JiuzhuError('AUTH_ACCOUNT_DISABLED');
    }
    this.sessions.markUnlocked(sessionId);
    if (unlocked.privateKey) this.slotKeys.set(sessionId, unlocked.privateKey);
    this.audit().append({ actor: s.accountId, action: 'auth.unlock', targetType: 'account', targetId: s.accountId });
    return s;
  }

  logout(sessionId: string): void {
    const s = this.sessions.remove(sessionId);
    this.slotKeys.delete(sessionId);
    if (!s) return;
    if (this.station.isOpen())
      this.audit().append({ actor: s.accountId, action: 'auth.logout', targetType: 'account', targetId: s.accountId });
    this.closeIfUnused();
  }

  /** End every session of an account (disabled, or reset by an admin). */
  endSessionsOf(accountId: string): void {
    for (const s of this.sessions.forAccount(accountId)) {
      this.sessions.remove(s.id);
      this.slotKeys.delete(s.id);
    }
  }

  /**
   * Open the station with the recovery code (forgotten admin password, or the data moved to a
   * new machine). Sets a new password for `username` (an admin), rebinds the keyring to this
   * machine if needed, and gives the database a new key: the used code, and any copy of the
   * keyring made before, no longer open it. A new recovery code replaces the used one.
   */
  recover(args: { recoveryCode: string; username: string; newPassword: string }): RecoverResult {
    const username = args.username.trim().toLowerCase();
    assertPasswordAcceptable(args.newPassword, username, this.config.passwordMinLength);
    let unlocked: Unlocked;
    try {
      unlocked = this.station.keyring().unlockRecovery(args.recoveryCode);
    } catch (e) {
      this.recordAuthEvent('auth.recovery_failed', username);
      throw e;
    }
    try {
      this.station.openUnlocked(unlocked);
    } finally {
      unlocked.dbKey.fill(0);
      unlocked.nextKey?.fill(0);
    }
    this.flushPendingEvents();
    const repo = this.accounts();
    const account = repo.findByUsername(username);
    if (!account || !account.roles.includes('admin')) {
      this.closeIfUnused();
      throw new JiuzhuError('AUTH_ACCOUNT_NOT_FOUND');
    }
    const recoveryCode = generateRecoveryCode();
    const now = this.clock.now();
    const pair = newSlotKeyPair();
    const secret = this.station.machineSecret();
    let rebound = false;
    let dropped: string[] = [];
    const rotated = this.station.rotateKey({
      kdf: this.config.kdf,
      before: (k) => {
        rebound = this.isOtherMachine(k);
        if (rebound) dropped = k.rebind(secret);
        k.bindIfUnbound(secret);
        k.removePasswordSlot(username);
        k.setGuard(username, { failures: 0, lockedUntil: null });
      },
      dbChanges: () => {
        repo.setDisabled(account.id, false, now.toISOString());
        repo.setMustChangePassword(account.id, false, now.toISOString());
        this.audit().append({
          actor: account.id,
          action: 'auth.recovered',
          targetType: 'account',
          targetId: account.id,
          details: { rebound, droppedSlots: dropped.length, rekeyed: true },
        });
      },
      after: (k, newKey) => {
        k.setPasswordSlot({
          username,
          password: args.newPassword,
          dbKey: newKey,
          kdf: this.config.kdf,
          machineSecret: secret,
          now,
          privateKey: pair.privateKey,
        });
        k.setRecoverySlot(recoveryCode, newKey, this.config.kdf, now);
      },
    });
    const session = this.sessions.create({ accountId: account.id, username, roles: account.roles, mustChangePassword: false });
    this.slotKeys.set(session.id, pair.privateKey);
    const needPasswordReset = [...new Set([...dropped, ...rotated.droppedUsers])].filter((u) => u !== username);
    return { session, recoveryCode, needPasswordReset };
  }

  private closeIfUnused(): void {
    if ((this.options.closeWhenNoSessions ?? true) && this.sessions.count() === 0) {
      this.auditLog = null;
      this.station.close();
    }
  }

  /** Shut down: end all sessions and close the database. */
  close(): void {
    this.sessions.clear();
    this.slotKeys.clear();
    this.auditLog = null;
    this.station.close();
  }
}

/** "2025-03-01 14:05" in China Standard Time, for messages. */
export function formatLocal(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3_600_000);
  return t.toISOString().slice(0, 16).replace('T', ' ');
}
