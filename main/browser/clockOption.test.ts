import { describe, expect, it } from 'vitest';
import { offsetClock } from '../core/kernel/host/offsetClock';
import { parseClockOption } from './clockOption';

describe('--clock (test clock of the browser shell)', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');

  it('is refused without JIUZHU_ALLOW_CLOCK=1, with a one-line message', () => {
    for (const env of [{}, { JIUZHU_ALLOW_CLOCK: '0' }, { JIUZHU_ALLOW_CLOCK: 'true' }]) {
      const r = parseClockOption('2027-12-01T09:00:00+08:00', env, now);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain('JIUZHU_ALLOW_CLOCK=1');
      expect(!r.ok && r.message.includes('\n')).toBe(false);
    }
  });

  it('refuses an instant without a time zone or not a date', () => {
    for (const v of ['2027-12-01', '2027-12-01T09:00:00', 'tomorrow', '2027-13-01T09:00:00Z'])
      expect(parseClockOption(v, { JIUZHU_ALLOW_CLOCK: '1' }, now).ok).toBe(false);
  });

  it('starts core at the instant and runs forward in real time; a warning line names it', () => {
    const r = parseClockOption('2027-12-01T09:00:00+08:00', { JIUZHU_ALLOW_CLOCK: '1' }, now);
    if (!r.ok) throw new Error(r.message);
    expect(r.warning).toMatch(/^警告：测试时钟已启用.*2027-12-01T09:00:00\+08:00/);
    let t = now;
    const clock = offsetClock(r.offsetMs, () => t);
    expect(clock.now().toISOString()).toBe('2027-12-01T01:00:00.000Z');
    t += 90_000;
    expect(clock.now().toISOString()).toBe('2027-12-01T01:01:30.000Z');
  });
});
