import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactPersonalData } from '../audit/index';
import type { LogLevel, Logger } from './logger';

export interface FileLogOptions {
  /** The folder of the log files: `<dataDir>/logs`. */
  dir: string;
  /** `core` → core.log, core.1.log … core.<keep>.log (oldest). */
  name: string;
  /** Rotate when the current file would pass this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  minimum?: LogLevel;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const LOG_MAX_BYTES = 2 * 1024 * 1024;
export const LOG_KEEP = 4;

/** The log files of one name, newest first (current, .1, .2 …). */
export function logFileNames(name: string, keep = LOG_KEEP): string[] {
  return [`${name}.log`, ...Array.from({ length: keep }, (_, i) => `${name}.${i + 1}.log`)];
}

/**
 * One JSON line per event, appended to `<dir>/<name>.log`, rotated by size so a counter PC's disk
 * never fills (at most (keep + 1) × maxBytes per name). Every line passes the audit log's personal-
 * data guard as redaction: a name, an address, an ID or mobile number in a message or a stack
 * becomes a marker, so the files can go to the county's IT. A write that fails (disk full, folder
 * gone) is dropped: logging never stops the work.
 */
export function createFileLogger(options: FileLogOptions): Logger {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  const minimum = options.minimum ?? 'info';
  const names = logFileNames(options.name, keep).map((n) => join(options.dir, n));
  let size: number | undefined;
  const rotate = () => {
    rmSync(names.at(-1)!, { force: true });
    for (let i = names.length - 2; i >= 0; i--) if (existsSync(names[i]!)) renameSync(names[i]!, names[i + 1]!);
    size = 0;
  };
  return {
    log(level, event, fields = {}) {
      if (ORDER[level] < ORDER[minimum]) return;
      const line = `${redactPersonalData(JSON.stringify({ t: new Date().toISOString(), level, event, pid: process.pid, ...fields }))}\n`;
      try {
        if (size === undefined) {
          mkdirSync(options.dir, { recursive: true });
          size = existsSync(names[0]!) ? statSync(names[0]!).size : 0;
        }
        const bytes = Buffer.byteLength(line);
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(names[0]!, line);
        size += bytes;
      } catch {
        size = undefined;
      }
    },
  };
}

/** Every line to each of the loggers (stderr for a console, a file for the county's IT). */
export function teeLogger(...loggers: Logger[]): Logger {
  return { log: (level, event, fields) => loggers.forEach((l) => l.log(level, event, fields)) };
}
