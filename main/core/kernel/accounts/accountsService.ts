import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import { rolesGrant, ROLES, type Role } from '../../../../common/contract/permissions';
import type { Station } from '../store/station';
import type { Clock } from '../store/types';
import { AccountRepository, type Account } from './accountRepo';
import type { AuthService } from './authService';
import type { AuthConfig } from './config';
import { assertPasswordAcceptable, assertUsername } from './passwordPolicy';
import type { Session } from './sessions';

export interface AccountView extends Account {
  /** False when the account has no key slot (disabled, or dropped by a recovery on a new machine). */
  hasKeySlot: boolean;
  /** ISO time until which logins are refused after too many failures, or null. */
  lockedUntil: string | null;
}

export interface DisableResult {
  account: Account;
  /** A new recovery code when the old one could not follow the new key (format 1); show it once. */
  newRecoveryCode: string | null;
  /** Users whose format 1 slots could not follow the new key: they need a password reset. */
  needPasswordReset: string[];
}

export interface NewAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** Initial password set by the admin; the user must change it at first login. */
  password: string;
}

/**
 * Staff management for admins. A password is never stored: creating, resetting or changing it
 * (re)wraps the DB key into that account's keyring slot. Each DB change and its keyring write
 * happen inside one transaction, so a failed keyring write rolls the DB change back.
 */
export class AccountsService {
  constructor(
    private readonly station: Station,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
  ) {}

  private repo(): AccountRepository {
    return new AccountRepository(this.station.db);
  }

  private requireAdmin(actor: Session): void {
    if (!rolesGrant(actor.roles, 'admin.accounts')) throw new JiuzhuError('FORBIDDEN', { permission: 'admin.accounts' });
  }

  private requireAccount(id: string): Account {
    const a = this.repo().findById(id);
    if (!a) throw new JiuzhuError('AUTH_ACCOUNT_NOT_FOUND');
    return a;
  }

  private assertRoles(roles: readonly Role[]): void {
    if (roles.length === 0) throw new JiuzhuError('AUTH_NO_ROLES');
    for (const r of roles) if (!ROLES.includes(r)) throw new JiuzhuError('AUTH_NO_ROLES', {}, { bad: r });
  }

  private assertDisplayName(name: string): string {
    const n = name.trim();
    if (n.length === 0 || n.length > 40) throw new JiuzhuError('INVALID_INPUT', { path: 'displayName', detail: '1–40 个字' });
    return n;
  }

  list(actor: Session): AccountView[] {
    this.requireAdmin(actor);
    const keyring = this.station.keyring();
    return this.repo()
      .list()
      .map((a) => ({ ...a, hasKeySlot: keyring.hasPasswordSlot(a.username), lockedUntil: keyring.guardOf(a.username).lockedUntil }));
  }

  create(actor: Session, input: NewAccount): Account {
    this.requireAdmin(actor);
    const username = input.username.trim().toLowerCase();
    assertUsername(username);
    this.assertRoles(input.roles);
    const displayName = this.assertDisplayName(input.displayName);
    assertPasswordAcceptable(input.password, username, this.config.passwordMinLength);
    const repo = this.repo();
    if (repo.findByUsername(username)) throw new JiuzhuError('AUTH_USERNAME_TAKEN', { username });
    const now = this.clock.now();
    const id = randomUUID();
    this.station.withKeyringTxn((keyring) => {
      repo.insert(
        {
          id,
          username,
          displayName,
          disabled: false,
          mustChangePassword: true,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        },
        input.roles,
      );
      this.auth.audit().append({
        actor: actor.accountId,
        action: 'account.create',
        targetType: 'account',
        targetId: id,
        details: { roles: [...input.roles].sort().join(',') },
      });
      keyring.setPasswordSlot({
        username,
        password: input.password,
        dbKey: this.station.dbKey,
        kdf: this.config.kdf,
        machineSecret: this.station.machineSecret(),
        now,
      });
      keyring.setGuard(username, { failures: 0, lockedUntil: null });
    });
    return this.requireAccount(id);
  }

  setRoles(actor: Session, accountId: string, roles: Role[]): Account {
    this.requireAdmin(actor);
    this.assertRoles(roles);
    const a = this.requireAccount(accountId);
    const repo = this.repo();
    this.station.db.transaction(() => {
      repo.setRoles(accountId, roles, this.clock.now().toISOString());
      if (a.roles.includes('admin') && !roles.includes('admin') && repo.countEnabledAdmins() === 0)
        throw new JiuzhuError('AUTH_LAST_ADMIN');
      this.auth.audit().append({
        actor: actor.accountId,
        action: 'account.set_roles',
        targetType: 'account',
        targetId: accountId,
        details: { roles: [...roles].sort().join(',') },
      });
    })();
    this.auth.sessions.update(accountId, { roles: [...roles].sort() });
    return this.requireAccount(accountId);
  }

