import { describe, expect, it } from 'vitest';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { REQUEST_FRAMES } from './commands';
import { FrameDecoder } from './decoder';
import { encodeResponse } from './frame';
import { parseResponse } from './parseFrame';
import { formatSamId, parseCardPayload } from './payloads';
import { SW3, errorCodeOfSw3 } from './status';

const hex = (s: string): Uint8Array => Uint8Array.from(s.trim().split(/\s+/), (h) => parseInt(h, 16));
const show = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('request frames, byte for byte (research A1)', () => {
  it.each([
    ['reset', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['samId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readBase', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readAppendedAddress', 'AA AA AA 96 69 00 03 30 03 30'],
    ['readWithFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
  ] as const)('%s = %s', (name, bytes) => {
    expect(show(REQUEST_FRAMES[name])).toBe(bytes);
  });
});

describe('response frames', () => {
  it('parses the known find-card answer', () => {
    const r = parseResponse(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(r).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x9f, wireBytes: 15 });
    expect(Array.from(r.data)).toEqual([0, 0, 0, 0]);
  });

  it('encodes the known error frame 00 04 00 00 41 with checksum 45', () => {
    expect(show(encodeResponse(0x41))).toBe('AA AA AA 96 69 00 04 00 00 41 45');
  });

  it.each([
    ['checksum', 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 98'],
    ['preamble', 'AA AA AB 96 69 00 08 00 00 9F 00 00 00 00 97'],
    ['truncated', 'AA AA AA 96 69 00 08 00 00 9F 00 00'],
    ['trailing', 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97 00'],
    ['length', 'AA AA AA 96 69 FF FF 00 00 9F 00 00 00 00 97'],
  ])('refuses a frame with a %s defect as IDCARD_BAD_FRAME', (problem, bytes) => {
    try {
      parseResponse(hex(bytes));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JiuzhuError);
      expect((e as JiuzhuError).code).toBe('IDCARD_BAD_FRAME');
      expect((e as JiuzhuError).details).toMatchObject({ problem });
    }
  });

  it('the 30 01 answer is 1295 bytes with header 05 08 00 00 90 01 00 04 00', () => {
    const data = new Uint8Array(4 + 256 + 1024);
    data.set([0x01, 0x00, 0x04, 0x00]);
    data[4] = 0x41;
    data[4 + 256] = 0x77;
    const frame = encodeResponse(SW3.ok, data);
    expect(frame.length).toBe(1295);
    expect(show(frame.subarray(5, 14))).toBe('05 08 00 00 90 01 00 04 00');
    const payload = parseCardPayload(parseResponse(frame).data, false);
    expect(payload.text.length).toBe(256);
    expect(payload.text[0]).toBe(0x41);
    expect(payload.photo.length).toBe(1024);
    expect(payload.photo[0]).toBe(0x77);
  });

  it('30 10 answers of 2321, 1809 and 1297 bytes carry 1024, 512 and 0 fingerprint bytes', () => {
    for (const [total, fp] of [
      [2321, 1024],
      [1809, 512],
      [1297, 0],
    ] as const) {
      const data = new Uint8Array(6 + 256 + 1024 + fp);
      data.set([0x01, 0x00, 0x04, 0x00, fp >> 8, fp & 0xff]);
      const frame = encodeResponse(SW3.ok, data);
      expect(frame.length).toBe(total);
      expect(parseCardPayload(parseResponse(frame).data, true).fingerprint!.length).toBe(fp);
    }
  });

  it('refuses block lengths that do not add up', () => {
    const data = new Uint8Array(4 + 256 + 1000);
    data.set([0x01, 0x00, 0x04, 0x00]);
    expect(() => parseCardPayload(data, false)).toThrow(JiuzhuError);
  });

  it('formats the SAM id', () => {
    const b = new Uint8Array(16);
    const v = new DataView(b.buffer);
    v.setUint16(0, 5, true);
    v.setUint16(2, 1, true);
    v.setUint32(4, 20120101, true);
    v.setUint32(8, 123456, true);
    v.setUint32(12, 1234567890, true);
    expect(formatSamId(b)).toBe('05.01-20120101-0000123456-1234567890');
  });
});

describe('SW3 → typed error', () => {
  it.each([
    [0x10, 'IDCARD_READER_CHECKSUM'],
    [0x11, 'IDCARD_READER_LENGTH'],
    [0x21, 'IDCARD_READER_COMMAND'],
    [0x23, 'IDCARD_READER_FORBIDDEN'],
    [0x24, 'IDCARD_READER_ERROR'],
    [0x31, 'IDCARD_SAM_AUTH_FAILED'],
    [0x32, 'IDCARD_CARD_AUTH_FAILED'],
    [0x33, 'IDCARD_VERIFY_FAILED'],
    [0x40, 'IDCARD_UNKNOWN_CARD_TYPE'],
    [0x41, 'IDCARD_READ_FAILED'],
    [0x47, 'IDCARD_RANDOM_FAILED'],
    [0x60, 'IDCARD_SAM_SELFTEST_FAILED'],
    [0x66, 'IDCARD_SAM_UNAUTHORIZED'],
    [0x80, 'IDCARD_NO_CARD'],
    [0x81, 'IDCARD_SELECT_FAILED'],
    [0x91, 'IDCARD_ITEM_ABSENT'],
    [0x55, 'IDCARD_READER_ERROR'],
  ])('0x%s → %s', (sw3, code) => {
    expect(errorCodeOfSw3(sw3)).toBe(code);
    expect(new JiuzhuError(errorCodeOfSw3(sw3), { sw3: 'x' }).message).not.toContain('errors.');
  });
});

describe('FrameDecoder', () => {
  const find = hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  const ok = encodeResponse(SW3.ok, Uint8Array.of(1, 2, 3));

  it('reassembles a frame fed one byte at a time', () => {
    const d = new FrameDecoder();
    const events = Array.from(find).flatMap((b) => d.push(Uint8Array.of(b)));
    expect(events).toHaveLength(1);
    expect(events[0]!.kind).toBe('frame');
  });

  it('skips noise, including a partial preamble, and splits glued frames', () => {
    const d = new FrameDecoder();
    const stream = new Uint8Array([0x00, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0x96, ...find, ...ok]);
    const events = d.push(stream);
    expect(events.map((e) => e.kind)).toEqual(['frame', 'frame']);
    expect(d.skippedBytes).toBe(8);
    expect(d.pending).toBe(0);
  });

  it('reports a damaged frame and still finds the good one behind it', () => {
    const bad = find.slice();
    bad[bad.length - 1] = 0;
    const d = new FrameDecoder();
    const events = d.push(new Uint8Array([...bad, ...ok]));
    expect(events.map((e) => (e.kind === 'frame' ? 'frame' : e.error.code))).toEqual(['IDCARD_BAD_FRAME', 'frame']);
    const last = events[1]!;
    expect(last.kind === 'frame' && Array.from(last.frame.body)).toEqual([0, 0, 0x90, 1, 2, 3]);
  });

  it('a false preamble with an absurd length is dropped at once', () => {
    const d = new FrameDecoder();
    const events = d.push(new Uint8Array([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff, ...ok]));
    expect(events.map((e) => e.kind)).toEqual(['error', 'frame']);
  });
});
