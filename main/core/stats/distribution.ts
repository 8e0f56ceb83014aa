/** A value observed `weight` times (e.g. working days taken, and how many decisions took that long). */
export interface Weighted {
  value: number;
  weight: number;
}

/**
 * Mean and nearest-rank percentile of a weighted sample: the p-th percentile is the smallest value
 * such that at least p % of the observations are at or below it. Null for an empty sample.
 */
export function summarize(sample: readonly Weighted[], percentile = 90): { count: number; mean: number | null; percentile: number | null } {
  const items = sample.filter((s) => s.weight > 0).sort((a, b) => a.value - b.value);
  const count = items.reduce((n, s) => n + s.weight, 0);
  if (count === 0) return { count: 0, mean: null, percentile: null };
  const mean = items.reduce((sum, s) => sum + s.value * s.weight, 0) / count;
  const rank = Math.ceil((percentile / 100) * count);
  let seen = 0;
  let at = items[items.length - 1]!.value;
  for (const s of items) {
    seen += s.weight;
    if (seen >= rank) {
      at = s.value;
      break;
    }
  }
  return { count, mean, percentile: at };
}
