import { benchmark as api } from './api';
import { benchmark as capture } from './capture';
import { benchmark as cases } from './cases';
import { benchmark as documents } from './documents';
import { benchmark as face } from './face';
import { benchmark as idcard } from './idcard';
import { benchmark as lists } from './lists';
import { benchmark as memory } from './memory';
import { benchmark as login } from './login';
import { benchmark as rosterImport } from './rosterImport';
import { benchmark as onlineApplications } from './onlineApplications';
import { benchmark as store } from './store';
import { benchmark as sync } from './sync';
import { benchmark as startup } from './startup';
import { benchmark as stats } from './stats';
import { benchmark as suites } from './suites';
import type { Benchmark, BenchRow } from './types';

/**
 * `npm run bench [-- NAME …] [-- --json] [-- --minutes N]` (--minutes: the memory benchmark's length): runs the named benchmarks (all by default) and prints
 * one table, or with --json one array of {name, work, value, unit, baseline, ratio}.
 */
const BENCHMARKS: Benchmark[] = [
  api,
  idcard,
  store,
  login,
  documents,
  sync,
  cases,
  lists,
  face,
  capture,
  stats,
  memory,
  rosterImport,
  onlineApplications,
  suites,
  startup,
];

const args = process.argv.slice(2);
const json = args.includes('--json');
/** Options that take a value (`--minutes 20`, for the memory benchmark): the value is not a benchmark's name. */
const VALUE_OPTIONS = new Set(['--minutes']);
const names = args.filter((a, i) => !a.startsWith('--') && !VALUE_OPTIONS.has(args[i - 1] ?? ''));
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length) {
  process.stderr.write(`未知的基准测试：${unknown.join(', ')}；可用：${BENCHMARKS.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
const selected = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;

const rows: BenchRow[] = [];
for (const bench of selected) {
  if (!json) process.stderr.write(`running ${bench.name}: ${bench.summary}\n`);
  rows.push(...(await bench.run()));
}

const fmt = (n: number | null) => (n === null ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
if (json) process.stdout.write(`${JSON.stringify(rows)}\n`);
else {
  const table = [
    ['benchmark', 'work', 'value', 'unit', 'baseline', 'ratio'],
    ...rows.map((r) => [r.name, r.work, fmt(r.value), r.unit, fmt(r.baseline), r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((line) => [...line[i]!].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
  process.stdout.write(`${line(table[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${table.slice(1).map(line).join('\n')}\n`);
  process.stdout.write(
    `\nmachine: ${(await import('node:os')).cpus().length} cores, node ${process.version}, ${process.platform}/${process.arch}\n`,
  );
}
