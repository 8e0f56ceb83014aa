/**
 * Structured logging: one JSON object per line. Callers pass facts, never personal data;
 * ID numbers and names are masked before they reach a log (CONVENTIONS.md).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Lines go to stderr so that a CLI's stdout stays machine-readable. */
export function createStderrLogger(minimum: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return {
    log(level, event, fields = {}) {
      if (ORDER[level] < ORDER[minimum]) return;
      write(`${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`);
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };
