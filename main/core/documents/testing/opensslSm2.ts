/**
 * The openssl 3 command line as an independent SM2 implementation for tests: it verifies an SM2
 * signature (r ‖ s, as the protocol writes it) over a message with a public key in SPKI DER, and
 * signs with a PKCS#8 key, SM3 over Z with the default id 1234567812345678 (GM/T 0009-2012 §10).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The openssl 3 binary, or null with the reason a test prints when it skips. */
export const OPENSSL3: { bin: string | null; reason: string } = (() => {
  try {
    if (/OpenSSL 3/.test(execFileSync('openssl', ['version']).toString())) return { bin: 'openssl', reason: '' };
  } catch {
    // Not installed: the caller skips.
  }
  return { bin: null, reason: 'the openssl 3 command line is not installed here, so SM2 is not cross-checked against it' };
})();

const pem = (label: string, der: Buffer) =>
  `-----BEGIN ${label}-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

/** DER INTEGER of a 32-byte big-endian value: leading zeros dropped, a 00 added before a high bit. */
function integer(v: Buffer): Buffer {
  let i = 0;
  while (i < v.length - 1 && v[i] === 0 && v[i + 1]! < 0x80) i++;
  const body = v[i]! & 0x80 ? Buffer.concat([Buffer.alloc(1), v.subarray(i)]) : v.subarray(i);
  return Buffer.concat([Buffer.from([2, body.length]), body]);
}

/** r ‖ s → SEQUENCE { INTEGER r, INTEGER s } and back (what openssl dgst reads and writes). */
export const sm2SignatureToDer = (rs: Buffer): Buffer => {
  const body = Buffer.concat([integer(rs.subarray(0, 32)), integer(rs.subarray(32))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};
export function sm2SignatureFromDer(der: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 2;
  for (const _ of [0, 1]) {
    const length = der[at + 1]!;
    parts.push(Buffer.concat([Buffer.alloc(32), der.subarray(at + 2, at + 2 + length)]).subarray(-32));
    at += 2 + length;
  }
  return Buffer.concat(parts);
}

function inTemp<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-openssl-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** openssl's verdict on an SM2 signature; true only when it prints "Verified OK". */
export function opensslVerifiesSm2(spki: Buffer, message: Buffer, rs: Buffer): boolean {
  return inTemp((dir) => {
    writeFileSync(join(dir, 'pub.pem'), pem('PUBLIC KEY', spki));
    writeFileSync(join(dir, 'msg'), message);
    writeFileSync(join(dir, 'sig.der'), sm2SignatureToDer(rs));
    try {
      const out = execFileSync(OPENSSL3.bin!, [
        'dgst',
        '-sm3',
        '-verify',
        join(dir, 'pub.pem'),
        '-sigopt',
        'distid:1234567812345678',
        '-signature',
        join(dir, 'sig.der'),
        join(dir, 'msg'),
      ]);
      return out.toString().includes('Verified OK');
    } catch {
      return false;
    }
  });
}

/** openssl's SM2 signature (r ‖ s) over a message with a PKCS#8 private key. */
export function opensslSignsSm2(pkcs8: Buffer, message: Buffer): Buffer {
  return inTemp((dir) => {
    writeFileSync(join(dir, 'key.pem'), pem('PRIVATE KEY', pkcs8));
    writeFileSync(join(dir, 'msg'), message);
    execFileSync(OPENSSL3.bin!, [
      'dgst',
      '-sm3',
      '-sign',
      join(dir, 'key.pem'),
      '-sigopt',
      'distid:1234567812345678',
      '-out',
      join(dir, 'sig.der'),
      join(dir, 'msg'),
    ]);
    return sm2SignatureFromDer(readFileSync(join(dir, 'sig.der')));
  });
}
