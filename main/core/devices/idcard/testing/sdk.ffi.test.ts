import koffi from 'koffi';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { CARD_MAKERS, appendedAddressBytes, residentCard } from '../../../../../tools/samEmulator/index';
import { loadWltDecoder } from '../photo/koffiWltDecoder';
import { CardPoller } from '../reader/poller';
import { waitForCard } from '../reader/readCard';
import type { CardRead } from '../reader/buildCard';
import { SdtapiBackend } from '../sdk/sdtapiBackend';
import { TermbBackend } from '../sdk/termbBackend';
import { compileFixture, gbk } from './compileFixture';

const today = (): string => '2026-06-01';
let dir: string;
const libs: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idcard-ffi-'));
  for (const name of ['termb_fixture', 'sdtapi_fixture', 'wlt_fixture']) libs[name] = await compileFixture(name, dir);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The fixture's control functions, through the same FFI. */
function control(path: string) {
  const lib = koffi.load(path);
  return {
    lib,
    fn: (proto: string) => lib.func(proto),
  };
}

describe('sdtapi backend through koffi', () => {
  it('find → select → read for every card type, appended address, SAM id, then the card stays quiet', async () => {
    const c = control(libs.sdtapi_fixture!);
    const setCard = c.fn('void fixture_set_card(const uint8_t *t, const uint8_t *w, const uint8_t *s, int present)');
    const setAppended = c.fn('void fixture_set_appended(const uint8_t *a, int len)');
    const backend = await SdtapiBackend.open({ kind: 'sdtapi', library: libs.sdtapi_fixture!, port: 1001 });
    try {
      for (const make of Object.values(CARD_MAKERS)) {
        const card = make();
        setCard(card.text, card.wlt, card.serial, 1);
        setAppended(new Uint8Array(0), 0);
        const read = await waitForCard(backend, { timeoutMs: 500, today });
        expect(read.card).toEqual({
          ...card.expected,
          photo: { format: 'wlt', size: 1024 },
          samId: '05.01-20240101-0000011111-2222222222',
        });
        expect(Buffer.from(read.photo.wlt!)).toEqual(Buffer.from(card.wlt));
        expect(read.cardKey).toBe(Buffer.from(card.serial).toString('hex'));
        await expect(backend.readOnce()).rejects.toMatchObject({ code: 'IDCARD_NO_CARD' });
      }
      const card = residentCard({ seed: 77, appendedAddress: '四川省成都市武侯区新址路1号' });
      setCard(card.text, card.wlt, card.serial, 1);
      setAppended(appendedAddressBytes(card.appendedAddress!), 70);
      expect((await waitForCard(backend, { timeoutMs: 500, today })).card.appendedAddress).toBe('四川省成都市武侯区新址路1号');
    } finally {
      await backend.close();
    }
  });

  it('maps the library results to the same typed errors as the serial driver', async () => {
    const c = control(libs.sdtapi_fixture!);
    const setCard = c.fn('void fixture_set_card(const uint8_t *t, const uint8_t *w, const uint8_t *s, int present)');
    const force = c.fn('void fixture_force_read(int code)');
    const backend = await SdtapiBackend.open({ kind: 'sdtapi', library: libs.sdtapi_fixture!, port: 1001 });
    try {
      const card = residentCard();
      setCard(card.text, card.wlt, card.serial, 1);
      force(0x32);
      await expect(backend.readOnce()).rejects.toMatchObject({ code: 'IDCARD_CARD_AUTH_FAILED' });
      setCard(card.text, card.wlt, card.serial, 0);
      await expect(backend.readOnce()).rejects.toMatchObject({ code: 'IDCARD_NO_CARD' });
    } finally {
      await backend.close();
    }
    await expect(SdtapiBackend.open({ kind: 'sdtapi', library: libs.sdtapi_fixture!, port: 7 })).rejects.toMatchObject({
      code: 'IDCARD_PORT_OPEN_FAILED',
    });
    await expect(SdtapiBackend.open({ kind: 'sdtapi', library: join(dir, 'missing.so'), port: 1001 })).rejects.toMatchObject({
      code: 'IDCARD_SDK_LOAD_FAILED',
    });
  });

  it('drives the poller: one card, one event', async () => {
    const c = control(libs.sdtapi_fixture!);
    const setCard = c.fn('void fixture_set_card(const uint8_t *t, const uint8_t *w, const uint8_t *s, int present)');
    const card = CARD_MAKERS.hkmotw({ seed: 5 });
    setCard(card.text, card.wlt, card.serial, 1);
    const cards: CardRead[] = [];
    const poller = new CardPoller({
      connect: () => SdtapiBackend.open({ kind: 'sdtapi', library: libs.sdtapi_fixture!, port: 1001 }),
      onCard: (r) => cards.push(r),
      today,
      intervalMs: 20,
    });
    poller.start();
    await new Promise((r) => setTimeout(r, 400));
    await poller.stop();
    expect(cards.map((r) => r.card.idNumber)).toEqual([card.expected.idNumber]);
  });
});

