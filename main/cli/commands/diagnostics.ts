import { parseArgs } from 'node:util';
import { diagnosticsBundle, writePrivateFile } from '../../core/cliSupport';
import { APP_VERSION } from '../../core/index';
import { badArgs } from '../badArgs';
import type { Command } from '../command';
import { EXIT } from '../io';
import { printFacts, reportError } from '../output';

/**
 * 导出诊断信息 from the command line. With --user (an admin) it is the app's export, with the
 * station and the sync state; without, it reads the files alone — for a workstation whose app will
 * not start or where nobody can log in: logs, versions, device settings, never the store.
 */
export const diagnosticsCommand: Command = {
  path: ['diagnostics'],
  usage: 'diagnostics --out 文件.zip   （加 --user 管理员 时含工作站和同步状态）',
  summary: '导出诊断信息（日志、版本、本机设置、同步状态；不含个人信息），交县里的信息技术人员',
  async run(args, ctx) {
    let out: string | undefined;
    try {
      out = parseArgs({ args, options: { out: { type: 'string' } }, strict: true, allowPositionals: false }).values.out;
    } catch (error) {
      return badArgs(ctx, (error as Error).message);
    }
    if (!out) return badArgs(ctx, '需要 --out 文件.zip（导出的诊断信息写到这里）');
    let files: string[];
    let bytes: number;
    if (ctx.global.user) {
      const envelope = await ctx.invoke('diagnostics.export', {});
      if (!envelope.ok) return reportError(ctx, envelope.error);
      const result = envelope.result;
      writePrivateFile(out, Buffer.from(result.base64, 'base64'));
      ({ files, bytes } = result);
    } else {
      const bundle = diagnosticsBundle({ dataDir: ctx.global.dataDir, version: APP_VERSION, shell: 'cli', now: new Date() });
      writePrivateFile(out, bundle.zip);
      ({ files } = bundle);
      bytes = bundle.zip.length;
    }
    if (ctx.global.json) ctx.io.out(`${JSON.stringify({ file: out, bytes, files })}\n`);
    else
      printFacts(ctx, [
        ['诊断信息', out],
        ['大小', `${Math.ceil(bytes / 1024)} KB`],
        ['内容', files.join('、')],
      ]);
    return EXIT.ok;
  },
};
