import { describe, expect, it } from 'vitest';
import { checkSignature, effectivePressure, smoothStroke, strokeLength, type Stroke } from './signature';

const line = (x0: number, x1: number, y = 50): Stroke =>
  Array.from({ length: 21 }, (_, i) => ({ x: x0 + ((x1 - x0) * i) / 20, y, pressure: 0.5, t: i * 8 }));

describe('signature strokes', () => {
  it('refuses an empty pad and a dot or a short tick', () => {
    expect(checkSignature([])).toBe('empty');
    expect(checkSignature([[{ x: 1, y: 1, pressure: 0.5, t: 0 }]])).toBe('empty');
    expect(checkSignature([line(10, 40)])).toBe('tooShort');
  });

  it('accepts a name-sized set of strokes', () => {
    expect(checkSignature([line(10, 120), line(20, 200, 80), line(30, 90, 20)])).toBeNull();
  });

  it('keeps pen pressure and neutralises mouse and touch', () => {
    expect(effectivePressure('pen', 0.8)).toBe(0.8);
    expect(effectivePressure('pen', 0)).toBe(0.5);
    expect(effectivePressure('mouse', 0.5)).toBe(0.5);
    expect(effectivePressure('touch', 1)).toBe(0.5);
  });

  it('smooths a jittery stroke (shorter path) and keeps its ends', () => {
    const jitter: Stroke = line(0, 200).map((p, i) => ({ ...p, y: p.y + (i % 2 ? 6 : -6) }));
    const smooth = smoothStroke(jitter, 0.4);
    expect(strokeLength(smooth)).toBeLessThan(strokeLength(jitter));
    expect(smooth[0]).toEqual(jitter[0]);
    expect(smooth.at(-1)).toEqual(jitter.at(-1));
  });
});
