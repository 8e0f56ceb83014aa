import { parseArgs } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../../../common/contract/index';
import { badArgs } from '../badArgs';
import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../io';
import { printFacts, reportError } from '../output';
import { readPasswordFromTerminal } from '../password';

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };
/** A string option's value (a flag given without one is not a value). */
const text = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function parse(
  ctx: CommandContext,
  args: string[],
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>,
): Parsed | ExitCode {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }) as Parsed;
  } catch (error) {
    return badArgs(ctx, (error as Error).message);
  }
}

async function run<M extends MethodName>(
  ctx: CommandContext,
  method: M,
  input: MethodInput<M>,
  show: (result: MethodOutput<M>) => void,
): Promise<ExitCode> {
  const envelope = await ctx.invoke(method, input);
  if (!envelope.ok) return reportError(ctx, envelope.error);
  if (ctx.global.json) ctx.io.out(`${JSON.stringify(envelope.result)}\n`);
  else show(envelope.result);
  return EXIT.ok;
}

export const initCommand: Command = {
  path: ['init'],
  usage: 'init --station-name 名称 --region 代码 --admin 用户名 [--admin-name 姓名]',
  summary: '首次设置：工作站、第一个管理员（密码取自 JIUZHU_PASSWORD），打印一次性恢复码',
  async run(args, ctx) {
    const parsed = parse(ctx, args, {
      'station-name': { type: 'string' },
      region: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const stationName = text(parsed.values['station-name']);
    const regionCode = text(parsed.values.region);
    const admin = text(parsed.values.admin);
    if (!stationName || !regionCode || !admin) return badArgs(ctx, '需要 --station-name、--region 和 --admin');
    const password = process.env.JIUZHU_PASSWORD;
    if (!password) return badArgs(ctx, '请在环境变量 JIUZHU_PASSWORD 中提供管理员密码');
    return run(
      ctx,
      'setup.init',
      {
        stationName,
        regionCode,
        admin: { username: admin, displayName: text(parsed.values['admin-name']) ?? admin, password },
      },
      (r) => {
        ctx.io.out('首次设置完成。\n\n恢复码（只显示这一次，请抄写或打印后放入站内保险柜）：\n\n');
        ctx.io.out(`    ${r.recoveryCode}\n\n`);
      },
    );
  },
};

export const backupCommand: Command = {
  path: ['backup'],
  usage: 'backup --out 文件',
  summary: '在线备份（仍为加密数据），写完后读回校验',
  async run(args, ctx) {
    const parsed = parse(ctx, args, { out: { type: 'string' } });
    if (typeof parsed === 'number') return parsed;
    const out = text(parsed.values.out);
    if (!out) return badArgs(ctx, '需要 --out 指定备份文件');
    return run(ctx, 'backup.create', { out }, (r) =>
      printFacts(ctx, [
        ['备份文件', r.file],
        ['大小', `${(r.bytes / 1024 / 1024).toFixed(2)} MB`],
        ['时间', r.createdAt],
      ]),
    );
  },
};

/** The recovery code never comes from argv (other users see a process's arguments): env, or one line on stdin. */
async function recoveryCodeFrom(stdin: boolean): Promise<string | undefined> {
  if (process.env.JIUZHU_RECOVERY_CODE) return process.env.JIUZHU_RECOVERY_CODE;
  if (!stdin) return undefined;
  if (process.stdin.isTTY) return readPasswordFromTerminal('恢复码：');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n') || text.length > 200) break;
  }
  return text.split('\n')[0]?.trim() || undefined;
}

export const restoreCommand: Command = {
  path: ['restore'],
  usage: 'restore --in 文件 [--admin 用户名 --recovery-code-stdin]',
  summary: '从备份恢复：先完整校验，损坏或不属于本站的备份不会动现有数据；新机器上用恢复码（取自 JIUZHU_RECOVERY_CODE 或标准输入）',
  async run(args, ctx) {
    const parsed = parse(ctx, args, {
      in: { type: 'string' },
      'recovery-code': { type: 'string' },
      'recovery-code-stdin': { type: 'boolean' },
      admin: { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const file = parsed.values.in as string | undefined;
    if (parsed.values['recovery-code'] !== undefined) {
      return badArgs(
        ctx,
        '恢复码不能写在命令行上（本机其他用户可从进程列表看到）：请放在环境变量 JIUZHU_RECOVERY_CODE 中，或加 --recovery-code-stdin 后从标准输入输入',
      );
    }
    if (!file) return badArgs(ctx, '需要 --in 指定备份文件');
    const admin = parsed.values.admin as string | undefined;
    const code =
      admin || parsed.values['recovery-code-stdin'] ? await recoveryCodeFrom(parsed.values['recovery-code-stdin'] === true) : undefined;
    // On a new or emptied machine there is no account to log in with: the backup's recovery code opens it.
    if (admin || code) {
      const newPassword = process.env.JIUZHU_PASSWORD;
      if (!admin || !code || !newPassword) {
        return badArgs(
          ctx,
          '用恢复码恢复时需要 --admin 用户名，恢复码放在 JIUZHU_RECOVERY_CODE 中（或加 --recovery-code-stdin），该管理员的新密码放在 JIUZHU_PASSWORD 中',
        );
      }
      return run(ctx, 'setup.restore', { file, recoveryCode: code, username: admin, newPassword }, (r) => {
        ctx.io.out(
          `已从 ${r.createdAt} 的备份恢复，管理员 ${admin} 已设置新密码。\n\n新的恢复码（旧恢复码已作废，只显示这一次）：\n\n    ${r.recoveryCode}\n\n`,
        );
        if (r.needPasswordReset.length) ctx.io.out(`以下账号需由管理员重置密码：${r.needPasswordReset.join('、')}\n`);
      });
    }
    return run(ctx, 'backup.restore', { file }, (r) => {
      ctx.io.out(`已从 ${r.createdAt} 的备份恢复。所有人需重新登录。\n`);
      if (r.previousDataDir) ctx.io.out(`原数据已移到：${r.previousDataDir}（仍为加密，确认无误后可删除）\n`);
    });
  },
};

export const checkCommand: Command = {
  path: ['check'],
  usage: 'check',
  summary: '检查数据：数据库完整性、外键、审计链、每个附件的哈希',
  async run(args, ctx) {
    if (args.length) return badArgs(ctx, `check 不需要参数，多余：${args.join(' ')}`);
    const envelope = await ctx.invoke('store.check', {});
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const r = envelope.result;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify(r)}\n`);
    else
      printFacts(ctx, [
        ['数据库完整性', r.integrity.length === 0 ? '正常' : r.integrity.join('；')],
        ['外键', r.foreignKeyViolations === 0 ? '正常' : `${r.foreignKeyViolations} 处错误`],
        ['审计链', r.audit.ok ? `完整（${r.audit.rows} 条）` : `第 ${r.audit.firstBad?.seq} 条起被改动：${r.audit.firstBad?.reason}`],
        ['附件', r.attachments.bad.length === 0 ? `${r.attachments.checked} 个，全部正常` : `${r.attachments.bad.length} 个损坏`],
      ]);
    if (!r.ok) ctx.io.err('检查发现问题，请联系技术支持，并保留最近的备份。\n');
    return r.ok ? EXIT.ok : EXIT.failure;
  },
};

export const auditVerifyCommand: Command = {
  path: ['audit', 'verify'],
  usage: 'audit verify',
  summary: '校验审计日志哈希链，指出第一条被改动、删除或调换的记录',
  async run(args, ctx) {
    if (args.length) return badArgs(ctx, `audit verify 不需要参数，多余：${args.join(' ')}`);
    const envelope = await ctx.invoke('audit.verify', {});
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const r = envelope.result;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify(r)}\n`);
    else
      ctx.io.out(
        r.ok ? `审计日志完整：共 ${r.rows} 条。\n` : `审计日志被改动：第 ${r.firstBad?.seq} 条起不可信（${r.firstBad?.reason}）。\n`,
      );
    return r.ok ? EXIT.ok : EXIT.failure;
  },
};
