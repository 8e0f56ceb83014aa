import { randomBytes } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import type { Role } from '../../../../common/contract/permissions';
import type { Clock } from '../store/types';

export interface Session {
  id: string;
  accountId: string;
  username: string;
  roles: Role[];
  createdAt: Date;
  lastActiveAt: Date;
  /** A locked session keeps its state (the clerk's unsaved form) but needs the password again. */
  locked: boolean;
  mustChangePassword: boolean;
}

/**
 * In-memory sessions, one per window. Idle lock is computed from the injected clock whenever a
 * session is looked at, so a fake clock makes it exact and no timer is needed in core.
 */
export class SessionManager {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly idleMs: number,
    private readonly onIdleLock: (s: Session) => void = () => undefined,
  ) {}

  create(a: { accountId: string; username: string; roles: Role[]; mustChangePassword: boolean }): Session {
    const now = this.clock.now();
    const s: Session = { id: randomBytes(24).toString('base64url'), ...a, createdAt: now, lastActiveAt: now, locked: false };
    this.sessions.set(s.id, s);
    return s;
  }

  /** Look without counting as activity; applies the idle lock. */
  peek(id: string): Session | null {
    const s = this.sessions.get(id);
    if (!s) return null;
    if (!s.locked && this.clock.now().getTime() - s.lastActiveAt.getTime() >= this.idleMs) {
      s.locked = true;
      this.onIdleLock(s);
    }
    return s;
  }

  /** For every call made in a session: it must exist and be unlocked; counts as activity. */
  touch(id: string): Session {
    const s = this.peek(id);
    if (!s) throw new JiuzhuError('AUTH_SESSION_UNKNOWN');
    if (s.locked) throw new JiuzhuError('AUTH_SESSION_LOCKED');
    s.lastActiveAt = this.clock.now();
    return s;
  }

  lock(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new JiuzhuError('AUTH_SESSION_UNKNOWN');
    s.locked = true;
    return s;
  }

  markUnlocked(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new JiuzhuError('AUTH_SESSION_UNKNOWN');
    s.locked = false;
    s.lastActiveAt = this.clock.now();
    return s;
  }

  remove(id: string): Session | null {
    const s = this.sessions.get(id) ?? null;
    this.sessions.delete(id);
    return s;
  }

  forAccount(accountId: string): Session[] {
    return [...this.sessions.values()].filter((s) => s.accountId === accountId);
  }

  update(accountId: string, patch: Partial<Pick<Session, 'roles' | 'mustChangePassword'>>): void {
    for (const s of this.forAccount(accountId)) Object.assign(s, patch);
  }

  count(): number {
    return this.sessions.size;
  }

  clear(): void {
    this.sessions.clear();
  }
}
