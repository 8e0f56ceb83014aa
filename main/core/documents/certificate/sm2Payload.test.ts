import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../../../common/documents/certificatePayload';
import { sm2GenerateKeyPair } from '../../../../sync-protocol/gm/index';
import { OPENSSL3, opensslSignsSm2, opensslVerifiesSm2 } from '../testing/opensslSm2';
import { algorithmOfSpki, publicKeyFromSpki, sm2FromPkcs8, sm2Pkcs8, sm2Spki } from './keys';
import { signCertificatePayload, statedFacts, verifyCertificatePayload } from './payload';
import { qrSymbol } from './qr';

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
const ed = generateKeyPairSync('ed25519');
const pair = sm2GenerateKeyPair();
const sm2Key = { algorithm: 'sm2' as const, ...pair };
const sm2Public = { algorithm: 'sm2' as const, publicKey: pair.publicKey };
const refusal = (code: string) => expect.objectContaining({ code });

describe('a certificate payload signed with SM2 or Ed25519', () => {
  const bySm2 = signCertificatePayload(facts, sm2Key);
  const byEd = signCertificatePayload(facts, ed.privateKey);

  it('names its algorithm, and each verifies and says which', () => {
    expect(bySm2.startsWith('JZC2|SM2|JZ500112-2026-000123|王*文|')).toBe(true);
    expect(byEd.startsWith('JZC2|ED25519|JZ500112-2026-000123|王*文|')).toBe(true);
    expect(verifyCertificatePayload(bySm2, sm2Public, { today })).toEqual({ ...facts, algorithm: 'sm2' });
    expect(verifyCertificatePayload(byEd, ed.publicKey, { today })).toEqual({ ...facts, algorithm: 'ed25519' });
    // One keyring with both kinds of issuer.
    const keyring = (id: string) => (id === '500112001' ? sm2Public : id === '500112002' ? ed.publicKey : undefined);
    expect(
      verifyCertificatePayload(signCertificatePayload({ ...facts, issuerId: '500112002' }, ed.privateKey), keyring, { today }).algorithm,
    ).toBe('ed25519');
    expect(verifyCertificatePayload(bySm2, keyring, { today }).algorithm).toBe('sm2');
    expect(statedFacts(bySm2)).toEqual(facts);
  });

  it('refuses a tampered one either way', () => {
    for (const [payload, key] of [
      [bySm2, sm2Public],
      [byEd, ed.publicKey],
    ] as const) {
      for (const [from, to] of [
        ['|120050|', '|220050|'],
        ['王*文', '李*文'],
        ['|20270630|', '|20290630|'],
      ] as const) {
        expect(() => verifyCertificatePayload(payload.replace(from, to), key, { today })).toThrow(refusal('CERT_BAD_SIGNATURE'));
      }
      // A flipped bit of the signature.
      const sig = Buffer.from(payload.slice(payload.lastIndexOf('|') + 1), 'base64url');
      sig[10]! ^= 1;
      expect(() =>
        verifyCertificatePayload(`${payload.slice(0, payload.lastIndexOf('|'))}|${sig.toString('base64url')}`, key, { today }),
      ).toThrow(refusal('CERT_BAD_SIGNATURE'));
    }
  });

  it('refuses a relabelled algorithm and a key of the other algorithm', () => {
    expect(() => verifyCertificatePayload(bySm2.replace('|SM2|', '|ED25519|'), sm2Public, { today })).toThrow(
      refusal('CERT_BAD_SIGNATURE'),
    );
    expect(() => verifyCertificatePayload(bySm2.replace('|SM2|', '|ED25519|'), ed.publicKey, { today })).toThrow(
      refusal('CERT_BAD_SIGNATURE'),
    );
    expect(() => verifyCertificatePayload(byEd.replace('|ED25519|', '|SM2|'), sm2Public, { today })).toThrow(refusal('CERT_BAD_SIGNATURE'));
    expect(() => verifyCertificatePayload(bySm2, ed.publicKey, { today })).toThrow(refusal('CERT_BAD_SIGNATURE'));
    const otherSm2 = { algorithm: 'sm2' as const, publicKey: sm2GenerateKeyPair().publicKey };
    expect(() => verifyCertificatePayload(bySm2, otherSm2, { today })).toThrow(refusal('CERT_BAD_SIGNATURE'));
    // The refusal names the algorithm the code claims, for the verdict shown to staff.
    expect(() => verifyCertificatePayload(bySm2.replace('|120050|', '|1|'), sm2Public, { today })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ algorithm: 'sm2' }) }),
    );
  });

  it('still verifies a certificate printed before payloads named their algorithm (JZC1, Ed25519)', () => {
    const body = 'JZC1|JZ500112-2026-000123|王*文|1234|DC|120050|202701|20270630|500112001';
    const legacy = `${body}|${sign(null, Buffer.from(body, 'utf8'), ed.privateKey).toString('base64url')}`;
    expect(verifyCertificatePayload(legacy, ed.publicKey, { today })).toEqual({ ...facts, algorithm: 'ed25519' });
    expect(() => verifyCertificatePayload(legacy, sm2Public, { today })).toThrow(refusal('CERT_BAD_SIGNATURE'));
    expect(() => verifyCertificatePayload(legacy.replace('|120050|', '|120051|'), ed.publicKey, { today })).toThrow(
      refusal('CERT_BAD_SIGNATURE'),
    );
  });

  it('stays within QR version 10 at level M with the longest fields', () => {
    const long = signCertificatePayload(
      { ...facts, certificateId: 'X'.repeat(32), holder: '欧阳**华', monthlyAmountFen: 9_999_999 },
      sm2Key,
    );
    expect(qrSymbol(long).version).toBeLessThanOrEqual(10);
  });

  it('keeps SM2 keys as SPKI and PKCS#8 DER that read back', () => {
    const spki = sm2Spki(pair.publicKey);
    expect(algorithmOfSpki(spki)).toBe('sm2');
    expect(publicKeyFromSpki(spki)).toEqual(sm2Public);
    expect(sm2FromPkcs8(sm2Pkcs8(pair.privateKey, pair.publicKey))).toEqual(sm2Key);
    expect(algorithmOfSpki(ed.publicKey.export({ format: 'der', type: 'spki' }))).toBe('ed25519');
    // A point off the curve is no key.
    const off = Buffer.from(spki);
    off[off.length - 1]! ^= 1;
    expect(publicKeyFromSpki(off)).toBeUndefined();
  });
});

