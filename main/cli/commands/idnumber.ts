import { parseArgs } from 'node:util';
import type { MethodOutput } from '../../../common/contract/index';
import { translate } from '../../../common/i18n/translate';
import { badArgs } from '../badArgs';
import type { Command } from '../command';
import { EXIT } from '../io';
import { printFacts, unwrap } from '../output';

type CheckResult = MethodOutput<'idNumber.check'>;

export const idNumberCheckCommand: Command = {
  path: ['idnumber', 'check'],
  usage: 'idnumber check 号码 [--sex 男|女]',
  summary: '按 GB 11643-1999 校验身份证号码（含 15 位旧号码和 2023 版外国人永居证号码）',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { sex: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch (error) {
      return badArgs(ctx, (error as Error).message);
    }
    const [number, ...extra] = parsed.positionals;
    if (number === undefined || extra.length > 0) return badArgs(ctx, '需要且只需要一个号码');
    const sex = parsed.values.sex;
    if (sex !== undefined && sex !== '男' && sex !== '女') return badArgs(ctx, '--sex 只能是 男 或 女');

    const core = await ctx.core();
    const envelope = await core.invoke('idNumber.check', { idNumber: number, ...(sex ? { sex } : {}) }, { session: null, via: 'cli' });
    const result = unwrap<CheckResult>(ctx, envelope);
    if (!result.ok) return result.exit;
    const check = result.value;

    if (ctx.global.json) ctx.io.out(`${JSON.stringify(check)}\n`);
    if (!check.valid) {
      ctx.io.err(`${translate('cli.idInvalid')}：${check.problems.map((p) => p.message).join('；')}\n`);
      return EXIT.badInput;
    }
    if (!ctx.global.json) {
      printFacts(ctx, [
        [translate('cli.idValid'), check.idNumber],
        ...(check.original ? ([['原 15 位号码', check.original]] as Array<[string, string]>) : []),
        ...(check.province ? ([['地区', `${check.province}（${check.regionCode}）`]] as Array<[string, string]>) : []),
        ...(check.birthDate ? ([['出生日期', check.birthDate]] as Array<[string, string]>) : []),
        ...(check.sex ? ([['性别', check.sex]] as Array<[string, string]>) : []),
      ]);
    }
    return EXIT.ok;
  },
};
