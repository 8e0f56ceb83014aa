import type { Role } from '../../../../common/contract/permissions';
import type { Db } from '../store/types';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  roles: string | null;
}

const SELECT = `SELECT a.*, (SELECT group_concat(role, ',') FROM account_role r WHERE r.account_id = a.id) AS roles FROM account a`;

const toAccount = (r: Row): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: (r.roles ? r.roles.split(',') : []).sort() as Role[],
  disabled: r.disabled === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Accounts and roles: named reads and writes; the SQL stays here. */
export class AccountRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Account | null {
    const r = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
    return r ? toAccount(r) : null;
  }

  findByUsername(username: string): Account | null {
    const r = this.db.prepare(`${SELECT} WHERE a.username = ?`).get(username) as Row | undefined;
    return r ? toAccount(r) : null;
  }

  list(): Account[] {
    return (this.db.prepare(`${SELECT} ORDER BY a.username`).all() as Row[]).map(toAccount);
  }

  insert(a: Omit<Account, 'roles'>, roles: readonly Role[]): void {
    this.db
      .prepare(
        'INSERT INTO account (id, username, display_name, disabled, must_change_password, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(a.id, a.username, a.displayName, a.disabled ? 1 : 0, a.mustChangePassword ? 1 : 0, a.createdAt, a.updatedAt);
    this.setRoles(a.id, roles, a.updatedAt);
  }

  setRoles(id: string, roles: readonly Role[], now: string): void {
    this.db.prepare('DELETE FROM account_role WHERE account_id = ?').run(id);
    const ins = this.db.prepare('INSERT INTO account_role (account_id, role) VALUES (?, ?)');
    for (const role of new Set(roles)) ins.run(id, role);
    this.touch(id, now);
  }

  setDisabled(id: string, disabled: boolean, now: string): void {
    this.db.prepare('UPDATE account SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, now, id);
  }

  setMustChangePassword(id: string, must: boolean, now: string): void {
    this.db.prepare('UPDATE account SET must_change_password = ?, updated_at = ? WHERE id = ?').run(must ? 1 : 0, now, id);
  }

  setDisplayName(id: string, displayName: string, now: string): void {
    this.db.prepare('UPDATE account SET display_name = ?, updated_at = ? WHERE id = ?').run(displayName, now, id);
  }

  countEnabledAdmins(): number {
    return (
      this.db
        .prepare(`SELECT count(*) AS n FROM account a JOIN account_role r ON r.account_id = a.id WHERE r.role = 'admin' AND a.disabled = 0`)
        .get() as { n: number }
    ).n;
  }

  private touch(id: string, now: string): void {
    this.db.prepare('UPDATE account SET updated_at = ? WHERE id = ?').run(now, id);
  }
}
