import { describe, expect, it } from 'vitest';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { FrameDecoder } from './decoder';
import { encodeResponse } from './frame';
import { parseCardPayload } from './payloads';
import { parseResponse, toResponse } from './parseFrame';

/** npm run test:long (JIUZHU_LONG=1) runs a million frames; npm test a seeded slice. */
const FRAMES = process.env.JIUZHU_LONG ? 1_000_000 : 20_000;
const SEED = 0x1d_ca_2d;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES = [
  () => encodeResponse(0x9f, new Uint8Array(4)),
  () => encodeResponse(0x90, new Uint8Array(8)),
  () => encodeResponse(0x80),
  () => {
    const d = new Uint8Array(4 + 256 + 1024);
    d.set([1, 0, 4, 0]);
    return encodeResponse(0x90, d);
  },
  () => {
    const d = new Uint8Array(6 + 256 + 1024 + 512);
    d.set([1, 0, 4, 0, 2, 0]);
    return encodeResponse(0x90, d);
  },
].map((make) => make());

function mutate(frame: Uint8Array, r: () => number): Uint8Array {
  const kind = Math.floor(r() * 6);
  const out = frame.slice();
  switch (kind) {
    case 0: // flip bits
      for (let i = 0, n = 1 + Math.floor(r() * 4); i < n; i++) out[Math.floor(r() * out.length)]! ^= 1 << Math.floor(r() * 8);
      return out;
    case 1: // truncate
      return out.subarray(0, Math.floor(r() * out.length));
    case 2: // corrupt the length field
      out[5] = Math.floor(r() * 256);
      out[6] = Math.floor(r() * 256);
      return out;
    case 3: // pure noise, sometimes with a preamble
      return randomBytes(r, Math.floor(r() * 64), r() < 0.5);
    case 4: // extend with junk
      return new Uint8Array([...out.subarray(0, Math.min(out.length, 32)), ...randomBytes(r, Math.floor(r() * 32), false)]);
    default: // valid, re-checksummed with random data
      return encodeResponse(Math.floor(r() * 256), randomBytes(r, Math.floor(r() * 40), false));
  }
}

function randomBytes(r: () => number, n: number, preamble: boolean): Uint8Array {
  const out = new Uint8Array(n + (preamble ? 7 : 0));
  let i = 0;
  if (preamble) {
    out.set([0xaa, 0xaa, 0xaa, 0x96, 0x69, Math.floor(r() * 3), Math.floor(r() * 256)]);
    i = 7;
  }
  for (; i < out.length; i++) out[i] = Math.floor(r() * 256);
  return out;
}

function onlyTyped(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof JiuzhuError) || !e.code.startsWith('IDCARD_')) throw e;
  }
}

describe(`frame parser fuzz (${FRAMES.toLocaleString()} frames, seed ${SEED})`, () => {
  it('parseResponse and the payload parsers throw nothing but IDCARD_ errors', () => {
    const r = rng(SEED);
    let good = 0;
    for (let n = 0; n < FRAMES; n++) {
      const base = TEMPLATES[Math.floor(r() * TEMPLATES.length)]!;
      const bytes = r() < 0.05 ? base : mutate(base, r);
      onlyTyped(() => {
        const resp = parseResponse(bytes);
        good++;
        onlyTyped(() => parseCardPayload(resp.data, false));
        onlyTyped(() => parseCardPayload(resp.data, true));
      });
    }
    expect(good).toBeGreaterThan(FRAMES / 100);
  }, 600_000);

  it('the streaming decoder never throws and always recovers the valid frames mixed into noise', () => {
    const r = rng(SEED + 1);
    const decoder = new FrameDecoder();
    let sent = 0;
    let received = 0;
    const stream = FRAMES / 10;
    for (let n = 0; n < stream; n++) {
      // Noise (never a full preamble), then a valid frame, fed in random splits.
      const noise = randomBytes(r, Math.floor(r() * 24), false).map((b) => (b === 0xaa ? 0x00 : b));
      const valid = encodeResponse(Math.floor(r() * 256), randomBytes(r, Math.floor(r() * 48), false));
      const bytes = new Uint8Array([...noise, ...valid]);
      sent++;
      for (let at = 0; at < bytes.length;) {
        const step = 1 + Math.floor(r() * 20);
        for (const e of decoder.push(bytes.subarray(at, at + step))) {
          if (e.kind === 'frame') {
            received++;
            expect(toResponse(e.frame).wireBytes).toBe(valid.length);
          }
        }
        at += step;
      }
    }
    expect(received).toBe(sent);

    // And mutated streams: any byte soup is survived.
    for (let n = 0; n < FRAMES / 2; n++) {
      const base = TEMPLATES[Math.floor(r() * TEMPLATES.length)]!;
      const events = decoder.push(mutate(base, r));
      for (const e of events) if (e.kind === 'error') expect(e.error.code).toBe('IDCARD_BAD_FRAME');
      if (n % 1000 === 0) decoder.reset();
    }
  }, 600_000);
});