describe('SM2 certificate signatures against the openssl command line', () => {
  if (!OPENSSL3.bin) console.warn(`skipped: ${OPENSSL3.reason}`);

  it.skipIf(!OPENSSL3.bin)(
    'openssl verifies the signature of an SM2 payload with the stored public key, and we verify one openssl made with the stored private key',
    () => {
      const payload = signCertificatePayload(facts, sm2Key);
      const cut = payload.lastIndexOf('|');
      const signed = Buffer.from(payload.slice(0, cut), 'utf8');
      const signature = Buffer.from(payload.slice(cut + 1), 'base64url');
      const spki = sm2Spki(pair.publicKey);
      expect(opensslVerifiesSm2(spki, signed, signature)).toBe(true);
      // The same signature over the altered text is refused by openssl too.
      expect(opensslVerifiesSm2(spki, Buffer.from(payload.slice(0, cut).replace('|120050|', '|220050|'), 'utf8'), signature)).toBe(false);
      const theirs = opensslSignsSm2(sm2Pkcs8(pair.privateKey, pair.publicKey), signed);
      expect(theirs.equals(signature)).toBe(false);
      expect(verifyCertificatePayload(`${payload.slice(0, cut)}|${theirs.toString('base64url')}`, sm2Public, { today })).toEqual({
        ...facts,
        algorithm: 'sm2',
      });
    },
  );
});
