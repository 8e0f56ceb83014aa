import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import { rolesGrant, ROLES, type Role } from '../../../common/contract/permissions';
import type { Station } from '../store/station';
import type { Clock } from '../store/types';
import { AccountRepository, type Account } from './account-repo';
import type { AuthService } from './auth-service';
import type { AuthConfig } from './config';
import { assertPasswordAcceptable, assertUsername } from './password-policy';
import type { Session } from './sessions';

export interface AccountView extends Account {
  /** False when the account has no key slot (disabled, or dropped by a recovery on a new machine). */
  hasKeySlot: boolean;
  /** ISO time until which logins are refused after too many failures, or null. */
  lockedUntil: string | null;
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
    const keyring = this.station.keyring();
    this.station.withKeyringTxn(() => {
      repo.insert({ id, username, displayName, disabled: false, mustChangePassword: true, createdAt: now.toISOString(), updatedAt: now.toISOString() }, input.roles);
      this.auth.audit().append({ actor: actor.accountId, action: 'account.create', targetType: 'account', targetId: id, details: { roles: [...input.roles].sort().join(',') } });
      keyring.setPasswordSlot(username, input.password, this.station.dbKey, this.config.kdf, now);
      keyring.setGuard(username, { failures: 0, lockedUntil: null });
      keyring.save();
    });
    return this.requireAccount(id);
  }

  setRoles(actor: Session, accountId: string, roles: Role[]): Account {
    this.requireAdmin(actor);
    this.assertRoles(roles);
    const a = this.requireAccount(accountId);
    const repo = this.repo();
    this.station.withKeyringTxn(() => {
      repo.setRoles(accountId, roles, this.clock.now().toISOString());
      if (a.roles.includes('admin') && !roles.includes('admin') && repo.countEnabledAdmins() === 0) throw new JiuzhuError('AUTH_LAST_ADMIN');
      this.auth.audit().append({ actor: actor.accountId, action: 'account.set_roles', targetType: 'account', targetId: accountId, details: { roles: [...roles].sort().join(',') } });
    });
    this.auth.sessions.update(accountId, { roles: [...roles].sort() });
    return this.requireAccount(accountId);
  }

  setDisplayName(actor: Session, accountId: string, displayName: string): Account {
    this.requireAdmin(actor);
    this.requireAccount(accountId);
    const name = this.assertDisplayName(displayName);
    this.station.withKeyringTxn(() => {
      this.repo().setDisplayName(accountId, name, this.clock.now().toISOString());
      this.auth.audit().append({ actor: actor.accountId, action: 'account.rename', targetType: 'account', targetId: accountId });
    });
    return this.requireAccount(accountId);
  }

  /** Disable: the account's key slot is removed and its sessions end. */
  disable(actor: Session, accountId: string): Account {
    this.requireAdmin(actor);
    const a = this.requireAccount(accountId);
    const repo = this.repo();
    const keyring = this.station.keyring();
    this.station.withKeyringTxn(() => {
      repo.setDisabled(accountId, true, this.clock.now().toISOString());
      if (a.roles.includes('admin') && repo.countEnabledAdmins() === 0) throw new JiuzhuError('AUTH_LAST_ADMIN');
      this.auth.audit().append({ actor: actor.accountId, action: 'account.disable', targetType: 'account', targetId: accountId });
      keyring.removePasswordSlot(a.username);
      keyring.save();
    });
    this.auth.endSessionsOf(accountId);
    return this.requireAccount(accountId);
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
    const keyring = this.station.keyring();
    const now = this.clock.now();
    this.station.withKeyringTxn(() => {
      repo.setDisabled(accountId, false, now.toISOString());
      repo.setMustChangePassword(accountId, true, now.toISOString());
      this.auth.audit().append({ actor: actor.accountId, action: 'account.reset_password', targetType: 'account', targetId: accountId, details: { wasDisabled: a.disabled } });
      keyring.setPasswordSlot(a.username, temporaryPassword, this.station.dbKey, this.config.kdf, now);
      keyring.setGuard(a.username, { failures: 0, lockedUntil: null });
      keyring.save();
    });
    if (actor.accountId !== accountId) this.auth.endSessionsOf(accountId);
    return this.requireAccount(accountId);
  }

  /** A user changes their own password: the old one must open the slot; the slot is re-wrapped. */
  changePassword(session: Session, oldPassword: string, newPassword: string): void {
    const a = this.requireAccount(session.accountId);
    assertPasswordAcceptable(newPassword, a.username, this.config.passwordMinLength);
    if (oldPassword.normalize('NFC') === newPassword.normalize('NFC')) throw new JiuzhuError('AUTH_PASSWORD_REUSED');
    const key = this.auth.verifyPassword(a.username, oldPassword, a.id);
    key.fill(0);
    const keyring = this.station.keyring();
    const now = this.clock.now();
    this.station.withKeyringTxn(() => {
      this.repo().setMustChangePassword(a.id, false, now.toISOString());
      this.auth.audit().append({ actor: a.id, action: 'account.change_password', targetType: 'account', targetId: a.id });
      keyring.setPasswordSlot(a.username, newPassword, this.station.dbKey, this.config.kdf, now);
      keyring.save();
    });
    this.auth.sessions.update(a.id, { mustChangePassword: false });
  }
}
