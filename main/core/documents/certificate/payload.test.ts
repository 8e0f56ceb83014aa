import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../../../common/documents/certificatePayload';
import { renderDocument, type RenderedDocument } from '../render';
import { BLOCK, mm } from '../layout/page';
import { SAMPLES, testFonts } from '../testing/fixtures';
import { rasterize, readPdf } from '../testing/pdfText';
import { decodeQrMatrix, sampleQr } from '../testing/qrDecode';
import { signCertificatePayload, verifyCertificatePayload } from './payload';
import { qrSymbol } from './qr';

const station = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const facts: CertificateFacts = {
  certificateId: 'JZ500112-2026-000123',
  holder: '王*文',
  idTail: '1234',
  category: 'dibao-urban',
  monthlyAmountFen: 120050,
  since: '2027-01',
  validUntil: '2027-06-30',
  issuerId: '500112001',
};
const today = '2027-03-01';

describe('certificate payload', () => {
  const payload = signCertificatePayload(facts, station.privateKey);

  it('round-trips the facts through the signature', () => {
    expect(payload.startsWith('JZC2|ED25519|JZ500112-2026-000123|王*文|1234|DC|120050|202701|20270630|500112001|')).toBe(true);
    expect(verifyCertificatePayload(payload, station.publicKey, { today })).toEqual({ ...facts, algorithm: 'ed25519' });
    const keyring = (id: string) => (id === '500112001' ? station.publicKey : undefined);
    expect(verifyCertificatePayload(payload, keyring, { today })).toEqual({ ...facts, algorithm: 'ed25519' });
  });

  it('detects an altered amount, holder or date', () => {
    for (const [from, to] of [
      ['|120050|', '|220050|'],
      ['王*文', '李*文'],
      ['|20270630|', '|20290630|'],
      ['|DC|', '|TD|'],
    ] as const) {
      expect(() => verifyCertificatePayload(payload.replace(from, to), station.publicKey, { today })).toThrow(
        expect.objectContaining({ code: 'CERT_BAD_SIGNATURE' }),
      );
    }
  });

  it('detects a forgery signed with another key', () => {
    const forged = signCertificatePayload({ ...facts, monthlyAmountFen: 999900 }, other.privateKey);
    expect(() => verifyCertificatePayload(forged, station.publicKey, { today })).toThrow(
      expect.objectContaining({ code: 'CERT_BAD_SIGNATURE' }),
    );
  });

  it('names an unknown issuer', () => {
    const err = (() => {
      try {
        verifyCertificatePayload(payload, () => undefined, { today });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toMatchObject({ code: 'CERT_UNKNOWN_ISSUER', details: { issuerId: '500112001' } });
    expect((err as Error).message).toContain('500112001');
  });

  it('reports a genuine but expired certificate as expired, with its facts', () => {
    expect(() => verifyCertificatePayload(payload, station.publicKey, { today: '2027-07-01' })).toThrow(
      expect.objectContaining({ code: 'CERT_EXPIRED', details: { facts, algorithm: 'ed25519' } }),
    );
    expect(verifyCertificatePayload(payload, station.publicKey, { today: '2027-06-30' })).toEqual({ ...facts, algorithm: 'ed25519' });
  });

  it('refuses text that is not a payload', () => {
    for (const text of [
      '',
      'https://example.com',
      payload.slice(0, 40),
      payload.replace('JZC2', 'JZC1'),
      payload.replace('|ED25519|', '|RSA|'),
      `${payload}|x`,
      payload.slice(0, -2),
    ]) {
      expect(() => verifyCertificatePayload(text, station.publicKey, { today }), text).toThrow(
        expect.objectContaining({ code: expect.stringMatching(/^CERT_(MALFORMED|BAD_SIGNATURE)$/) }),
      );
    }
  });

  it('stays small enough for an easily scanned QR code (version ≤ 10 at level M)', () => {
    const bytes = Buffer.byteLength(payload, 'utf8');
    const { version, size } = qrSymbol(payload);
    expect(bytes).toBeLessThan(180);
    expect(version).toBeLessThanOrEqual(10);
    expect(size).toBe(17 + 4 * version);
    // With the longest id and a four-character name it still fits version 10.
    const long = signCertificatePayload(
      { ...facts, certificateId: 'X'.repeat(32), holder: '欧阳**华', monthlyAmountFen: 9_999_999 },
      station.privateKey,
    );
    expect(qrSymbol(long).version).toBeLessThanOrEqual(10);
  });
});

describe('the QR code on the printed certificate', () => {
  let doc: RenderedDocument;
  beforeAll(async () => {
    doc = await renderDocument('certificate', SAMPLES.certificate, { fonts: testFonts(), signingKey: station.privateKey });
  });

  it('carries a payload that verifies, printed as the same module matrix (read back from pixels)', async () => {
    const payload = doc.qr!.payload;
    expect(verifyCertificatePayload(payload, station.publicKey, { today: '2027-01-15' }).holder).toBe('王*文');
    const dpi = 300;
    const s = dpi / 72;
    const img = rasterize(doc.pdf, 1, dpi);
    const dark = (x: number, y: number) => img.data[Math.round(y) * img.width + Math.round(x)]! < 128;
    const x0 = BLOCK.left * s;
    const expected = qrSymbol(payload).modules;
    const n = expected.length;
    const m = (mm(28) * s) / n;
    // Find the top-left finder pattern along the block's left edge: 7 dark modules across, and a
    // 1:1:3:1:1 middle row.
    let top = -1;
    for (let y = BLOCK.top * s; y < BLOCK.bottom * s && top < 0; y++) {
      const row = (yy: number) => [0, 1, 2, 3, 4, 5, 6].map((k) => dark(x0 + (k + 0.5) * m, yy));
      const edge = row(y + 0.5 * m);
      const middle = row(y + 3.5 * m);
      const gap = row(y + 1.5 * m);
      if (
        edge.every(Boolean) &&
        middle.join() === [1, 0, 1, 1, 1, 0, 1].map(Boolean).join() &&
        gap.join() === [1, 0, 0, 0, 0, 0, 1].map(Boolean).join()
      ) {
        top = y;
      }
    }
    expect(top, 'finder pattern found').toBeGreaterThan(0);
    let same = 0;
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (dark(x0 + (c + 0.5) * m, top + (r + 0.5) * m) === expected[r]![c]) same++;
    expect(same).toBe(n * n);
    // The QR sits inside the text block.
    expect(top / s + mm(28)).toBeLessThanOrEqual(BLOCK.bottom);
  });

  it('decodes from the printed page (300 dpi raster) to a payload that verifies; a tampered one does not', () => {
    const scanned = decodeQrMatrix(sampleQr(rasterize(doc.pdf, 1, 300)));
    expect(scanned).toBe(doc.qr!.payload);
    expect(verifyCertificatePayload(scanned, station.publicKey, { today: '2027-01-15' })).toMatchObject({
      holder: '王*文',
      monthlyAmountFen: 120050,
    });
    const tampered = scanned.replace('|120050|', '|990050|');
    expect(() => verifyCertificatePayload(tampered, station.publicKey, { today: '2027-01-15' })).toThrow(
      expect.objectContaining({ code: 'CERT_BAD_SIGNATURE' }),
    );
  });

  it('prints the holder in full on the applicant copy but masked in the QR', async () => {
    const text = (await readPdf(doc.pdf))[0]!.text;
    expect(text).toContain('王小文');
    expect(doc.qr!.payload).not.toContain('王小文');
    expect(doc.qr!.payload).not.toContain('500112199001011234');
  });
});
