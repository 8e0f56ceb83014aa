import { timingSafeEqual } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import { AuditLog } from '../audit/audit-log';
import { generateRecoveryCode } from '../store/keys/recovery-code';
import type { PendingAuthEvent } from '../store/keys/keyring-format';
import type { Station } from '../store/station';
import type { Clock, Logger } from '../store/types';
import { noLogger } from '../store/types';
import { AccountRepository } from './account-repo';
import type { AuthConfig } from './config';
import { assertPasswordAcceptable, USERNAME_PATTERN } from './password-policy';
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
 * (readable without the DB key, checksummed, written atomically). It is raised and saved BEFORE
 * the scrypt work of an attempt and reset only after success, so killing the app mid-attempt
 * still counts. Failures while the DB is closed are queued in the keyring and copied into the
 * audit chain at the next successful unlock; while the DB is open they go straight to audit.
 */
export class AuthService {
  readonly sessions: SessionManager;
  private auditLog: AuditLog | null = null;
  private auditDb: unknown = null;

  constructor(
    private readonly station: Station,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
    private readonly logger: Logger = noLogger,
    private readonly options: { closeWhenNoSessions?: boolean } = {},
  ) {
    this.sessions = new SessionManager(clock, config.idleLockMinutes * 60_000, (s) => {
      if (this.station.isOpen()) this.audit().append({ actor: s.accountId, action: 'auth.idle_lock', targetType: 'session', targetId: null });
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

  private recordAuthEvent(action: PendingAuthEvent['action'], username: string, accountId?: string): void {
    const at = this.clock.now();
    if (this.station.isOpen()) {
      this.audit().append({ actor: accountId ?? 'anonymous', action, details: { username: safeName(username) }, at });
    } else {
      const k = this.station.keyring();
      k.addPendingEvent({ at: at.toISOString(), action, username: safeName(username) });
      k.save();
    }
  }

  private flushPendingEvents(): void {
    const k = this.station.keyring();
    const pending = k.pendingEvents();
    if (pending.length === 0) return;
    this.station.withKeyringTxn(() => {
      for (const e of pending) this.audit().append({ actor: 'anonymous', action: e.action, details: { username: e.username, queued: true }, at: new Date(e.at) });
      k.clearPendingEvents();
      k.save();
    });
  }

  /**
   * Check `password` against `username`'s key slot with the lockout guard. Returns the DB key.
   * Throws AUTH_ACCOUNT_LOCKED (without trying) or STORE_WRONG_PASSWORD (counted, audited).
   */
  verifyPassword(username: string, password: string, accountId?: string): Buffer {
    try {
      return this.verifyPasswordOnce(username, password, accountId);
    } catch (e) {
      // A failed keyring write leaves memory ahead of the file: reload what is on disk.
      if (e instanceof JiuzhuError && (e.code === 'STORE_IO' || e.code === 'STORE_DISK_FULL')) this.station.reloadKeyring();
      throw e;
    }
  }

  private verifyPasswordOnce(username: string, password: string, accountId?: string): Buffer {
    const now = this.clock.now();
    const keyring = this.station.keyring();
    if (!keyring.isBoundTo(this.station.machineId)) throw new JiuzhuError('STORE_OTHER_MACHINE');
    let guard = keyring.guardOf(username);
    if (guard.lockedUntil) {
      if (new Date(guard.lockedUntil) > now) {
        this.recordAuthEvent('auth.login_refused_locked', username, accountId);
        throw new JiuzhuError('AUTH_ACCOUNT_LOCKED', { until: formatLocal(new Date(guard.lockedUntil)) }, { lockedUntil: guard.lockedUntil });
      }
      guard = { failures: 0, lockedUntil: null };
    }
    const known = keyring.hasPasswordSlot(username);
    const failures = guard.failures + 1;
    if (known) {
      keyring.setGuard(username, { failures, lockedUntil: null });
      keyring.save(); // write-ahead: the attempt counts even if we die during scrypt
    }
    const key = keyring.unwrapWithPassword(username, password);
    if (!key) {
      const lock = known && failures >= this.config.maxFailedLogins;
      if (lock) {
        const until = new Date(now.getTime() + this.config.lockoutMinutes * 60_000);
        keyring.setGuard(username, { failures, lockedUntil: until.toISOString() });
        keyring.save();
      }
      this.recordAuthEvent('auth.login_failed', username, accountId);
      if (lock) this.recordAuthEvent('auth.locked_out', username, accountId);
      this.logger.log('warn', 'auth.failed', { failures: known ? failures : undefined, locked: lock });
      throw new JiuzhuError(
        'STORE_WRONG_PASSWORD',
        { max: this.config.maxFailedLogins },
        { remaining: known ? Math.max(0, this.config.maxFailedLogins - failures) : undefined, locked: lock },
      );
    }
    keyring.setGuard(username, { failures: 0, lockedUntil: null });
    keyring.save();
    return key;
  }

  login(usernameInput: string, password: string): Session {
    const username = usernameInput.trim().toLowerCase();
    const key = this.verifyPassword(username, password);
    try {
      this.station.open(key);
    } finally {
      key.fill(0);
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
    this.audit().append({ actor: account.id, action: 'auth.login', targetType: 'account', targetId: account.id });
    return session;
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
    const key = this.verifyPassword(s.username, password, s.accountId);
    const same = key.length === this.station.dbKey.length && timingSafeEqual(key, this.station.dbKey);
    key.fill(0);
    if (!same) throw new JiuzhuError('STORE_KEY_MISMATCH');
    const account = this.accounts().findById(s.accountId);
    if (!account || account.disabled) {
      this.logout(sessionId);
      throw new JiuzhuError('AUTH_ACCOUNT_DISABLED');
    }
    this.sessions.markUnlocked(sessionId);
    this.audit().append({ actor: s.accountId, action: 'auth.unlock', targetType: 'account', targetId: s.accountId });
    return s;
  }

  logout(sessionId: string): void {
    const s = this.sessions.remove(sessionId);
    if (!s) return;
    if (this.station.isOpen()) this.audit().append({ actor: s.accountId, action: 'auth.logout', targetType: 'account', targetId: s.accountId });
    this.closeIfUnused();
  }

  /** End every session of an account (disabled, or reset by an admin). */
  endSessionsOf(accountId: string): void {
    for (const s of this.sessions.forAccount(accountId)) this.sessions.remove(s.id);
  }

  /**
   * Open the station with the recovery code (forgotten admin password, or the data moved to a
   * new machine). Sets a new password for `username` (an admin), rebinds the keyring to this
   * machine if needed, and replaces the recovery code — a used code is void.
   */
  recover(args: { recoveryCode: string; username: string; newPassword: string }): RecoverResult {
    const username = args.username.trim().toLowerCase();
    assertPasswordAcceptable(args.newPassword, username, this.config.passwordMinLength);
    const keyring = this.station.keyring();
    let key: Buffer;
    try {
      key = keyring.unwrapWithRecoveryCode(args.recoveryCode);
    } catch (e) {
      this.recordAuthEvent('auth.recovery_failed', username);
      throw e;
    }
    this.station.open(key);
    key.fill(0);
    this.flushPendingEvents();
    const repo = this.accounts();
    const account = repo.findByUsername(username);
    if (!account || !account.roles.includes('admin')) {
      this.closeIfUnused();
      throw new JiuzhuError('AUTH_ACCOUNT_NOT_FOUND');
    }
    const recoveryCode = generateRecoveryCode();
    const now = this.clock.now();
    const rebound = !keyring.isBoundTo(this.station.machineId);
    let dropped: string[] = [];
    this.station.withKeyringTxn(() => {
      if (rebound) dropped = keyring.rebind(this.station.machineId);
      keyring.setPasswordSlot(username, args.newPassword, this.station.dbKey, this.config.kdf, now);
      keyring.setGuard(username, { failures: 0, lockedUntil: null });
      keyring.setRecoverySlot(recoveryCode, this.station.dbKey, this.config.kdf, now);
      repo.setDisabled(account.id, false, now.toISOString());
      repo.setMustChangePassword(account.id, false, now.toISOString());
      this.audit().append({
        actor: account.id,
        action: 'auth.recovered',
        targetType: 'account',
        targetId: account.id,
        details: { rebound, droppedSlots: dropped.length },
      });
      keyring.save();
    });
    const session = this.sessions.create({ accountId: account.id, username, roles: account.roles, mustChangePassword: false });
    return { session, recoveryCode, needPasswordReset: dropped.filter((u) => u !== username) };
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
    this.auditLog = null;
    this.station.close();
  }
}

/** "2025-03-01 14:05" in China Standard Time, for messages. */
export function formatLocal(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3_600_000);
  return t.toISOString().slice(0, 16).replace('T', ' ');
}
