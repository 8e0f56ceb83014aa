/** One line of a benchmark table: what was measured, on how much work, and against what. */
export interface BenchRow {
  name: string;
  /** The size of the work, e.g. "10,000 calls" or "100k rows". */
  work: string;
  value: number;
  unit: string;
  /** The same measurement of the baseline, taken in the same run; null when there is none. */
  baseline: number | null;
  /** value / baseline; null when there is no baseline. */
  ratio: number | null;
}

export interface Benchmark {
  name: string;
  summary: string;
  run(): Promise<BenchRow[]>;
}

export const row = (name: string, work: string, value: number, unit: string, baseline: number | null = null): BenchRow => ({
  name,
  work,
  value,
  unit,
  baseline,
  ratio: baseline ? value / baseline : null,
});
