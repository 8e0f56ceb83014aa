import { JiuzhuError, METHODS, isMethodName, typedInvoke, type Envelope } from '../../common/contract/index';
import { APP_VERSION, createCore, createStderrLogger, dataLocation, machineScopeOptions, readPreset, type CoreApi } from '../core/index';
import { readPasswordFromTerminal } from './password';
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
  /** Where the password of --user comes from; default JIUZHU_PASSWORD, else a prompt on a terminal. */
  readPassword?: () => Promise<string | undefined>;
}

const CLI_WINDOW = { via: 'cli' as const, windowId: 'cli' };

/** The admin CLI: `jiuzhu-admin [--data DIR] [--json] <command> …`. Returns the exit code. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<ExitCode> {
  const split = splitGlobalArgs(argv);
  // The preset's data scope: this account's folder, or the station the PC's staff accounts share.
  const location = split.data || env.defaultDataDir ? null : dataLocation(readPreset().preset);
  const global = { dataDir: split.data ?? env.defaultDataDir ?? location!.dataDir, json: split.json, user: split.user };
  let core: CoreApi | undefined;
  let loggedIn: Promise<Envelope> | undefined;
  const makeCore = () => {
    const logger = createStderrLogger('warn');
    return createCore({
      shell: 'cli',
      dataDir: global.dataDir,
      version: APP_VERSION,
      logger,
      ...(location ? machineScopeOptions(location, logger) : {}),
    });
  };
  const getCore = async () => (core ??= env.makeCore?.(global.dataDir) ?? makeCore());
  const login = async (): Promise<Envelope> => {
    if (!global.user)
      return {
        ok: false,
        error: new JiuzhuError('BAD_ARGUMENTS', {
          detail: '此命令需要登录：请加 --user 用户名，并在 JIUZHU_PASSWORD 中提供密码',
        }).toApiError(),
      };
    const password = await (env.readPassword ?? defaultPasswordSource)();
    if (!password)
      return {
        ok: false,
        error: new JiuzhuError('BAD_ARGUMENTS', { detail: '没有密码：请设置 JIUZHU_PASSWORD，或在终端中运行以便输入密码' }).toApiError(),
      };
    return (await getCore()).invoke('session.login', { username: global.user, password }, CLI_WINDOW);
  };
  const ctx: CommandContext = {
    io: env.io,
    global,
    core: getCore,
    invoke: typedInvoke(async (method, input) => {
      if (isMethodName(method) && METHODS[method].permission !== 'public') {
        const session = await (loggedIn ??= login());
        if (!session.ok) return session;
      }
      return (await getCore()).invoke(method, input, CLI_WINDOW);
    }),
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
    if (loggedIn && (await loggedIn).ok) await core?.invoke('session.logout', {}, CLI_WINDOW);
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
    '用法: jiuzhu-admin [--data 数据目录] [--json] [--user 用户名] 命令 …',
    '需要登录的命令从环境变量 JIUZHU_PASSWORD 读取密码（在终端中运行时也可直接输入）。',
    '',
    ...lines,
    '',
    '退出码: 0 成功，1 失败，2 输入有误',
    '',
  ].join('\n');
}

async function defaultPasswordSource(): Promise<string | undefined> {
  if (process.env.JIUZHU_PASSWORD) return process.env.JIUZHU_PASSWORD;
  return process.stdin.isTTY ? readPasswordFromTerminal('密码：') : undefined;
}
