import { describe, expect, it } from 'vitest';
import { fitsAnswer } from './answerShapes';
import { COMMANDS, type CommandName } from './commands';
import { OwedAnswers } from './owedAnswers';
import { parseResponse } from './parseFrame';

const PRE = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
const frame = (len: number, sw3: number, data: number[]): Uint8Array => {
  const bytes = [...PRE, len >> 8, len & 0xff, 0x00, 0x00, sw3, ...data];
  return Uint8Array.from([...bytes, bytes.slice(5).reduce((x, b) => x ^ b, 0)]);
};
const text = (n: number): number[] => new Array<number>(n).fill(0x20);

/** Answers as a reader sends them (see ../shared/research: find OK, select OK, the 1295-byte read). */
const ANSWERS = {
  ok: parseResponse(frame(0x04, 0x90, [])),
  samId: parseResponse(frame(0x14, 0x90, text(16))),
  found: parseResponse(Uint8Array.of(...PRE, 0x00, 0x08, 0x00, 0x00, 0x9f, 0x00, 0x00, 0x00, 0x00, 0x97)),
  noCard: parseResponse(frame(0x04, 0x80, [])),
  selected: parseResponse(frame(0x0c, 0x90, text(8))),
  selectFailed: parseResponse(frame(0x04, 0x81, [])),
  read: parseResponse(frame(0x0508, 0x90, [0x01, 0x00, 0x04, 0x00, ...text(1280)])),
  readFp: parseResponse(frame(0x050a, 0x90, [0x01, 0x00, 0x04, 0x00, 0x00, 0x00, ...text(1280)])),
  address: parseResponse(frame(0x4a, 0x90, text(70))),
  absent: parseResponse(frame(0x04, 0x91, [])),
  readFailed: parseResponse(frame(0x04, 0x41, [])),
};
type Answer = keyof typeof ANSWERS;

const FITS: Record<CommandName, Answer[]> = {
  reset: ['ok', 'readFailed'],
  samStatus: ['ok', 'readFailed'],
  samId: ['samId', 'readFailed'],
  findCard: ['found', 'noCard', 'readFailed'],
  selectCard: ['selected', 'selectFailed', 'readFailed'],
  readBase: ['read', 'readFailed'],
  readWithFingerprint: ['readFp', 'absent', 'readFailed'],
  readAppendedAddress: ['ok', 'samId', 'selected', 'address', 'absent', 'readFailed'],
};

describe('fitsAnswer: which answers each command can get', () => {
  it.each(Object.keys(COMMANDS) as CommandName[])('%s', (command) => {
    const fitting = (Object.keys(ANSWERS) as Answer[]).filter((a) => fitsAnswer(command, ANSWERS[a]));
    expect(fitting).toEqual(FITS[command]);
  });

  it('a read whose length fields do not add up fits no read', () => {
    const short = parseResponse(frame(0x0507, 0x90, [0x01, 0x00, 0x04, 0x00, ...text(1279)]));
    expect(fitsAnswer('readBase', short)).toBe(false);
    expect(fitsAnswer('readWithFingerprint', short)).toBe(false);
  });
});

describe('OwedAnswers', () => {
  let clock = 0;
  const owed = (): OwedAnswers => {
    clock = 0;
    return new OwedAnswers(() => clock);
  };

  it('in step, every frame answers the pending request and a frame with none pending is a stray', () => {
    const o = owed();
    expect(o.judge(ANSWERS.found, 'selectCard')).toBe('answer');
    expect(o.judge(ANSWERS.found, undefined)).toBe('stray');
  });

  it('two lost finds, then select: the first late answer settles one, the second the other, then select is answered', () => {
    const o = owed();
    o.lost('findCard', 100);
    o.lost('findCard', 100);
    expect(o.judge(ANSWERS.found, 'selectCard')).toBe('late');
    expect(o.judge(ANSWERS.noCard, 'selectCard')).toBe('late');
    expect(o.count).toBe(0);
    expect(o.judge(ANSWERS.selected, 'selectCard')).toBe('answer');
    expect(o.dropped).toBe(2);
  });

  it('an answer only the pending command could give settles every owed answer', () => {
    const o = owed();
    o.lost('readBase', 200);
    o.lost('findCard', 100);
    expect(o.judge(ANSWERS.selected, 'selectCard')).toBe('answer');
    expect(o.count).toBe(0);
  });

  it('a late answer that fits the pending command is taken, and one answer stays owed in its shape', () => {
    const o = owed();
    o.lost('findCard', 100);
    expect(o.judge(ANSWERS.found, 'findCard')).toBe('answer');
    expect(o.count).toBe(1);
    expect(o.judge(ANSWERS.found, 'selectCard')).toBe('late');
    expect(o.judge(ANSWERS.selected, 'selectCard')).toBe('answer');
    expect(o.dropped).toBe(1);
  });

  it('the owed answer is taken as the oldest one it fits; older ones are lost for good', () => {
    const o = owed();
    o.lost('findCard', 100);
    o.lost('selectCard', 100);
    expect(o.judge(ANSWERS.selectFailed, 'readBase')).toBe('late');
    expect(o.count).toBe(0);
  });

  it('between requests an owed answer is settled; a damaged frame is ignored only while one is owed', () => {
    const o = owed();
    expect(o.ignoresDamaged()).toBe(false);
    o.lost('selectCard', 100);
    expect(o.ignoresDamaged()).toBe(true);
    expect(o.judge(ANSWERS.selected, undefined)).toBe('late');
    expect(o.ignoresDamaged()).toBe(false);
  });

  it('an owed answer is forgotten ten timeouts after it was lost or last carried', () => {
    const o = owed();
    o.lost('findCard', 100);
    clock = 999;
    expect(o.count).toBe(1);
    expect(o.judge(ANSWERS.found, 'findCard')).toBe('answer');
    clock = 1998;
    expect(o.count).toBe(1);
    clock = 1999;
    expect(o.count).toBe(0);
    expect(o.judge(ANSWERS.found, 'selectCard')).toBe('answer');
  });
});
