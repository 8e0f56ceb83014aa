import { parseArgs } from 'node:util';
import type { MethodInput } from '../../../common/contract/index';
import { VENDOR_LIBRARIES, type VendorBackend } from '../../../common/idcard/vendorLibraries';
import { badArgs } from '../badArgs';
import type { Command } from '../command';
import { EXIT } from '../io';
import { printFacts, reportError } from '../output';

const BAUDS = [9600, 19200, 38400, 57600, 115200] as const;

/** The backend a vendor library name belongs to (core refuses names not on the list whatever the backend). */
const backendOf = (name: string): VendorBackend =>
  (Object.keys(VENDOR_LIBRARIES) as VendorBackend[]).find((kind) => (VENDOR_LIBRARIES[kind] as readonly string[]).includes(name)) ??
  'termb';

/**
 * Choose this workstation's reader through the contract: the admin logs in (--user), core checks
 * the port or the allow-listed library, and audits the change, exactly as 读卡器设置 does.
 */
export const idcardConfigureCommand: Command = {
  path: ['idcard', 'configure'],
  usage: 'idcard configure --port 串口 [--baud 115200] | --library 读卡库名 --sdk-port 1001 [--output files|getters] [--cvr]',
  summary: '设置本工作站的身份证读卡器（管理员；串口读卡器或安装目录中的厂商读卡库）',
  async run(args, ctx) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          port: { type: 'string' },
          baud: { type: 'string', default: '115200' },
          library: { type: 'string' },
          'sdk-port': { type: 'string' },
          output: { type: 'string', default: 'files' },
          cvr: { type: 'boolean', default: false },
        },
        strict: true,
      }));
    } catch (error) {
      return badArgs(ctx, (error as Error).message);
    }
    if (Boolean(values.port) === Boolean(values.library))
      return badArgs(ctx, '请二选一：--port 指定串口读卡器，或 --library 指定厂商读卡库（可用 idcard libraries 查看）');
    let input: MethodInput<'idcard.configure'>;
    if (values.port) {
      const baudRate = Number(values.baud);
      if (!(BAUDS as readonly number[]).includes(baudRate)) return badArgs(ctx, '--baud 只能是 9600、19200、38400、57600 或 115200');
      input = { kind: 'sam', path: values.port, baudRate: baudRate as (typeof BAUDS)[number] };
    } else {
      const port = Number(values['sdk-port']);
      if (!Number.isInteger(port) || port < 1 || port > 1016)
        return badArgs(ctx, '需要 --sdk-port 指定读卡器端口号：USB 读卡器 1001–1016，串口读卡器 1–16');
      if (values.output !== 'files' && values.output !== 'getters') return badArgs(ctx, '--output 只能是 files 或 getters');
      const library = values.library!;
      const kind = backendOf(library);
      input =
        kind === 'sdtapi' ? { kind, library, port } : { kind, library, port, output: values.output, prefix: values.cvr ? 'CVR_' : '' };
    }
    const envelope = await ctx.invoke('idcard.configure', input);
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const state = envelope.result;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify(state)}\n`);
    else
      printFacts(ctx, [
        ['读卡器', state.reader ?? ''],
        ['状态', state.message],
      ]);
    return EXIT.ok;
  },
};

export const idcardLibrariesCommand: Command = {
  path: ['idcard', 'libraries'],
  usage: 'idcard libraries',
  summary: '列出允许使用的厂商读卡库及其是否已安装（管理员）',
  async run(args, ctx) {
    if (args.length > 0) return badArgs(ctx, `idcard libraries 不需要参数，多余：${args.join(' ')}`);
    const envelope = await ctx.invoke('idcard.libraries', {});
    if (!envelope.ok) return reportError(ctx, envelope.error);
    const r = envelope.result;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify(r)}\n`);
    else {
      ctx.io.out(`读卡库文件夹：${r.folder}\n`);
      for (const lib of r.libraries) ctx.io.out(`${lib.name}\t${lib.kind}\t${lib.present ? '已安装' : '未安装'}\n`);
    }
    return EXIT.ok;
  },
};
