import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START, breakLines, units } from './lineBreak';

// Full-width characters are 1 unit wide, ASCII half a unit, as in the fonts.
const measure = (s: string) => Array.from(s).reduce((w, c) => w + (c.charCodeAt(0) < 128 ? 0.5 : 1), 0);
const texts = (t: string, width: number, first?: number) =>
  breakLines(t, width, measure, first === undefined ? {} : { firstLineWidth: first }).map((l) => l.text);

describe('breakLines', () => {
  it('fills lines to the width', () => {
    expect(texts('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('never starts a line with closing punctuation: pushes the previous character down', () => {
    expect(texts('一二三四，五六', 4)).toEqual(['一二三', '四，五六']);
    expect(texts('一二三四。”五', 4)).toEqual(['一二三', '四。”五']);
    expect(texts('甲乙丙丁）戊', 4)).toEqual(['甲乙丙', '丁）戊']);
  });

  it('never ends a line with opening punctuation', () => {
    expect(texts('一二三《四五》', 4)).toEqual(['一二三', '《四五》']);
    expect(texts('一二三“四', 4)).toEqual(['一二三', '“四']);
  });

  it('keeps numbers and Latin runs whole', () => {
    expect(texts('金额为1,200.50元', 6)).toEqual(['金额为', '1,200.50元']);
    expect(texts('号码500110********1234。', 10)).toEqual(['号码', '500110********1234。']);
    expect(units('编号LX-2026-0012。')).toEqual(['编', '号', 'LX-2026-0012', '。']);
  });

  it('breaks a Latin run longer than a line between its characters', () => {
    const lines = breakLines('ABCDEFGHIJKLMNOP', 4, measure);
    expect(lines.map((l) => l.text)).toEqual(['ABCDEFGH', 'IJKLMNOP']);
  });

  it('honours a narrower first line and hard newlines, marking paragraph ends', () => {
    const lines = breakLines('一二三四五六\n七八', 4, measure, { firstLineWidth: 2 });
    expect(lines.map((l) => [l.text, l.last])).toEqual([
      ['一二', false],
      ['三四五六', true],
      ['七八', true],
    ]);
  });

  it('holds the rules on long mixed text at every width', () => {
    const text =
      '你（户）于2026年11月27日提出的城市最低生活保障申请（受理编号：LX-2026-0012），经审查，申请材料齐全，符合法定形式。' +
      '“一事一议”、《最低生活保障审核确认办法》第十条！？……请于2026年12月13日前补齐；逾期未补正的，视为放弃申请。';
    for (let width = 6; width <= 30; width++) {
      const lines = breakLines(text, width, measure);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      lines.forEach((l, i) => {
        if (i > 0) expect(NO_LINE_START.has(Array.from(l.text)[0]!), `width ${width} line ${i}: ${l.text}`).toBe(false);
        if (i < lines.length - 1) expect(NO_LINE_END.has(Array.from(l.text).at(-1)!), `width ${width} line ${i}: ${l.text}`).toBe(false);
        // Only a closing mark after a unit that fills the line may hang past the width.
        if (l.width > width + 1e-6) expect(NO_LINE_START.has(Array.from(l.text).at(-1)!)).toBe(true);
      });
    }
  });
});
