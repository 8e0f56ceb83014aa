import { describe, expect, it } from 'vitest';
import { searchQuality } from './compression';

/** A fake encoder whose size grows with quality like a real one (convex, steep near 1). */
const fakeEncoder = (scale: number) => async (q: number) => ({ bytes: Math.round(scale * (0.2 + q * q * 2)), output: `q=${q}` });

describe('searchQuality', () => {
  it('keeps the top quality when it already fits, with one encode', async () => {
    const r = await searchQuality(fakeEncoder(10_000), { maxBytes: 120_000 });
    expect(r).toMatchObject({ quality: 0.92, fits: true });
    expect(r.attempts).toHaveLength(1);
  });

  it('bisects to the highest quality under the budget', async () => {
    const r = await searchQuality(fakeEncoder(100_000), { maxBytes: 120_000, steps: 8 });
    expect(r.fits).toBe(true);
    expect(r.bytes).toBeLessThanOrEqual(120_000);
    // The true optimum: 100000 (0.2 + 2q²) = 120000 → q = 0.707.
    expect(r.quality).toBeGreaterThan(0.69);
    expect(r.quality).toBeLessThanOrEqual(0.708);
    expect(r.output).toBe(`q=${r.quality}`);
    expect(r.attempts.length).toBe(10);
  });

  it('reports when even the lowest quality is over budget', async () => {
    const r = await searchQuality(fakeEncoder(1_000_000), { maxBytes: 120_000 });
    expect(r).toMatchObject({ fits: false, quality: 0.3 });
    expect(r.bytes).toBeGreaterThan(120_000);
  });
});
