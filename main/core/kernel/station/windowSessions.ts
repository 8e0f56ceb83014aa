import { JiuzhuError } from '../../../../common/contract/index';
import type { Session } from '../accounts/sessions';
import type { CallContext, CallerSession } from '../../context';
import type { StationServices } from './stationServices';

/**
 * One session per window: the shell names the window of each call, and core remembers which
 * login session that window holds. The session id never travels to the renderer.
 */
export class WindowSessions {
  private readonly byWindow = new Map<string, string>();

  constructor(private readonly services: () => Promise<StationServices>) {}

  bind(windowId: string | undefined, session: Session): void {
    if (!windowId) throw new JiuzhuError('UNAUTHENTICATED');
    const previous = this.byWindow.get(windowId);
    this.byWindow.set(windowId, session.id);
    if (previous && previous !== session.id) void this.services().then((s) => s.auth.logout(previous));
  }

  unbind(windowId: string | undefined): string | undefined {
    if (!windowId) return undefined;
    const id = this.byWindow.get(windowId);
    this.byWindow.delete(windowId);
    return id;
  }

  /** The window's session as it stands (possibly locked), without counting as activity. */
  async peek(ctx: CallContext): Promise<Session | null> {
    const id = ctx.windowId ? this.byWindow.get(ctx.windowId) : undefined;
    if (!id) return null;
    const session = (await this.services()).auth.sessions.peek(id);
    if (!session && ctx.windowId) this.byWindow.delete(ctx.windowId);
    return session;
  }

  /**
   * The caller's session for a method that needs one: it must exist and be unlocked, and the
   * call counts as activity. A password that must be changed first blocks everything else.
   */
  async resolve(ctx: CallContext): Promise<CallerSession> {
    if (ctx.session) return ctx.session;
    const id = ctx.windowId ? this.byWindow.get(ctx.windowId) : undefined;
    if (!id) throw new JiuzhuError('UNAUTHENTICATED');
    const session = (await this.services()).auth.check(id);
    return { userId: session.accountId, roles: session.roles, sessionId: session.id };
  }
}
