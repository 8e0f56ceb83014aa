import { parseArgs } from 'node:util';
import { badArgs } from '../badArgs';
import type { Command } from '../command';
import { EXIT, type ExitCode } from '../io';
import { reportError } from '../output';

export const demoSeedCommand: Command = {
  path: ['demo', 'seed'],
  usage: 'demo seed --cases N [--seed S]',
  summary: '生成演示数据：合成的家庭和案件（重庆各区县的有效身份证号）；已有真实案件的工作站拒绝执行',
  async run(args, ctx): Promise<ExitCode> {
    let values: Record<string, string | boolean | undefined>;
    try {
      values = parseArgs({
        args,
        options: { cases: { type: 'string' }, seed: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (error) {
      return badArgs(ctx, (error as Error).message);
    }
    const count = Number(values.cases);
    if (values.cases === undefined || !Number.isInteger(count) || count < 1 || count > 200_000)
      return badArgs(ctx, '需要 --cases N（1 到 200000 之间的整数）');
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 1 || seed > 1_000_000) return badArgs(ctx, '--seed 应为 1 到 1000000 之间的整数');

    // Progress on stderr, so stdout stays the summary (or JSON).
    const core = await ctx.core();
    let shown = -1;
    const stop = core.onEvent((event) => {
      if (event.event !== 'task.progress' || event.payload.task !== 'demo.seed') return;
      const pct = Math.floor(event.payload.fraction * 100);
      if (pct === shown) return;
      shown = pct;
      ctx.io.err(`生成演示案件… ${pct}%（${Math.round(event.payload.fraction * count)}/${count}）\n`);
    });
    const started = Date.now();
    try {
      const envelope = await ctx.invoke('demo.seed', { count, seed });
      if (!envelope.ok) return reportError(ctx, envelope.error);
      const r = envelope.result;
      if (ctx.global.json) ctx.io.out(`${JSON.stringify(r)}\n`);
      else
        ctx.io.out(
          `已生成 ${r.created} 件演示案件（标记为演示数据，不会同步），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒；工作站现有案件 ${r.total} 件。\n`,
        );
      return EXIT.ok;
    } finally {
      stop();
    }
  },
};
