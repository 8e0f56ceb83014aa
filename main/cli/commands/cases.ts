import { parseArgs } from 'node:util';
import type { MethodOutput } from '../../../common/contract/index';
import { caseStateSchema } from '../../../common/cases/stateMachine';
import { maskIdNumber, maskName } from '../../../common/format/mask';
import { formatYuan } from '../../../common/format/money';
import { cases as catalog } from '../../../common/i18n/zh-CN/cases';
import { badArgs } from '../badArgs';
import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../io';
import { printFacts, reportError } from '../output';

type Summary = MethodOutput<'cases.adminList'>[number];

const L = catalog.cases;
const stateLabel = (s: string) => (L.states as Record<string, string>)[s] ?? s;
const typeLabel = (t: string | null) => (t ? ((L.typesShort as Record<string, string>)[t] ?? t) : '—');

/** `cases show` prints the applicant as the list does (core masks the list itself: cases.adminList). */
const maskedName = (name: string | null): string => (name ? maskName(name, 'surname-only') : '—');
const maskedIdNumber = (id: string | null): string => (id ? maskIdNumber(id) : '—');

function parse(
  ctx: CommandContext,
  args: string[],
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>,
  positionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    };
  } catch (error) {
    return badArgs(ctx, (error as Error).message);
  }
}

function summaryLine(c: Summary): string {
  return [
    c.caseNo ?? c.id,
    stateLabel(c.state),
    typeLabel(c.type),
    c.applicantName ?? '—',
    c.applicantIdNumber ?? '—',
    `${c.householdSize} 人`,
    c.updatedAt.slice(0, 10),
  ].join('  ');
}

export const casesListCommand: Command = {
  path: ['cases', 'list'],
  usage: 'cases list [--status 状态] [--limit N]',
  summary: '技术支持：列出案件（申请人姓名和身份证号已遮掩；仅管理员，留审计记录）',
  async run(args, ctx): Promise<ExitCode> {
    const parsed = parse(ctx, args, { status: { type: 'string' }, limit: { type: 'string' } });
    if (typeof parsed === 'number') return parsed;
    const wanted = parsed.values.status as string | undefined;
    const status = wanted === undefined ? undefined : caseStateSchema.safeParse(wanted).data;
    if (wanted !== undefined && !status) return badArgs(ctx, `--status 应为以下之一：${Object.keys(L.states).join('、')}`);
    const limit = parsed.values.limit === undefined ? 200 : Number(parsed.values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return badArgs(ctx, '--limit 应为 1 到 10000 之间的整数');
    const envelope = await ctx.invoke('cases.adminList', { ...(status ? { state: status } : {}), limit });
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const rows = envelope.result;
    if (ctx.global.json) {
      ctx.io.out(`${JSON.stringify(rows)}\n`);
      return EXIT.ok;
    }
    for (const c of rows) ctx.io.out(`${summaryLine(c)}\n`);
    ctx.io.err(`共 ${rows.length} 件${status ? `（${stateLabel(status)}）` : ''}。\n`);
    return EXIT.ok;
  },
};

export const casesShowCommand: Command = {
  path: ['cases', 'show'],
  usage: 'cases show 案件编号或ID',
  summary: '技术支持：显示一个案件的完整记录（仅管理员，留审计记录）',
  async run(args, ctx): Promise<ExitCode> {
    const parsed = parse(ctx, args, {}, true);
    if (typeof parsed === 'number') return parsed;
    if (parsed.positionals.length !== 1) return badArgs(ctx, '需要一个案件编号或案件 ID，例如：cases show 500110-2026-01-00001');
    const envelope = await ctx.invoke('cases.adminShow', { caseRef: parsed.positionals[0]! });
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const d = envelope.result;
    if (ctx.global.json) {
      ctx.io.out(`${JSON.stringify(d)}\n`);
      return EXIT.ok;
    }
    printFacts(ctx, [
      ['案件编号', d.caseNo ?? '（尚未提交）'],
      ['案件 ID', d.id],
      ['状态', stateLabel(d.state)],
      [
        '救助类型',
        d.type
          ? `${(L.types as Record<string, string>)[d.type]}${d.subtype ? `（${(L.subtypes as Record<string, string>)[d.subtype]}）` : ''}`
          : '—',
      ],
      ['申请人', `${maskedName(d.applicantName)}  ${maskedIdNumber(d.applicantIdNumber)}`],
      ['家庭人口', `${d.householdSize} 人`],
      ['版本', String(d.version)],
      ['创建', d.createdAt],
      ['更新', d.updatedAt],
      ['经办人', d.staffName ?? '—'],
      [
        '审批金额',
        d.benefit
          ? `${formatYuan(d.benefit.approvedAmountFen)} 元/月，自 ${d.benefit.startMonth} 起（${d.benefit.decidedOn} 批准）${d.benefit.status === 'stopped' ? `，已于 ${d.benefit.stoppedOn ?? ''} 停发` : d.benefit.currentAmountFen !== null && d.benefit.currentAmountFen !== d.benefit.approvedAmountFen ? `，现为 ${formatYuan(d.benefit.currentAmountFen)} 元/月` : ''}`
          : '—',
      ],
    ]);
    if (d.deadlines.length) {
      ctx.io.out('办理时限：\n');
      for (const x of d.deadlines) ctx.io.out(`  ${x.kind}  ${x.dueDate}  ${x.status}${x.provisional ? '（暂定）' : ''}\n`);
    }
    ctx.io.out('经过：\n');
    for (const e of d.timeline)
      ctx.io.out(`  ${e.at}  ${e.actorName}  ${e.action}${e.toState ? ` → ${stateLabel(e.toState)}` : ''}${e.note ? `  ${e.note}` : ''}\n`);
    if (d.problems.length) ctx.io.out(`待处理问题：${d.problems.map((p) => p.code).join('、')}\n`);
    return EXIT.ok;
  },
};
