import { describe, expect, it } from 'vitest';
import { stretchLevels } from './levels';
import { seededRandom } from './synthetic';

describe('stretchLevels', () => {
  it('turns grainy grey paper white and keeps ink dark', () => {
    const rnd = seededRandom(2);
    // 80 % paper around 180 ± 10, 20 % ink around 50.
    const data = Uint8ClampedArray.from({ length: 10_000 }, (_, i) => (i % 5 === 0 ? 50 : 180 + (rnd() - 0.5) * 20));
    const out = stretchLevels({ width: 100, height: 100, data });
    const paper = [...out.data].filter((_, i) => i % 5 !== 0);
    expect(paper.filter((v) => v === 255).length / paper.length).toBeGreaterThan(0.35);
    expect(Math.min(...paper)).toBeGreaterThan(200);
    expect(out.data[0]).toBe(0);
  });

  it('leaves a flat image alone', () => {
    const flat = { width: 2, height: 2, data: Uint8ClampedArray.from([100, 101, 102, 100]) };
    expect([...stretchLevels(flat).data]).toEqual([100, 101, 102, 100]);
  });
});