describe('termb backend through koffi', () => {
  it('files mode: wz.txt + xp.wlt + zp.bmp beside the library, deleted after reading', async () => {
    const c = control(libs.termb_fixture!);
    const setCard = c.fn('void fixture_set_card(const uint8_t *t, const uint8_t *w, int present)');
    const setAppended = c.fn('void fixture_set_appended(const uint8_t *a, int len)');
    const backend = await TermbBackend.open({ kind: 'termb', library: libs.termb_fixture!, port: 1001, output: 'files', today });
    try {
      for (const make of Object.values(CARD_MAKERS)) {
        const card = make({ seed: 14 });
        setCard(card.text, card.wlt, 1);
        setAppended(new Uint8Array(0), 0);
        const read = await waitForCard(backend, { timeoutMs: 500, today });
        expect(read.card).toEqual({
          ...card.expected,
          photo: { format: 'bmp', size: 38862 },
          samId: '05.01-20240101-0000054321-0987654321',
        });
        expect(read.photo.status).toBe('decoded');
        expect(read.photo.bmp!.subarray(0, 2)).toEqual(Uint8Array.of(0x42, 0x4d));
        expect(read.photo.bmp![54 + 5]).toBe(card.wlt[5]);
        expect(Buffer.from(read.photo.wlt!)).toEqual(Buffer.from(card.wlt));
      }
      const left = (await readdir(dir)).filter((f) => /\.(txt|wlt|bmp)$/i.test(f));
      expect(left).toEqual([]);
      const card = residentCard({ seed: 15, appendedAddress: '江苏省南京市玄武区新址路2号' });
      setCard(card.text, card.wlt, 1);
      setAppended(appendedAddressBytes(card.appendedAddress!), 70);
      expect((await waitForCard(backend, { timeoutMs: 500, today })).card.appendedAddress).toBe('江苏省南京市玄武区新址路2号');
      setCard(card.text, card.wlt, 0);
      await expect(backend.readOnce()).rejects.toMatchObject({ code: 'IDCARD_NO_CARD' });
    } finally {
      await backend.close();
    }
  });

  it('files mode with Read_Content_Path into a configured folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'idcard-termb-out-'));
    const backend = await TermbBackend.open({
      kind: 'termb',
      library: libs.termb_fixture!,
      port: 1,
      output: 'files',
      outputDir: out,
      today,
    });
    try {
      const c = control(libs.termb_fixture!);
      const card = CARD_MAKERS.foreigner2017({ seed: 16 });
      c.fn('void fixture_set_card(const uint8_t *t, const uint8_t *w, int present)')(card.text, card.wlt, 1);
      expect((await waitForCard(backend, { timeoutMs: 500, today })).card).toMatchObject(card.expected);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await backend.close();
      await rm(out, { recursive: true, force: true });
    }
  });

  it('getters mode: GBK texts in vendor formats become the same card', async () => {
    const c = control(libs.termb_fixture!);
    const setGetter = c.fn('int fixture_set_getter(const char *name, const uint8_t *v, int len)');
    const setCard = c.fn('void fixture_set_card(const uint8_t *t, const uint8_t *w, int present)');
    const card = residentCard({ seed: 17 });
    setCard(card.text, card.wlt, 1);
    const e = card.expected;
    const values: Record<string, string> = {
      GetPeopleName: e.name,
      GetPeopleSex: e.sex,
      GetPeopleNation: `${e.nation}`,
      GetPeopleBirthday: e.birthDate,
      GetPeopleAddress: e.address!,
      GetPeopleIDCode: e.idNumber,
      GetDepartment: e.authority!,
      GetStartDate: e.validFrom.replace(/-/g, ''),
      GetEndDate: e.validUntil.replace(/-/g, ''),
      GetCertType: ' ',
    };
    for (const [k, v] of Object.entries(values)) {
      const bytes = gbk(v);
      expect(setGetter(k, bytes, bytes.length)).toBe(1);
    }
    const backend = await TermbBackend.open({ kind: 'termb', library: libs.termb_fixture!, port: 1001, output: 'getters', today });
    try {
      const read = await waitForCard(backend, { timeoutMs: 500, today });
      expect(read.card).toEqual({ ...e, samId: '05.01-20240101-0000054321-0987654321' });
      expect(read.photo.status).toBe('absent');
      const bad = gbk('3');
      setGetter('GetPeopleSex', bad, bad.length);
      await expect(waitForCard(backend, { timeoutMs: 100, today })).rejects.toMatchObject({ code: 'IDCARD_BAD_FIELD' });
    } finally {
      await backend.close();
    }
  });

  it('a failing Read_Content is a typed error, and a bad port refuses to open', async () => {
    const c = control(libs.termb_fixture!);
    const card = residentCard();
    c.fn('void fixture_set_card(const uint8_t *t, const uint8_t *w, int present)')(card.text, card.wlt, 1);
    const setResult = c.fn('void fixture_set_read_result(int r)');
    const backend = await TermbBackend.open({ kind: 'termb', library: libs.termb_fixture!, port: 1001, output: 'files', today });
    try {
      setResult(-5);
      const error = await backend.readOnce().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JiuzhuError);
      expect((error as JiuzhuError).code).toBe('IDCARD_SDK_CALL_FAILED');
      expect((error as JiuzhuError).message).toContain('-5');
    } finally {
      setResult(1);
      await backend.close();
    }
    await expect(
      TermbBackend.open({ kind: 'termb', library: libs.termb_fixture!, port: 99, output: 'files', today }),
    ).rejects.toMatchObject({
      code: 'IDCARD_PORT_OPEN_FAILED',
    });
  });
});

