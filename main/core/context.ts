import type { Role, Shell } from '../../common/contract/index';

/** Who is calling. Sessions and roles arrive with the store; until then a caller may be anonymous. */
export interface CallerSession {
  /** The account id. */
  userId: string;
  roles: Role[];
  /** The login session this call belongs to (absent for callers that authenticated otherwise). */
  sessionId?: string;
}

export interface CallContext {
  /**
   * A session the caller has already established (the CLI after --user, tests). Shells that serve
   * windows leave it out and pass `windowId`; core then finds the window's session itself.
   */
  session?: CallerSession | null;
  /** The window the call came from: one session per window. */
  windowId?: string;
  /** Which shell carried the call, for the audit record. */
  via: Shell;
}

/** The context of a method that needs a session: the dispatcher has resolved it and checked its permission. */
export interface SessionCallContext extends CallContext {
  session: CallerSession;
}

/** Time as services see it; tests pass a fixed clock so deadlines and dates are exact. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