  setDisplayName(actor: Session, accountId: string, displayName: string): Account {
    this.requireAdmin(actor);
    this.requireAccount(accountId);
    const name = this.assertDisplayName(displayName);
    this.station.db.transaction(() => {
      this.repo().setDisplayName(accountId, name, this.clock.now().toISOString());
      this.auth.audit().append({ actor: actor.accountId, action: 'account.rename', targetType: 'account', targetId: accountId });
    })();
    return this.requireAccount(accountId);
  }

  /**
   * Disable: the account's key slot is removed, its sessions end, and the database gets a new key
   * boxed to every remaining slot, so the slot taken from any earlier copy of the keyring opens
   * nothing live (README "Rotation"). `newRecoveryCode` is set when the recovery slot was still of
   * format 1 and could not follow the new key: show it once.
   */
  disable(actor: Session, accountId: string): DisableResult {
    this.requireAdmin(actor);
    const a = this.requireAccount(accountId);
    const repo = this.repo();
    const rotated = this.station.rotateKey({
      kdf: this.config.kdf,
      before: (keyring) => {
        keyring.removePasswordSlot(a.username);
      },
      dbChanges: () => {
        repo.setDisabled(accountId, true, this.clock.now().toISOString());
        if (a.roles.includes('admin') && repo.countEnabledAdmins() === 0) throw new JiuzhuError('AUTH_LAST_ADMIN');
        this.auth.audit().append({
          actor: actor.accountId,
          action: 'account.disable',
          targetType: 'account',
          targetId: accountId,
          details: { rekeyed: true },
        });
      },
    });
    this.auth.endSessionsOf(accountId);
    return { account: this.requireAccount(accountId), newRecoveryCode: rotated.newRecoveryCode, needPasswordReset: rotated.droppedUsers };
  }

  /**
   * Set a temporary password (also re-enables a disabled account and clears a lockout). The user
   * must change it at next login. Existing sessions of that account end.
   */
  resetPassword(actor: Session, accountId: string, temporaryPassword: string): Account {
    this.requireAdmin(actor);
    const a = this.requireAccount(accountId);
    assertPasswordAcceptable(temporaryPassword, a.username, this.config.passwordMinLength);
    const repo = this.repo();
    const now = this.clock.now();
    this.station.withKeyringTxn((keyring) => {
      repo.setDisabled(accountId, false, now.toISOString());
      repo.setMustChangePassword(accountId, true, now.toISOString());
      this.auth.audit().append({
        actor: actor.accountId,
        action: 'account.reset_password',
        targetType: 'account',
        targetId: accountId,
        details: { wasDisabled: a.disabled },
      });
      keyring.setPasswordSlot({
        username: a.username,
        password: temporaryPassword,
        dbKey: this.station.dbKey,
        kdf: this.config.kdf,
        machineSecret: this.station.machineSecret(),
        now,
      });
      keyring.setGuard(a.username, { failures: 0, lockedUntil: null });
    });
    if (actor.accountId !== accountId) this.auth.endSessionsOf(accountId);
    return this.requireAccount(accountId);
  }

  /** A user changes their own password: the old one must open the slot; the slot is re-wrapped. */
  changePassword(session: Session, oldPassword: string, newPassword: string): void {
    const a = this.requireAccount(session.accountId);
    assertPasswordAcceptable(newPassword, a.username, this.config.passwordMinLength);
    if (oldPassword.normalize('NFC') === newPassword.normalize('NFC')) throw new JiuzhuError('AUTH_PASSWORD_REUSED');
    const unlocked = this.auth.verifyPassword(a.username, oldPassword, a.id);
    unlocked.dbKey.fill(0);
    unlocked.nextKey?.fill(0);
    const now = this.clock.now();
    // The key pair stays (backups made before keep opening for this user); only its seal changes.
    this.station.withKeyringTxn((keyring) => {
      this.repo().setMustChangePassword(a.id, false, now.toISOString());
      this.auth.audit().append({ actor: a.id, action: 'account.change_password', targetType: 'account', targetId: a.id });
      keyring.setPasswordSlot({
        username: a.username,
        password: newPassword,
        dbKey: this.station.dbKey,
        kdf: this.config.kdf,
        machineSecret: this.station.machineSecret(),
        now,
        privateKey: unlocked.privateKey,
      });
    });
    this.auth.sessions.update(a.id, { mustChangePassword: false });
  }
}
