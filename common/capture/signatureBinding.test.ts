import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureCaptureSchema } from './schemas';
import { authorizationStatement, sha256Hex } from './signatureBinding';

const husband = { name: '王建国', idNumber: '110101198001011234', role: 'member' };
const sig = {
  kind: 'signature',
  capturedAt: '2026-02-12T09:10:00+08:00',
  png: { mime: 'image/png', base64: 'iVBORw0KGgo=', bytes: 8, width: 1, height: 1 },
  dpi: 200,
  pad: { width: 600, height: 200 },
  pointerType: 'mouse',
  strokes: [[{ x: 1, y: 2, pressure: 0.5, t: 0 }]],
};
const H = 'a'.repeat(64);

describe('signature binding', () => {
  it('hashes like Node’s SHA-256 (UTF-8, lower-case hex)', async () => {
    const text = authorizationStatement(husband);
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(await sha256Hex(new Uint8Array([1, 2, 3]))).toBe(
      createHash('sha256')
        .update(Buffer.from([1, 2, 3]))
        .digest('hex'),
    );
  });

  it('gives each signer (and each case) a different statement, and the same one for the same facts', async () => {
    const wife = { ...husband, name: '李秀英', idNumber: '110101198203052345' };
    const a = await sha256Hex(authorizationStatement(husband));
    expect(await sha256Hex(authorizationStatement({ ...husband, name: ' 王建国 ' }))).toBe(a);
    expect(await sha256Hex(authorizationStatement(wife))).not.toBe(a);
    expect(await sha256Hex(authorizationStatement(husband, 'case-1'))).not.toBe(a);
    expect(authorizationStatement(husband)).toContain('公民身份号码：110101198001011234');
  });

  it('a signature bound to a document must name its signer and carry the PNG hash', () => {
    expect(signatureCaptureSchema.safeParse(sig).success).toBe(true); // unbound: both optional
    expect(signatureCaptureSchema.safeParse({ ...sig, documentHash: H }).success).toBe(false);
    expect(signatureCaptureSchema.safeParse({ ...sig, documentHash: H, signer: '  ', pngSha256: H }).success).toBe(false);
    expect(signatureCaptureSchema.safeParse({ ...sig, documentHash: H, signer: '王建国' }).success).toBe(false);
    expect(signatureCaptureSchema.safeParse({ ...sig, documentHash: H, signer: '王建国', pngSha256: H }).success).toBe(true);
    expect(signatureCaptureSchema.safeParse({ ...sig, documentHash: 'ABC', signer: '王建国', pngSha256: H }).success).toBe(false);
  });
});
