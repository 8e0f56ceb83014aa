import { parseArgs } from 'node:util';
import { isJiuzhuError, JiuzhuError } from '../../../common/contract/index';
import { localIsoDate } from '../../../common/format/dates';
import { likelyReaderFirst, listPorts, probePort, SamReader, waitForCard } from '../../core/cliSupport';
import { badArgs } from '../badArgs';
import type { Command } from '../command';
import { EXIT } from '../io';
import { printFacts, reportError } from '../output';

export const idcardPortsCommand: Command = {
  path: ['idcard', 'ports'],
  usage: 'idcard ports',
  summary: '列出串口并探测其中的身份证读卡器',
  async run(args, ctx) {
    if (args.length > 0) return badArgs(ctx, `idcard ports 不需要参数，多余：${args.join(' ')}`);
    const ports = likelyReaderFirst(await listPorts());
    const probed = [];
    for (const port of ports) probed.push({ ...port, probe: await probePort(port.path, { timeoutMs: 600 }) });
    if (ctx.global.json) ctx.io.out(`${JSON.stringify(probed)}\n`);
    else if (probed.length === 0) ctx.io.out('没有发现串口。请插好读卡器（USB）后重试。\n');
    else
      for (const p of probed) {
        const verdict = p.probe.ok ? `读卡器（SAM ${p.probe.samId ?? '?'}）` : (p.probe.error?.message ?? '无应答');
        ctx.io.out(`${p.path}\t${p.manufacturer ?? ''}\t${verdict}\n`);
      }
    return EXIT.ok;
  },
};

export const idcardReadCommand: Command = {
  path: ['idcard', 'read'],
  usage: 'idcard read --port 串口 [--baud 115200] [--timeout 秒]',
  summary: '等待放卡并读取一张身份证（默认等 10 秒）',
  async run(args, ctx) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: { port: { type: 'string' }, baud: { type: 'string', default: '115200' }, timeout: { type: 'string', default: '10' } },
        strict: true,
      }));
    } catch (error) {
      return badArgs(ctx, (error as Error).message);
    }
    if (!values.port) return badArgs(ctx, '需要 --port 指定读卡器串口（可用 idcard ports 查找）');
    const baudRate = Number(values.baud);
    const seconds = Number(values.timeout);
    if (![9600, 19200, 38400, 57600, 115200].includes(baudRate)) return badArgs(ctx, '--baud 只能是 9600、19200、38400、57600 或 115200');
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) return badArgs(ctx, '--timeout 应为 1 到 600 之间的秒数');

    let reader: SamReader | undefined;
    try {
      reader = await SamReader.open({ path: values.port, baudRate });
      const read = await waitForCard(reader, { timeoutMs: seconds * 1000, today: () => localIsoDate(new Date()) });
      if (ctx.global.json) ctx.io.out(`${JSON.stringify(read.card)}\n`);
      else {
        const c = read.card;
        printFacts(ctx, [
          ['姓名', c.name],
          ['性别', c.sex],
          ...(c.nation ? ([['民族', c.nation]] as Array<[string, string]>) : []),
          ['出生', c.birthDate],
          ...(c.address ? ([['住址', c.address]] as Array<[string, string]>) : []),
          ['号码', c.idNumber],
          ...(c.authority ? ([['签发机关', c.authority]] as Array<[string, string]>) : []),
          ['有效期限', `${c.validFrom} 至 ${c.validUntil}`],
          ['照片', read.photo.message],
        ]);
      }
      return EXIT.ok;
    } catch (error) {
      const typed = isJiuzhuError(error) ? error : new JiuzhuError('INTERNAL', { ref: 'idcard' });
      return reportError(ctx, typed.toApiError(), EXIT.failure);
    } finally {
      await reader?.close().catch(() => undefined);
    }
  },
};
