import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJiuzhuError } from '../../../../common/contract/errors';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { HttpClient } from './http';
import { normalizePlatformUrl } from './register';
import { engineFixture, registerWith, type EngineFixture } from './testing/engineFixture';
import { spkiPin } from './tlsPins';

interface Cert {
  key: string;
  cert: string;
  pin: string;
}

/** A self-signed certificate for 127.0.0.1 made with the openssl CLI (node:crypto makes keys, not certificates). */
function selfSigned(dir: string, name: string): Cert {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const pem = readFileSync(cert, 'utf8');
  const der = Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''), 'base64');
  return { key: readFileSync(key, 'utf8'), cert: pem, pin: spkiPin(der) };
}

function opensslMissing(): string | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'the openssl CLI is not installed (Debian package openssl) to make test certificates';
  }
}

const missing = opensslMissing();
if (missing) console.warn(`[sync/engine] TLS pinning tests SKIPPED: ${missing}`);

/** A TLS front for the plain-http reference platform, as a deployment puts one in front of it. */
async function tlsFront(platformPort: number, cert: Cert): Promise<{ server: TlsServer; url: string }> {
  const server = createTlsServer({ key: cert.key, cert: cert.cert }, (socket) => {
    const upstream = netConnect(platformPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, url: `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

describe.skipIf(missing)(`TLS SPKI pinning${missing ? ` SKIPPED: ${missing}` : ''}`, () => {
  let dir: string;
  let a: Cert;
  let b: Cert;
  let platform: RunningPlatform;
  let cleanupPlatform: () => Promise<void>;
  let front: { server: TlsServer; url: string };
  let f: EngineFixture;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jiuzhu-tls-'));
    a = selfSigned(dir, 'platform-a');
    b = selfSigned(dir, 'platform-b');
    // The platform signs the pin of certificate A into every registration.
    ({ platform, cleanup: cleanupPlatform } = await tempPlatform({ tlsSpkiPins: [a.pin] }));
    front = await tlsFront(platform.port, a);
    // Both certificates chain to a trusted CA here, so only the pin can tell them apart.
    f = engineFixture({ tlsCa: [a.cert, b.cert] });
  });
  afterAll(async () => {
    f.cleanup();
    front.server.close();
    await cleanupPlatform();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs over HTTPS with the pinned certificate and refuses a different one, sending nothing', async () => {
    await registerWith(f, platform, 'ST-TLS', front.url);
    expect(f.engine.state().tlsPins()).toEqual([a.pin]);
    f.enqueueCase('C-TLS-1', 71);
    const ok = await f.engine.run('test');
    expect(ok.outcome).toBe('ok');
    expect((await platform.admin.records()).map((r) => r.caseId)).toEqual(['C-TLS-1']);

    // The front now shows certificate B (valid chain, right host name, wrong key).
    front.server.setSecureContext({ key: b.key, cert: b.cert });
    f.engine.http.close(); // no kept-alive socket from before the switch
    f.enqueueCase('C-TLS-2', 72);
    const refused = await f.engine.run('test');
    expect(refused.outcome).toBe('failed');
    expect(refused.error?.code).toBe('SYNC_TLS_PIN_MISMATCH');
    expect(refused.error?.message).toContain('安全证书');
    expect(refused.summary.retries).toBe(0);
    expect((await platform.admin.records()).map((r) => r.caseId)).toEqual(['C-TLS-1']);
    const counts = f.engine.outboxCounts();
    expect([counts.acknowledged, counts.queued + counts.sent]).toEqual([1, 1]); // kept for the next run
  });

  it('checks a kept-alive socket again against the pins of now', async () => {
    const pins: string[] = [];
    const http = new HttpClient({ idleTimeoutMs: 5_000, bytesPerSecond: () => null, ca: [a.cert, b.cert], tlsPins: () => pins });
    front.server.setSecureContext({ key: a.key, cert: a.cert });
    try {
      // No pins yet (as while registering): CA validation only.
      expect((await http.request(`${front.url}/v1/platform`, { method: 'GET' })).status).toBe(200);
      pins.push(b.pin); // the socket from the first request is reused, and now fails the pin
      const error = await http.request(`${front.url}/v1/platform`, { method: 'GET' }).catch((e: unknown) => e);
      expect(isJiuzhuError(error) && error.code).toBe('SYNC_TLS_PIN_MISMATCH');
    } finally {
      http.close();
    }
  });
});

describe('plain http only on this machine', () => {
  it('accepts http for 127.0.0.1 and localhost, refuses it for any other host', async () => {
    expect(normalizePlatformUrl('http://127.0.0.1:8700/')).toBe('http://127.0.0.1:8700');
    expect(normalizePlatformUrl('http://localhost:8700')).toBe('http://localhost:8700');
    expect(normalizePlatformUrl('https://platform.example.gov.cn/')).toBe('https://platform.example.gov.cn');
    expect(() => normalizePlatformUrl('http://platform.example.gov.cn')).toThrow(
      expect.objectContaining({ code: 'SYNC_PLATFORM_HTTPS_REQUIRED' }),
    );
    expect(() => normalizePlatformUrl('http://10.1.2.3:8700')).toThrow(expect.objectContaining({ code: 'SYNC_PLATFORM_HTTPS_REQUIRED' }));
    const http = new HttpClient({ idleTimeoutMs: 1_000, bytesPerSecond: () => null });
    const error = await http.request('http://10.1.2.3:8700/v1/platform', { method: 'GET' }).catch((e: unknown) => e);
    expect(isJiuzhuError(error) && error.code).toBe('SYNC_PLATFORM_HTTPS_REQUIRED');
    http.close();
  });
});
