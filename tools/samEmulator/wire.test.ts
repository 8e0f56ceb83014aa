import { describe, expect, it } from 'vitest';
import { RequestReader, response } from './wire';

const show = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('emulator framing (independent of the driver)', () => {
  it('builds the documented answers', () => {
    expect(show(response(0x41))).toBe('AA AA AA 96 69 00 04 00 00 41 45');
    expect(show(response(0x9f, new Uint8Array(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  });

  it('reads requests split anywhere, flags damaged ones', () => {
    const r = new RequestReader();
    const find = [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22];
    const damaged = [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x33];
    const stream = Uint8Array.from([0x01, ...find, ...damaged]);
    const got = [...r.push(stream.subarray(0, 4)), ...r.push(stream.subarray(4, 13)), ...r.push(stream.subarray(13))];
    expect(got.map((q) => [q.cmd, q.para, q.damaged])).toEqual([
      [0x20, 0x01, undefined],
      [0x30, 0x01, 'checksum'],
    ]);
  });
});
