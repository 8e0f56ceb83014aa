/**
 * Find the highest encoder quality whose output fits a byte budget. The encoder is injected
 * (canvas toBlob in the renderer, a fake in tests), so the search itself is pure logic.
 * Output size grows with quality for JPEG and WebP, so a bisection needs few encodes.
 */
export interface QualitySearchOptions {
  maxBytes: number;
  minQuality?: number;
  maxQuality?: number;
  /** Bisection steps after the two end points (each step halves the interval). */
  steps?: number;
}

export interface QualitySearchResult<T> {
  quality: number;
  bytes: number;
  /** The encoded output at `quality`. */
  output: T;
  /** False when even the lowest quality is over budget (output is then the smallest tried). */
  fits: boolean;
  /** Every quality tried with its size, in order. */
  attempts: { quality: number; bytes: number }[];
}

export async function searchQuality<T>(
  encode: (quality: number) => Promise<{ bytes: number; output: T }>,
  { maxBytes, minQuality = 0.3, maxQuality = 0.92, steps = 5 }: QualitySearchOptions,
): Promise<QualitySearchResult<T>> {
  const attempts: { quality: number; bytes: number }[] = [];
  const run = async (q: number) => {
    const quality = Math.round(q * 1000) / 1000;
    const r = await encode(quality);
    attempts.push({ quality, bytes: r.bytes });
    return { quality, ...r };
  };
  const top = await run(maxQuality);
  if (top.bytes <= maxBytes) return { quality: top.quality, bytes: top.bytes, output: top.output, fits: true, attempts };
  const bottom = await run(minQuality);
  if (bottom.bytes > maxBytes) return { quality: bottom.quality, bytes: bottom.bytes, output: bottom.output, fits: false, attempts };
  let best = bottom;
  let lo = minQuality;
  let hi = maxQuality;
  for (let i = 0; i < steps; i++) {
    const mid = await run((lo + hi) / 2);
    if (mid.bytes <= maxBytes) {
      best = mid;
      lo = mid.quality;
    } else {
      hi = mid.quality;
    }
  }
  return { quality: best.quality, bytes: best.bytes, output: best.output, fits: true, attempts };
}
