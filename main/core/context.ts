import type { Role, Shell } from '../../common/contract/index';

/** Who is calling. Sessions and roles arrive with the store; until then a caller may be anonymous. */
export interface CallerSession {
  userId: string;
  roles: Role[];
}

export interface CallContext {
  session: CallerSession | null;
  /** Which shell carried the call, for the audit record. */
  via: Shell;
}

/** Time as services see it; tests pass a fixed clock so deadlines and dates are exact. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
