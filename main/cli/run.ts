import { APP_VERSION, createCore, createStderrLogger, defaultDataDir, type CoreApi } from '../core/index';
import { badArgs } from './badArgs';
import type { Command, CommandContext } from './command';
import { COMMANDS } from './commands/index';
import { splitGlobalArgs } from './globalArgs';
import { EXIT, type CliIo, type ExitCode } from './io';

export interface CliEnvironment {
  io: CliIo;
  /** Overrides for tests: a core factory (fake clock, device id) and the default data dir. */
  makeCore?: (dataDir: string) => CoreApi;
  defaultDataDir?: string;
}

/** The admin CLI: `jiuzhu-admin [--data DIR] [--json] <command> …`. Returns the exit code. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<ExitCode> {
  const split = splitGlobalArgs(argv);
  const global = { dataDir: split.data ?? env.defaultDataDir ?? defaultDataDir(), json: split.json };
  let core: CoreApi | undefined;
  const ctx: CommandContext = {
    io: env.io,
    global,
    core: async () =>
      (core ??=
        env.makeCore?.(global.dataDir) ??
        createCore({ shell: 'cli', dataDir: global.dataDir, version: APP_VERSION, logger: createStderrLogger('warn') })),
  };
  if (split.error) return badArgs(ctx, split.error);
  if (split.help || split.rest.length === 0) {
    env.io.out(usage());
    return split.help ? EXIT.ok : EXIT.badInput;
  }
  const command = findCommand(split.rest);
  if (!command) return badArgs(ctx, `未知命令“${split.rest.join(' ')}”`);
  try {
    return await command.run(split.rest.slice(command.path.length), ctx);
  } finally {
    await core?.close();
  }
}

function findCommand(words: readonly string[]): Command | undefined {
  return COMMANDS.filter((c) => c.path.every((w, i) => words[i] === w)).sort((a, b) => b.path.length - a.path.length)[0];
}

function usage(): string {
  const lines = COMMANDS.map((c) => `  jiuzhu-admin ${c.usage.padEnd(40)} ${c.summary}`);
  return [
    '救助通工作站 管理命令',
    '',
    '用法: jiuzhu-admin [--data 数据目录] [--json] 命令 …',
    '',
    ...lines,
    '',
    '退出码: 0 成功，1 失败，2 输入有误',
    '',
  ].join('\n');
}
