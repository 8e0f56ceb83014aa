import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { idCardSchema } from '../../../../../common/idcard/card';
import { CARD_MAKERS, EmulatedReader, SAM_ID_TEXT, residentCard, type FixtureCardType } from '../../../../../tools/samEmulator/index';
import { SamReader } from '../reader/samReader';
import { waitForCard } from '../reader/readCard';

const today = (): string => '2026-06-01';
let emu: EmulatedReader;
let reader: SamReader | undefined;

beforeAll(async () => {
  emu = await EmulatedReader.start();
});
afterEach(async () => {
  await reader?.close();
  reader = undefined;
  emu.faults = {};
  emu.removeCard();
});
afterAll(async () => {
  await emu.stop();
});

async function open(timeoutMs = 300): Promise<SamReader> {
  reader = await SamReader.open({ path: emu.hostPath, timeoutMs });
  return reader;
}

async function readError(r: SamReader, timeoutMs = 400): Promise<JiuzhuError> {
  const e = await waitForCard(r, { timeoutMs, today }).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(JiuzhuError);
  return e as JiuzhuError;
}

describe('SAM driver against the emulator over a pty', () => {
  it.each(Object.keys(CARD_MAKERS) as FixtureCardType[])('reads a %s card field by field', async (type) => {
    const card = CARD_MAKERS[type]({ withFingerprint: false });
    emu.placeCard(card);
    const r = await open();
    const read = await waitForCard(r, { timeoutMs: 2000, today });
    expect(read.card).toEqual({ ...card.expected, photo: { format: 'wlt', size: 1024 }, samId: SAM_ID_TEXT });
    expect(idCardSchema.parse(read.card)).toEqual(read.card);
    expect(Buffer.from(read.photo.wlt!)).toEqual(Buffer.from(card.wlt));
    expect(read.photo.status).toBe('needs-decoder');
    expect(read.photo.message).toBe('照片需厂商解码库');
    expect(emu.sam.seen.slice(-5)).toEqual(['findCard', 'selectCard', 'readBase', 'readAppendedAddress', 'samId']);
  });

  it('reads the appended address and keeps 长期', async () => {
    emu.placeCard(residentCard({ seed: 9, appendedAddress: '重庆市綦江区古南街道新址路8号', validUntil: 'long' }));
    const read = await waitForCard(await open(), { timeoutMs: 2000, today });
    expect(read.card.appendedAddress).toBe('重庆市綦江区古南街道新址路8号');
    expect(read.card.validUntil).toBe('长期');
  });

  it('reads with fingerprint (30 10) and returns the templates', async () => {
    const card = residentCard({ seed: 5, withFingerprint: true });
    emu.placeCard(card);
    reader = await SamReader.open({ path: emu.hostPath, timeoutMs: 300, fingerprint: true });
    const read = await waitForCard(reader, { timeoutMs: 2000, today });
    expect(Buffer.from(read.fingerprint!)).toEqual(Buffer.from(card.fingerprint));
    expect(read.card.idNumber).toBe(card.expected.idNumber);
    expect(emu.sam.seen).toContain('readWithFingerprint');
  });

  it('no card: waits out the timeout, then IDCARD_NO_CARD', async () => {
    const r = await open();
    const started = Date.now();
    const e = await readError(r, 500);
    expect(e.code).toBe('IDCARD_NO_CARD');
    expect(e.message).toContain('请把证件平放在读卡器感应区');
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('a card placed during the wait is read', async () => {
    const r = await open();
    const card = residentCard({ seed: 11 });
    setTimeout(() => emu.placeCard(card), 300);
    const read = await waitForCard(r, { timeoutMs: 3000, today, intervalMs: 50 });
    expect(read.card.idNumber).toBe(card.expected.idNumber);
  });

  it('garbage before every answer: resynchronises', async () => {
    const card = CARD_MAKERS.hkmotw();
    emu.placeCard(card);
    emu.faults = { garbageBefore: 37 };
    const r = await open();
    const read = await waitForCard(r, { timeoutMs: 2000, today });
    expect(read.card).toMatchObject(card.expected);
    expect(r.stats.retries).toBe(0);
  });

  it('answers dribbled byte by byte: reassembled', async () => {
    const card = CARD_MAKERS.foreigner2023();
    emu.placeCard(card);
    emu.faults = { dribbleMs: 0 };
    const r = await open(5000);
    const read = await waitForCard(r, { timeoutMs: 20000, today });
    expect(read.card).toMatchObject(card.expected);
  }, 40_000);

  it('bad checksum on find: one clean retry, then the card', async () => {
    const card = CARD_MAKERS.resident({ seed: 21 });
    emu.placeCard(card);
    const r = await open();
    emu.faults = { badChecksum: 1, badChecksumOn: ['findCard'] };
    const read = await waitForCard(r, { timeoutMs: 2000, today });
    expect(read.card.idNumber).toBe(card.expected.idNumber);
    expect(r.stats.retries).toBe(1);
  });

  it('bad checksum twice in a row on select: typed error, no half card', async () => {
    emu.placeCard(CARD_MAKERS.resident({ seed: 22 }));
    const r = await open();
    emu.faults = { badChecksum: 4, badChecksumOn: ['selectCard'] };
    const e = await readError(r);
    expect(e.code).toBe('IDCARD_BAD_FRAME');
    expect(e.message).toContain('校验和错误');
  });

  it('bad checksum on the read answer of a halting card: IDCARD_BAD_FRAME, and a new placement reads', async () => {
    const card = CARD_MAKERS.resident({ seed: 23 });
    emu.placeCard(card);
    const r = await open();
    emu.faults = { badChecksum: 1, badChecksumOn: ['readBase'] };
    const e = await readError(r);
    expect(e.code).toBe('IDCARD_BAD_FRAME');
    emu.placeCard(card);
    const read = await waitForCard(r, { timeoutMs: 2000, today });
    expect(read.card.idNumber).toBe(card.expected.idNumber);
  });

  it('bad checksum on the read answer of a non-halting reader: the sequence is retried once', async () => {
    const card = CARD_MAKERS.resident({ seed: 24 });
    const other = await EmulatedReader.start({ sam: { haltAfterRead: false }, card });
    try {
      const r = await SamReader.open({ path: other.hostPath, timeoutMs: 300 });
      other.faults = { badChecksum: 1, badChecksumOn: ['readBase'] };
      const read = await waitForCard(r, { timeoutMs: 2000, today });
      expect(read.card.idNumber).toBe(card.expected.idNumber);
      expect(r.stats.retries).toBe(1);
      await r.close();
    } finally {
      await other.stop();
    }
  });

  it('slow answers within the timeout are read', async () => {
    const card = CARD_MAKERS.foreigner2017();
    emu.placeCard(card);
    const r = await open(400);
    emu.faults = { slowMs: 150 };
    const read = await waitForCard(r, { timeoutMs: 5000, today });
    expect(read.card).toMatchObject(card.expected);
  });

  it('answers slower than the timeout: IDCARD_TIMEOUT after one retry', async () => {
    emu.placeCard(CARD_MAKERS.resident());
    const r = await open(100);
    emu.faults = { slowMs: 250 };
    const e = await readError(r);
    expect(e.code).toBe('IDCARD_TIMEOUT');
    expect(e.message).toContain('100 毫秒');
    expect(r.stats.retries).toBeGreaterThanOrEqual(1);
    emu.faults = {};
    await new Promise((res) => setTimeout(res, 600)); // let the late answers drain
  });

  it('one lost answer (silence) on find is retried cleanly', async () => {
    const card = CARD_MAKERS.resident({ seed: 31 });
    emu.placeCard(card);
    const r = await open(150);
    emu.faults = { silent: 1 };
    const read = await waitForCard(r, { timeoutMs: 2000, today });
    expect(read.card.idNumber).toBe(card.expected.idNumber);
    expect(r.stats.retries).toBe(1);
  });

  it.each([
    [0x31, 'IDCARD_SAM_AUTH_FAILED'],
    [0x32, 'IDCARD_CARD_AUTH_FAILED'],
    [0x33, 'IDCARD_VERIFY_FAILED'],
    [0x40, 'IDCARD_UNKNOWN_CARD_TYPE'],
    [0x41, 'IDCARD_READ_FAILED'],
    [0x47, 'IDCARD_RANDOM_FAILED'],
    [0x60, 'IDCARD_SAM_SELFTEST_FAILED'],
    [0x66, 'IDCARD_SAM_UNAUTHORIZED'],
    [0x21, 'IDCARD_READER_COMMAND'],
    [0x23, 'IDCARD_READER_FORBIDDEN'],
    [0x24, 'IDCARD_READER_ERROR'],
    [0x7e, 'IDCARD_READER_ERROR'],
  ])('SW3 0x%s on read → %s', async (sw3, code) => {
    emu.placeCard(CARD_MAKERS.resident());
    const r = await open();
    emu.faults = { status: { command: 'readBase', sw3, times: 1 } };
    const e = await readError(r);
    expect(e.code).toBe(code);
    expect(e.details).toMatchObject({ sw3 });
  });

  it('SW3 0x81 on select → IDCARD_SELECT_FAILED', async () => {
    emu.placeCard(CARD_MAKERS.resident());
    const r = await open();
    emu.faults = { status: { command: 'selectCard', sw3: 0x81, times: 1 } };
    expect((await readError(r)).code).toBe('IDCARD_SELECT_FAILED');
  });

  it('SW3 0x10 (reader saw a damaged request) is resent once, even for a read', async () => {
    const card = CARD_MAKERS.resident({ seed: 41 });
    emu.placeCard(card);
    const r = await open();
    emu.faults = { status: { command: 'readBase', sw3: 0x10, times: 1 } };
    const read = await waitForCard(r, { timeoutMs: 2000, today });
    expect(read.card.idNumber).toBe(card.expected.idNumber);
    expect(r.stats.retries).toBe(1);
  });

  it('the port disappearing mid-wait: IDCARD_DISCONNECTED, and the reader reopens after replug', async () => {
    const own = await EmulatedReader.start();
    try {
      const r = await SamReader.open({ path: own.hostPath, timeoutMs: 300 });
      const waiting = waitForCard(r, { timeoutMs: 5000, today, intervalMs: 50 }).catch((e: unknown) => e);
      await new Promise((res) => setTimeout(res, 200));
      await own.unplug();
      const e = (await waiting) as JiuzhuError;
      expect(e).toBeInstanceOf(JiuzhuError);
      expect(e.code).toBe('IDCARD_DISCONNECTED');
      expect(r.isOpen).toBe(false);
      await expect(SamReader.open({ path: own.hostPath, timeoutMs: 300 })).rejects.toMatchObject({ code: 'IDCARD_PORT_OPEN_FAILED' });
      await own.replug();
      const card = CARD_MAKERS.hkmotw({ seed: 8 });
      own.placeCard(card);
      const again = await SamReader.open({ path: own.hostPath, timeoutMs: 300 });
      expect((await waitForCard(again, { timeoutMs: 2000, today })).card.idNumber).toBe(card.expected.idNumber);
      await again.close();
    } finally {
      await own.stop();
    }
  });
});
