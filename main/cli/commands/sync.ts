import { parseArgs } from 'node:util';
import { METHODS, type MethodOutput } from '../../../common/contract/index';
import { rolesGranting, runOutcomeText } from '../../../common/i18n/syncRun';
import { translate } from '../../../common/i18n/translate';
import { badArgs } from '../badArgs';
import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../io';
import { printFacts, reportError } from '../output';

function parse(ctx: CommandContext, args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']) {
  try {
    return parseArgs({ args, options: options ?? {}, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    return badArgs(ctx, (error as Error).message);
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export const syncRegisterCommand: Command = {
  path: ['sync', 'register'],
  usage: 'sync register --platform 地址 --code 登记码 --fingerprint 平台指纹 [--name 本机名称]',
  summary: '用市级平台发放的一次性登记码和登记单上印的平台指纹登记本机',
  async run(args, ctx) {
    const v = parse(ctx, args, {
      platform: { type: 'string' },
      code: { type: 'string' },
      fingerprint: { type: 'string' },
      name: { type: 'string' },
    });
    if (typeof v === 'number') return v;
    if (!v['platform'] || !v['code'] || !v['fingerprint'])
      return badArgs(ctx, '需要 --platform 平台地址、--code 登记码和 --fingerprint 登记单上印的平台指纹');
    const envelope = await ctx.invoke('sync.register', {
      platformUrl: v['platform'],
      code: v['code'],
      fingerprint: v['fingerprint'],
      ...(v['name'] ? { deviceName: v['name'] } : {}),
    });
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const r = envelope.result;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify(r)}\n`);
    else {
      printFacts(ctx, [
        ['设备', r.deviceId],
        ['站点', r.stationId],
        ['区划', r.regionCode],
        ['平台指纹', r.fingerprint],
        ...(r.counterNo !== undefined ? ([['窗口号', String(r.counterNo)]] as Array<[string, string]>) : []),
      ]);
    }
    return EXIT.ok;
  },
};

export const syncNowCommand: Command = {
  path: ['sync', 'now'],
  usage: 'sync now',
  summary: '立即完整同步一次（上传记录、附件，下载平台数据），结束后打印汇总',
  async run(args, ctx) {
    if (args.length > 0) return badArgs(ctx, `sync now 不需要参数，多余：${args.join(' ')}`);
    const envelope = await ctx.invoke('sync.now', { wait: true });
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const r = envelope.result;
    const s = r.summary;
    if (ctx.global.json)
      ctx.io.out(`${JSON.stringify({ runId: r.runId, outcome: r.outcome, ...s, ...(r.error ? { error: r.error } : {}) })}\n`);
    else
      printFacts(ctx, [
        ['结果', runOutcomeText(r)],
        ['上传记录', String(s.pushed)],
        ['平台接收', String(s.acknowledged)],
        ['被退回', String(s.rejected)],
        ['版本冲突', String(s.conflicts)],
        ['附件上传', `${s.blobsSent}（平台已有而跳过 ${s.blobsSkipped}，暂缓 ${s.blobsDeferred}）`],
        ['发送字节', kb(s.bytesSent)],
        ['下载条目', String(s.pulled)],
        ['重试次数', String(s.retries)],
      ]);
    if (r.error) ctx.io.err(`${r.error.message}\n`);
    return r.outcome === 'ok' || r.outcome === 'partial' ? EXIT.ok : EXIT.failure;
  },
};

const REGISTRATION: Record<NonNullable<MethodOutput<'sync.status'>['registration']>['status'], string> = {
  active: '有效',
  revoked: '已被平台注销',
  unknown: '平台不认识本机',
  pending: '等待市级平台管理员确认更换设备',
};

export const syncStatusCommand: Command = {
  path: ['sync', 'status'],
  usage: 'sync status',
  summary: '查看同步状态：登记信息、待上传与被退回的记录、上次成功与下次同步时间',
  async run(args, ctx): Promise<ExitCode> {
    if (args.length > 0) return badArgs(ctx, `sync status 不需要参数，多余：${args.join(' ')}`);
    const envelope = await ctx.invoke('sync.status', {});
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const s = envelope.result;
    if (ctx.global.json) {
      ctx.io.out(`${JSON.stringify(s)}\n`);
      return EXIT.ok;
    }
    printFacts(ctx, [
      [
        '登记',
        s.registration
          ? `${s.registration.deviceId}（站点 ${s.registration.stationId}，${REGISTRATION[s.registration.status]}）`
          : '未登记',
      ],
      ['平台', s.registration?.platformUrl ?? '—'],
      ['待上传', String(s.outbox.queued)],
      ['正在发送', String(s.outbox.inFlight)],
      ['平台已接收', String(s.outbox.acknowledged)],
      ['被退回', String(s.outbox.rejected)],
      ['版本冲突', String(s.outbox.conflict)],
      ['附件', `待传 ${s.blobs.queued}（其中暂缓 ${s.blobs.deferred}），已传 ${s.blobs.stored}，失败 ${s.blobs.failed}`],
      ...(s.runs[0] ? ([['上次同步结果', runOutcomeText(s.runs[0])]] as Array<[string, string]>) : []),
      ['上次成功同步', s.lastSuccessAt ?? '从未'],
      ['下次自动同步', s.nextWindowAt ?? '—'],
    ]);
    if (s.registration?.status === 'pending')
      ctx.io.out('本机是重新登记的设备，须由市级平台管理员确认更换后才能同步；确认后程序会自动恢复同步，无需再次登记。\n');
    for (const b of s.deferredBlobs)
      ctx.io.out(`附件 ${b.sha256.slice(0, 12)}… 暂缓上传，将于 ${localTime(b.retryAt)} 自动重试：${b.reason ?? ''}\n`);
    const waiting = s.outbox.rejected + s.outbox.conflict;
    if (waiting > 0) ctx.io.out(`${translate('sync.waiting', { n: waiting, roles: rolesGranting(METHODS['sync.resolve'].permission) })}\n`);
    if (s.stale) ctx.io.out(`注意：已超过 ${s.settings.staleDays} 天没有成功同步。\n`);
    return EXIT.ok;
  },
};
