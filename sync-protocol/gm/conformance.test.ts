import { execFileSync } from 'node:child_process';
import { createCipheriv, createECDH, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2, sm4 } from 'sm-crypto-v2';
import { afterAll, describe, expect, it } from 'vitest';
import { encryptBlob } from '../blobCipher';
import { toB64u } from '../base64url';
import { gmSuite } from '../suiteGm';
import { Ghash } from './ghash';
import {
  createSm4GcmDecryptor,
  createSm4GcmEncryptor,
  hkdfSm3,
  hmacSm3,
  sm2Agree,
  sm2Digest,
  sm2GenerateKeyPair,
  sm2PublicKeyOf,
  sm2PublicKeyValid,
  sm2Sign,
  sm2Verify,
  sm3,
  sm4EncryptBlocks,
  sm4GcmOpen,
  sm4GcmSeal,
} from './index';

const h = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex');

describe('SM3 (GB/T 32905-2016)', () => {
  it("gives the standard's two examples", () => {
    expect(sm3(Buffer.from('abc')).toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3(Buffer.from('abcd'.repeat(16))).toString('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('agrees with OpenSSL on SM3, HMAC-SM3 and HKDF-SM3 for inputs of every block boundary', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 1000, 70_000]) {
      const data = randomBytes(n);
      const key = randomBytes(n % 80);
      expect(sm3(data).toString('hex')).toBe(createHash('sm3').update(data).digest('hex'));
      expect(hmacSm3(key, data).toString('hex')).toBe(createHmac('sm3', key).update(data).digest('hex'));
      const info = `jiuzhu-sealed-v1|${n}`;
      expect(hkdfSm3(data, key, info, 44).toString('hex')).toBe(Buffer.from(hkdfSync('sm3', data, key, info, 44)).toString('hex'));
    }
  });
});

describe('SM4 (GB/T 32907-2016)', () => {
  const key = h('0123456789abcdeffedcba9876543210');

  it("encrypts the standard's example block, and the 1,000,000-fold iteration", () => {
    expect(Buffer.from(sm4EncryptBlocks(key, key)).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    let block: Uint8Array = key;
    for (let i = 0; i < 1_000_000; i++) block = sm4EncryptBlocks(key, block);
    expect(Buffer.from(block).toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  }, 120_000);

  it('agrees with OpenSSL sm4-ecb on random keys and blocks', () => {
    for (let i = 0; i < 20; i++) {
      const k = randomBytes(16);
      const blocks = randomBytes(16 * (1 + i * 7));
      const c = createCipheriv('sm4-ecb', k, null).setAutoPadding(false);
      expect(Buffer.from(sm4EncryptBlocks(k, blocks)).equals(Buffer.concat([c.update(blocks), c.final()]))).toBe(true);
    }
  });
});

describe('GHASH', () => {
  it("gives the tag OpenSSL's AES-128-GCM gives, when H and E(J0) come from AES", () => {
    for (const [aadLength, textLength] of [
      [0, 0],
      [20, 60],
      [16, 64],
      [13, 1000],
      [0, 4097],
    ] as const) {
      const key = randomBytes(16);
      const nonce = randomBytes(12);
      const aad = randomBytes(aadLength);
      const text = randomBytes(textLength);
      const gcm = createCipheriv('aes-128-gcm', key, nonce).setAAD(aad);
      const ciphertext = Buffer.concat([gcm.update(text), gcm.final()]);
      const ecb = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
      const blocks = ecb.update(Buffer.concat([Buffer.alloc(16), nonce, Buffer.from([0, 0, 0, 1])]));
      const ghash = new Ghash(blocks.subarray(0, 16));
      ghash.update(aad);
      ghash.pad();
      // Fed in uneven pieces: partial blocks must wait for the next piece.
      for (let at = 0; at < ciphertext.length; at += 7) ghash.update(ciphertext.subarray(at, at + 7));
      const tag = ghash.digest(aad.length, ciphertext.length);
      for (let i = 0; i < 16; i++) tag[i]! ^= blocks[16 + i]!;
      expect(tag.toString('hex')).toBe(gcm.getAuthTag().toString('hex'));
    }
  });
});

describe('SM4-GCM', () => {
  it('gives the RFC 8998 A.1 example', () => {
    const sealed = sm4GcmSeal(
      h('0123456789ABCDEFFEDCBA9876543210'),
      h('00001234567800000000ABCD'),
      h('AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA'),
      h('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2'),
    );
    expect(sealed.toString('hex').toUpperCase()).toBe(
      '17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D' +
        '83DE3541E4C2B58177E065A9BF7B62EC',
    );
  });

  it("encrypts with OpenSSL sm4-ctr's keystream from inc32(J0) and tags as the library's one-shot GCM does", () => {
    for (const n of [1, 15, 16, 17, 4095, 16_384, 16_385, 100_000]) {
      const key = randomBytes(16);
      const nonce = randomBytes(12);
      const aad = randomBytes(n % 50);
      const text = randomBytes(n);
      const sealed = sm4GcmSeal(key, nonce, text, aad);
      const ctr = createCipheriv('sm4-ctr', key, Buffer.concat([nonce, Buffer.from([0, 0, 0, 2])]));
      expect(sealed.subarray(0, n).equals(Buffer.concat([ctr.update(text), ctr.final()]))).toBe(true);
      const lib = sm4.encrypt(text, key, { mode: 'gcm', iv: nonce, associatedData: aad, output: 'array', outputTag: true });
      expect(Buffer.from(lib.tag!).toString('hex')).toBe(sealed.subarray(n).toString('hex'));
    }
  });

  it('streams in any chunking to the same bytes, and opens only the untouched message', () => {
    const key = randomBytes(16);
    const nonce = randomBytes(12);
    const text = randomBytes(50_001);
    const aad = Buffer.from('header');
    const whole = sm4GcmSeal(key, nonce, text, aad);
    const enc = createSm4GcmEncryptor(key, nonce, aad);
    const parts: Buffer[] = [];
    for (let at = 0; at < text.length; at += 4093) parts.push(enc.update(text.subarray(at, at + 4093)));
    parts.push(enc.final());
    expect(Buffer.concat(parts).equals(whole)).toBe(true);
    expect(sm4GcmOpen(key, nonce, whole, aad).equals(text)).toBe(true);
    const dec = createSm4GcmDecryptor(key, nonce, whole.subarray(text.length), aad);
    const opened = Buffer.concat([dec.update(whole.subarray(0, 9999)), dec.update(whole.subarray(9999, text.length)), dec.final()]);
    expect(opened.equals(text)).toBe(true);

    const flipped = Buffer.from(whole);
    flipped[123]! ^= 1;
    expect(() => sm4GcmOpen(key, nonce, flipped, aad)).toThrow(/tag/);
    expect(() => sm4GcmOpen(key, nonce, whole, Buffer.from('Header'))).toThrow(/tag/);
    const badTag = Buffer.from(whole);
    badTag[badTag.length - 1]! ^= 0x80;
    expect(() => sm4GcmOpen(key, nonce, badTag, aad)).toThrow(/tag/);
  });
});

describe('SM2 (GB/T 32918)', () => {
  // GB/T 32918.5-2017 / GM/T 0003.5-2012, signature example on the recommended curve, ID 1234567812345678.
  const d = h('3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8');
  const xy = h(`09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020
                CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13`);
  const k = h('59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21');
  const r = 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3';
  const s = 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA';
  const message = Buffer.from('message digest');

  it("derives the example's public key and, with its k, its signature (r, s) over Z ‖ M", () => {
    const publicKey = sm2PublicKeyOf(d);
    expect(publicKey.toString('hex').toUpperCase()).toBe(`04${xy.toString('hex').toUpperCase()}`);
    const kG = sm2PublicKeyOf(k);
    const x1 = BigInt(`0x${kG.subarray(1, 33).toString('hex')}`);
    const e = sm2Digest(publicKey, message);
    const signature = sm2.doSignature(e, d.toString('hex'), { hash: false, pointPool: [{ k: BigInt(`0x${k.toString('hex')}`), x1 }] });
    expect(signature.toUpperCase()).toBe(r + s);
    expect(sm2Verify(publicKey, message, h(r + s))).toBe(true);
    expect(sm2Verify(publicKey, Buffer.from('message digesT'), h(r + s))).toBe(false);
    expect(sm2Verify(publicKey, message, h(r + s), 'ALICE123@YAHOO.COM')).toBe(false);
  });

  it('signs and verifies with fresh keys; refuses a changed signature, another key and junk', () => {
    const a = sm2GenerateKeyPair();
    const b = sm2GenerateKeyPair();
    const sig = sm2Sign(a.privateKey, a.publicKey, message);
    expect(sig.length).toBe(64);
    expect(sm2Verify(a.publicKey, message, sig)).toBe(true);
    const changed = Buffer.from(sig);
    changed[40]! ^= 1;
    expect(sm2Verify(a.publicKey, message, changed)).toBe(false);
    expect(sm2Verify(b.publicKey, message, sig)).toBe(false);
    expect(sm2Verify(Buffer.alloc(65, 4), message, sig)).toBe(false);
    expect(sm2Verify(a.publicKey, message, sig.subarray(0, 63))).toBe(false);
  });

  it('agrees on one point from both sides and refuses a point off the curve', () => {
    const a = sm2GenerateKeyPair();
    const b = sm2GenerateKeyPair();
    const ab = sm2Agree(a.privateKey, b.publicKey);
    expect(ab.length).toBe(64);
    expect(ab.equals(sm2Agree(b.privateKey, a.publicKey))).toBe(true);
    const off = Buffer.from(b.publicKey);
    off[64]! ^= 1;
    expect(() => sm2Agree(a.privateKey, off)).toThrow(/SM2 public key/);
  });
});

describe('SM2 ECDH against OpenSSL', () => {
  it("derives the same public keys and the same x2 as OpenSSL's ECDH on the SM2 curve; (x2, y2) is on the curve", () => {
    for (let i = 0; i < 5; i++) {
      const a = sm2GenerateKeyPair();
      const b = sm2GenerateKeyPair();
      const ours = sm2Agree(a.privateKey, b.publicKey);
      const ecdh = createECDH('SM2');
      ecdh.setPrivateKey(a.privateKey);
      expect(ecdh.getPublicKey().equals(a.publicKey)).toBe(true);
      expect(ecdh.computeSecret(b.publicKey).toString('hex')).toBe(ours.subarray(0, 32).toString('hex'));
      expect(sm2PublicKeyValid(Buffer.concat([Buffer.from([4]), ours]))).toBe(true);
    }
  });
});

/**
 * The worked example of docs/sync-protocol.md §3.2.2 (a blob in the 国密 suite), for the city's
 * engineers to reproduce; every step is also checked against OpenSSL where it has the primitive.
 */
describe('worked example: a blob sealed in SM2-SM3-SM4GCM-v1', () => {
  const device = Buffer.alloc(32, 0x11);
  const platform = Buffer.alloc(32, 0x22);
  const deviceId = 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa';
  const sha256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

  it('gives the documented keys, shared point, key material and uploaded bytes', () => {
    const devicePublic = sm2PublicKeyOf(device);
    const platformPublic = sm2PublicKeyOf(platform);
    expect(devicePublic.toString('hex')).toBe(
      '04852611f744af045689dcfbf4c0437730d2d2de332ab7f0fc02769c5fab8a89437d9384f19ab882ed668a28936db92475aa79aef8690ee36f6fb77c69b9b571f8',
    );
    expect(platformPublic.toString('hex')).toBe(
      '044467e6043f38645e740050f3d6c9d6a0bf6b13d3b57892842be9b75cca3ce884f0b5c27a16795142fa467fe6818cdb393c95f8e17d28f7e0a6557bbea8d65034',
    );
    const shared = sm2Agree(device, platformPublic);
    expect(shared.toString('hex')).toBe(
      '50c3e8e30646e0b9d10d329afce30ec522c51a72ed1641d896da4319d9fbbb595636143364acaa4a9b0ad0a5fb9276f77058eab3e757491d9c22786b6161b63a',
    );
    expect(sm2Agree(platform, devicePublic).equals(shared)).toBe(true);
    const info = `jiuzhu-blob-v1|${deviceId}|up`;
    const okm = hkdfSm3(shared, h(sha256), info, 28);
    expect(okm.toString('hex')).toBe('f88485f49406e0dbeb8c75d3bc6dfa86047da72e7df75b2eeedf9242');
    expect(Buffer.from(hkdfSync('sm3', shared, h(sha256), info, 28)).equals(okm)).toBe(true);
    const uploaded = encryptBlob(Buffer.from('abc'), {
      mine: { privateKey: toB64u(device), publicKey: toB64u(devicePublic) },
      peerKey: toB64u(platformPublic),
      deviceId,
      sha256,
      direction: 'up',
      suite: gmSuite,
    });
    expect(uploaded.toString('hex')).toBe('dbd30fef166cc8e4088254948e557013030fb7');
    const ctr = createCipheriv('sm4-ctr', okm.subarray(0, 16), Buffer.concat([okm.subarray(16), Buffer.from([0, 0, 0, 2])]));
    expect(ctr.update(Buffer.from('abc')).equals(uploaded.subarray(0, 3))).toBe(true);
  });
});

describe('SM2 against the openssl command line (an independent implementation)', () => {
  const openssl = (() => {
    try {
      return /OpenSSL 3/.test(execFileSync('openssl', ['version']).toString()) ? 'openssl' : null;
    } catch {
      return null;
    }
  })();
  const reason = 'the openssl 3 command line is not installed here, so SM2 is not cross-checked against it';
  if (!openssl) console.warn(`skipped: ${reason}`);
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-sm2-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pem = (label: string, der: Buffer) =>
    `-----BEGIN ${label}-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
  // SEC 1 ECPrivateKey and SubjectPublicKeyInfo for curve sm2p256v1 (1.2.156.10197.1.301).
  const privatePem = (d: Buffer, p: Buffer) =>
    pem('EC PRIVATE KEY', Buffer.concat([h('30770201010420'), d, h('a00a06082a811ccf5501822da144034200'), p]));
  const publicPem = (p: Buffer) => pem('PUBLIC KEY', Buffer.concat([h('3059301306072a8648ce3d020106082a811ccf5501822d034200'), p]));
  const derInteger = (v: Buffer) => {
    let x = v;
    while (x.length > 1 && x[0] === 0 && x[1]! < 0x80) x = x.subarray(1);
    if (x[0]! & 0x80) x = Buffer.concat([Buffer.alloc(1), x]);
    return Buffer.concat([Buffer.from([2, x.length]), x]);
  };
  const toDer = (rs: Buffer) => {
    const body = Buffer.concat([derInteger(rs.subarray(0, 32)), derInteger(rs.subarray(32))]);
    return Buffer.concat([Buffer.from([0x30, body.length]), body]);
  };
  const fromDer = (der: Buffer) => {
    const out: Buffer[] = [];
    for (let at = 2, i = 0; i < 2; i++) {
      const length = der[at + 1]!;
      out.push(Buffer.concat([Buffer.alloc(32), der.subarray(at + 2, at + 2 + length)]).subarray(-32));
      at += 2 + length;
    }
    return Buffer.concat(out);
  };

  it.skipIf(!openssl)("openssl verifies our signatures and we verify openssl's, with distid 1234567812345678", () => {
    for (let i = 0; i < 4; i++) {
      const { privateKey, publicKey } = sm2GenerateKeyPair();
      const message = randomBytes(100 + i * 500);
      writeFileSync(join(dir, 'key.pem'), privatePem(privateKey, publicKey));
      writeFileSync(join(dir, 'pub.pem'), publicPem(publicKey));
      writeFileSync(join(dir, 'msg'), message);
      writeFileSync(join(dir, 'ours.der'), toDer(sm2Sign(privateKey, publicKey, message)));
      const verified = execFileSync(openssl!, [
        'dgst',
        '-sm3',
        '-verify',
        join(dir, 'pub.pem'),
        '-sigopt',
        'distid:1234567812345678',
        '-signature',
        join(dir, 'ours.der'),
        join(dir, 'msg'),
      ]);
      expect(verified.toString()).toContain('Verified OK');
      execFileSync(openssl!, [
        'dgst',
        '-sm3',
        '-sign',
        join(dir, 'key.pem'),
        '-sigopt',
        'distid:1234567812345678',
        '-out',
        join(dir, 'theirs.der'),
        join(dir, 'msg'),
      ]);
      const theirs = fromDer(readFileSync(join(dir, 'theirs.der')));
      expect(sm2Verify(publicKey, message, theirs)).toBe(true);
      // Another distinguishing id gives another Z: the signature no longer verifies.
      expect(sm2Verify(publicKey, message, theirs, '8765432187654321')).toBe(false);
    }
  });
});
