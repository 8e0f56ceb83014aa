import type { CoreApi } from '../core/index';
import type { CliIo, ExitCode } from './io';

export interface GlobalOptions {
  dataDir: string;
  json: boolean;
}

export interface CommandContext {
  io: CliIo;
  global: GlobalOptions;
  /** Core for this run, created on first use (commands that need no core never start one). */
  core(): Promise<CoreApi>;
}

export interface Command {
  /** Words that select it, e.g. ['idnumber', 'check']. */
  path: string[];
  usage: string;
  summary: string;
  run(args: string[], ctx: CommandContext): Promise<ExitCode>;
}
