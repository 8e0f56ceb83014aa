import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JiuzhuError } from '../common/contract/errors';
import { decryptBlob, encryptBlob, encryptBlobFrom, sha256Hex } from './blobCipher';
import { generatePartyKeys } from './keys';
import { gmSuite, intlSuite } from './suites';
import { decodeUploadMetadata, encodeUploadMetadata } from './tusMetadata';

describe.each([intlSuite, gmSuite])('blob cipher [%s]', (suite) => {
  const device = generatePartyKeys(suite).encryption;
  const platform = generatePartyKeys(suite).encryption;
  const plain = randomBytes(100_000);
  const sha256 = sha256Hex(plain);
  const up = { mine: device, peerKey: platform.publicKey, deviceId: 'dev_x', sha256, direction: 'up' as const, suite };
  const atPlatform = { ...up, mine: platform, peerKey: device.publicKey };

  it('is deterministic, so a resume can regenerate the bytes from any offset', async () => {
    const whole = encryptBlob(plain, up);
    expect(whole.length).toBe(plain.length + 16);
    expect(encryptBlob(plain, up).equals(whole)).toBe(true);
    const chunks = [plain.subarray(0, 30_000), plain.subarray(30_000, 30_001), plain.subarray(30_001)];
    const parts: Buffer[] = [];
    for await (const part of encryptBlobFrom(chunks, up, 45_678)) parts.push(part);
    expect(Buffer.concat(parts).equals(whole.subarray(45_678))).toBe(true);
    expect(decryptBlob(whole, atPlatform).equals(plain)).toBe(true);
    // Another direction or device gives other bytes: no keystream is ever reused.
    expect(
      encryptBlob(plain, { ...up, direction: 'down' })
        .subarray(0, 64)
        .equals(whole.subarray(0, 64)),
    ).toBe(false);
  });

  it('streams: every chunk comes out at once, the same size, so a blob of any size keeps memory flat', async () => {
    const sizes: number[] = [];
    const chunks = function* () {
      for (let at = 0; at < plain.length; at += 7_001) yield plain.subarray(at, at + 7_001);
    };
    for await (const part of encryptBlobFrom(chunks(), up, 0)) sizes.push(part.length);
    const expected = [...chunks()].map((c) => c.length);
    expect(sizes.slice(0, -1)).toEqual(expected);
    expect(sizes.at(-1)).toBe(16);
  });

  it('refuses bytes that do not match the announced sha256', () => {
    const whole = encryptBlob(plain, up);
    const flipped = Buffer.from(whole);
    flipped[500] = flipped[500]! ^ 1;
    expect(() => decryptBlob(flipped, atPlatform)).toThrow(JiuzhuError);
    const lying = { ...atPlatform, sha256: sha256Hex(Buffer.from('another file')) };
    expect(() => decryptBlob(whole, lying)).toThrowError(/指纹/);
  });

  it('encodes tus Upload-Metadata', () => {
    const header = encodeUploadMetadata({ sha256, contentType: 'image/jpeg' });
    expect(header).toBe(`sha256 ${Buffer.from(sha256).toString('base64')},contentType aW1hZ2UvanBlZw==`);
    expect(decodeUploadMetadata(header)).toEqual({ sha256, contentType: 'image/jpeg' });
    expect(decodeUploadMetadata('flag')).toEqual({ flag: '' });
    expect(() => decodeUploadMetadata('k not*base64')).toThrow();
  });
});
