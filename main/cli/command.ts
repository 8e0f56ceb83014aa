import type { Invoke } from '../../common/contract/index';
import type { CoreApi } from '../core/index';
import type { CliIo, ExitCode } from './io';

export interface GlobalOptions {
  dataDir: string;
  json: boolean;
  /** --user: the staff account commands that need a session log in as (password from JIUZHU_PASSWORD or a prompt). */
  user: string | undefined;
}

export interface CommandContext {
  io: CliIo;
  global: GlobalOptions;
  /** Core for this run, created on first use (commands that need no core never start one). */
  core(): Promise<CoreApi>;
  /**
   * Call a contract method. Methods that need a session log in first, once per run, as --user;
   * the login's own error (wrong password, locked account) comes back as the envelope.
   */
  invoke: Invoke;
}

export interface Command {
  /** Words that select it, e.g. ['idnumber', 'check']. */
  path: string[];
  usage: string;
  summary: string;
  run(args: string[], ctx: CommandContext): Promise<ExitCode>;
}
