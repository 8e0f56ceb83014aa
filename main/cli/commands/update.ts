import { parseArgs } from 'node:util';
import { isJiuzhuError } from '../../../common/contract/index';
import {
  checkUpdate,
  downloadUpdate,
  loadReleaseKey,
  previousRelease,
  readDeviceId,
  readUpdateSource,
  verifyKeptDownload,
  type UpdateSource,
} from '../../core/cliSupport';
import { APP_VERSION, readPreset } from '../../core/index';
import { badArgs } from '../badArgs';
import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../io';
import { printFacts, reportError } from '../output';

const sourceOf = (from: string): UpdateSource => (/^https?:\/\//.test(from) ? { kind: 'url', url: from } : { kind: 'folder', path: from });

async function run(ctx: CommandContext, args: string[], download: boolean): Promise<ExitCode> {
  let from: string | undefined;
  try {
    from = parseArgs({ args, options: { from: { type: 'string' } }, strict: true, allowPositionals: false }).values.from;
  } catch (error) {
    return badArgs(ctx, (error as Error).message);
  }
  // Without --from: the address set on 程序更新, else the machine preset's.
  from ??= readUpdateSource(ctx.global.dataDir, readPreset().preset.updateUrl).url ?? undefined;
  if (!from) return badArgs(ctx, '需要 --from：更新服务器地址（http(s)://…）或 U 盘上的更新文件夹（程序更新页和本机预设都没有设置地址）');
  const update = {
    currentVersion: APP_VERSION,
    platform: process.platform,
    arch: process.arch,
    deviceId: await readDeviceId(),
    publicKeyPem: loadReleaseKey(),
    dataDir: ctx.global.dataDir,
  };
  try {
    if (!download) {
      const r = await checkUpdate(update, sourceOf(from));
      const state = { newer: '有新版本', current: '已是最新版本', 'staged-out': '有新版本，本机尚未轮到（分批推送）' }[r.state];
      if (ctx.global.json)
        ctx.io.out(
          `${JSON.stringify({ state: r.state, version: r.release.version, current: APP_VERSION, previous: previousRelease(update) })}\n`,
        );
      else
        printFacts(ctx, [
          ['当前版本', APP_VERSION],
          ['更新文件版本', r.release.version],
          ['结论', state],
          ['可回退到', previousRelease(update) ?? '无'],
        ]);
      return EXIT.ok;
    }
    const got = await downloadUpdate(update, sourceOf(from));
    if (ctx.global.json) ctx.io.out(`${JSON.stringify({ version: got.release.version, installer: got.installer })}\n`);
    else
      printFacts(ctx, [
        ['已下载并验证', got.release.version],
        ['安装程序', got.installer],
      ]);
    return EXIT.ok;
  } catch (e) {
    if (isJiuzhuError(e)) return reportError(ctx, e.toApiError());
    throw e;
  }
}

/** Verify a kept download again and print its path: only the desktop app (or IT) runs an installer. */
async function install(ctx: CommandContext, args: string[]): Promise<ExitCode> {
  let version: string | undefined;
  try {
    version = parseArgs({ args, options: { version: { type: 'string' } }, strict: true, allowPositionals: false }).values.version;
  } catch (error) {
    return badArgs(ctx, (error as Error).message);
  }
  if (!version) return badArgs(ctx, '需要 --version：要安装的已下载版本（update check 显示可回退到的版本）');
  const update = {
    currentVersion: APP_VERSION,
    platform: process.platform,
    arch: process.arch,
    deviceId: await readDeviceId(),
    publicKeyPem: loadReleaseKey(),
    dataDir: ctx.global.dataDir,
  };
  try {
    const verified = await verifyKeptDownload(update, version);
    if (ctx.global.json) ctx.io.out(`${JSON.stringify({ version, installer: verified.installer, verified: true, installed: false })}\n`);
    else
      printFacts(ctx, [
        ['已重新验证', version],
        ['安装程序', verified.installer],
        ['说明', '命令行不能安装：请在桌面程序的“程序更新”页点“安装并重启”，或由信息技术人员运行上面的安装程序'],
      ]);
    return EXIT.ok;
  } catch (e) {
    if (isJiuzhuError(e)) return reportError(ctx, e.toApiError());
    throw e;
  }
}

export const updateInstallCommand: Command = {
  path: ['update', 'install'],
  usage: 'update install --version 版本',
  summary: '重新验证已下载的安装程序并显示其位置（安装需在桌面程序中进行，或由信息技术人员运行）',
  run: (args, ctx) => install(ctx, args),
};

export const updateCheckCommand: Command = {
  path: ['update', 'check'],
  usage: 'update check [--from 地址或文件夹]',
  summary: '检查程序更新（签名的更新说明；分批推送；U 盘文件夹同样验证）',
  run: (args, ctx) => run(ctx, args, false),
};

export const updateDownloadCommand: Command = {
  path: ['update', 'download'],
  usage: 'update download [--from 地址或文件夹]',
  summary: '下载并验证安装程序（SHA-512 与签名的更新说明一致，否则删除），保存在数据目录的 updates 中',
  run: (args, ctx) => run(ctx, args, true),
};