describe('WLT decoder plugin through koffi', () => {
  it('buffer style: BGR pixels are wrapped into a 38862-byte BMP, bottom-up', async () => {
    const decoder = loadWltDecoder({ library: libs.wlt_fixture!, calling: 'buffer' });
    const wlt = CARD_MAKERS.resident().wlt;
    const bmp = await decoder.decode(wlt);
    expect(bmp.length).toBe(38862);
    expect(Array.from(bmp.subarray(0, 2))).toEqual([0x42, 0x4d]);
    // The top row (pixels 0..305 of the decoder's output) is the last row in the file.
    expect(Array.from(bmp.subarray(54 + 125 * 308, 54 + 125 * 308 + 306))).toEqual(Array.from({ length: 306 }, (_, i) => wlt[i % 1024]));
  });

  it('file style: GetBmp writes zp.bmp beside the WLT, in a folder removed afterwards', async () => {
    const decoder = loadWltDecoder({ library: libs.wlt_fixture!, calling: 'file' });
    const wlt = CARD_MAKERS.hkmotw().wlt;
    const bmp = await decoder.decode(wlt);
    expect(bmp.length).toBe(38862);
    expect(bmp[54 + 3]).toBe(wlt[21]);
    expect((await readdir(tmpdir())).filter((f) => f.startsWith('jiuzhu-wlt-'))).toEqual([]);
  });

  it('a decoder that refuses the data costs the photo, never the card', async () => {
    const decoder = loadWltDecoder({ library: libs.wlt_fixture!, calling: 'buffer' });
    const card = residentCard({ seed: 90 });
    card.wlt[0] = 0xff;
    card.wlt[1] = 0xff;
    const { buildCard } = await import('../reader/buildCard');
    const read = await buildCard(
      { text: { kind: 'block', block: card.text }, photo: { wlt: card.wlt } },
      { today: today(), photoDecoder: decoder },
    );
    expect(read.card.idNumber).toBe(card.expected.idNumber);
    expect(read.card.photo).toEqual({ format: 'wlt', size: 1024 });
    expect(read.photo.status).toBe('decode-failed');
    expect(read.photo.message).toContain('-3');
    const good = await buildCard(
      { text: { kind: 'block', block: card.text }, photo: { wlt: residentCard().wlt } },
      { today: today(), photoDecoder: decoder },
    );
    expect(good.card.photo).toEqual({ format: 'bmp', size: 38862 });
  });

  it('a missing library or symbol is a typed error', () => {
    expect(() => loadWltDecoder({ library: join(dir, 'nope.so'), calling: 'buffer' })).toThrow(
      expect.objectContaining({ code: 'IDCARD_SDK_LOAD_FAILED' }),
    );
    expect(() => loadWltDecoder({ library: libs.wlt_fixture!, calling: 'buffer', symbol: 'NoSuchFn' })).toThrow(
      expect.objectContaining({ code: 'IDCARD_SDK_LOAD_FAILED' }),
    );
  });
});
