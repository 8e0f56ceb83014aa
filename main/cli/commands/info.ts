import type { MethodOutput } from '../../../common/contract/index';
import { translate } from '../../../common/i18n/translate';
import type { Command } from '../command';
import { EXIT } from '../io';
import { printFacts, unwrap } from '../output';
import { badArgs } from '../badArgs';

const databaseLine = (db: MethodOutput<'app.info'>['database']): string =>
  `${db.cipherVersion}（SQLite ${db.sqliteVersion}）${db.checkpointCopy ? '' : `，${translate('home.databaseStock')}`}`;

export const infoCommand: Command = {
  path: ['info'],
  usage: 'info',
  summary: '显示版本、数据目录和设备标识',
  async run(args, ctx) {
    if (args.length > 0) return badArgs(ctx, `info 不需要参数，多余：${args.join(' ')}`);
    const core = await ctx.core();
    const result = unwrap<MethodOutput<'app.info'>>(ctx, await core.invoke('app.info', {}, { session: null, via: 'cli' }));
    if (!result.ok) return result.exit;
    const info = result.value;
    if (ctx.global.json) ctx.io.out(`${JSON.stringify(info)}\n`);
    else
      printFacts(ctx, [
        [translate('cli.infoVersion'), `${info.name} ${info.version}`],
        [translate('cli.infoShell'), translate(`shell.${info.shell}`)],
        [translate('cli.infoDataDir'), info.dataDir],
        [translate('cli.infoDeviceId'), info.deviceId],
        [translate('cli.infoDatabase'), databaseLine(info.database)],
      ]);
    return EXIT.ok;
  },
};
