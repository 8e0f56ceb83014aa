import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** An open better-sqlite3 connection (encrypted or, for benchmarks only, plain). */
export type Db = BetterSqlite3.Database;

/** Time as the store sees it; structurally the same as core's Clock. */
export interface Clock {
  now(): Date;
}

/** Structured logger; structurally the same as core's Logger. Never pass personal data. */
export interface Logger {
  log(level: 'debug' | 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>): void;
}

export const noLogger: Logger = { log: () => undefined };
