import { afterEach, describe, expect, it } from 'vitest';
import { buildSessionRequest } from '../sync-protocol/deviceCodec';
import { generatePartyKeys } from '../sync-protocol/keys';
import { hashMachineId } from '../sync-protocol/machineId';
import { buildRegistrationRequest } from '../sync-protocol/registration';
import type { Guards } from './context';
import type { RunningPlatform } from './platform';
import { newDeviceId } from './routes/devices';
import { enrolClient, tempPlatform } from './testClient/fixtures';
import { request, type HttpAnswer } from './testClient/http';
import { slowSocket, statusOf } from './testClient/slowSocket';

/**
 * Guessing is rate-limited on the platform's clock (a fake one here): enrolment codes per source
 * address and per code, sessions per source (failures) and per device (issued). Over a limit the
 * answer is 429 SYNC_RATE_LIMITED with Retry-After; when the window has passed, the same request
 * goes through. Sources are told apart by X-Forwarded-For, as behind the city's TLS front.
 */
describe('platform rate limits', () => {
  let clock = Date.parse('2026-12-01T02:00:00Z');
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function start(guards: Partial<Guards>): Promise<RunningPlatform> {
    const { platform, cleanup } = await tempPlatform({ now: () => clock, guards: { clientAddressHeader: 'x-forwarded-for', ...guards } });
    cleanups.push(cleanup);
    return platform;
  }

  /** A registration with `code`, signed by fresh keys (a bad proof when `forge`), from `source`. */
  async function enrol(platform: RunningPlatform, code: string, source: string, forge = false): Promise<HttpAnswer> {
    const keys = generatePartyKeys();
    const claim = {
      enrolmentCode: code,
      platformId: platform.info().platformId,
      suite: 'X25519-ED25519-AES256GCM-v1' as const,
      signingKey: keys.signing.publicKey,
      encryptionKey: keys.encryption.publicKey,
      machineIdHash: hashMachineId(`m-${Math.random()}`, platform.info().platformId),
      deviceName: '一号窗口',
      appVersion: '0.1.0',
    };
    const body = buildRegistrationRequest(claim, keys.signing);
    const sent = forge ? { ...body, proof: buildRegistrationRequest(claim, generatePartyKeys().signing).proof } : body;
    return request(`${platform.url}/v1/devices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': source },
      body: Buffer.from(JSON.stringify(sent)),
    });
  }
  const code = (a: HttpAnswer) => (a.body.length ? (JSON.parse(a.body.toString()) as { code: string }).code : '');

  it('enrolment: a source that keeps failing is refused with 429 before its body is read, even with a good code, until the window passes', async () => {
    const platform = await start({ enrolPerSource: { max: 3, windowSeconds: 600 }, enrolPerCode: { max: 100, windowSeconds: 600 } });
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-RL', regionCode: '500110' });
    for (const guess of ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB', 'CCCC-CCCC-CCCC'])
      expect(code(await enrol(platform, guess, '10.0.0.9'))).toBe('SYNC_ENROLMENT_CODE_INVALID');
    const limited = await enrol(platform, slip.code, '10.0.0.9');
    expect([limited.status, code(limited), limited.headers['retry-after']]).toEqual([429, 'SYNC_RATE_LIMITED', '600']);
    expect(JSON.parse(limited.body.toString()).message).toContain('600 秒后');
    // Refused on the headers alone: a declared body that never comes is not waited for.
    const s = await slowSocket(platform.port);
    s.write(
      `POST /v1/devices HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 10.0.0.9\r\nContent-Type: application/json\r\nContent-Length: 9000\r\n\r\n`,
    );
    await s.firstAnswer;
    expect(statusOf(s.received())).toBe(429);
    s.socket.destroy();
    // Another source is not affected; and after the window, this one enrols with the good code.
    expect(code(await enrol(platform, 'DDDD-DDDD-DDDD', '10.0.0.10'))).toBe('SYNC_ENROLMENT_CODE_INVALID');
    clock += 601_000;
    expect((await enrol(platform, slip.code, '10.0.0.9')).status).toBe(201);
  });

  it('enrolment: one code tried and failed from many sources is locked for a window; other codes are not', async () => {
    const platform = await start({ enrolPerSource: { max: 100, windowSeconds: 600 }, enrolPerCode: { max: 2, windowSeconds: 900 } });
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-RL', regionCode: '500110' });
    expect((await enrol(platform, slip.code, '10.1.0.1', true)).status).toBe(401);
    expect((await enrol(platform, slip.code.toLowerCase(), '10.1.0.2', true)).status).toBe(401);
    const limited = await enrol(platform, slip.code, '10.1.0.3');
    expect([limited.status, code(limited), limited.headers['retry-after']]).toEqual([429, 'SYNC_RATE_LIMITED', '900']);
    const other = await platform.admin.createEnrolmentCode({ stationId: 'ST-RL', regionCode: '500110' });
    expect((await enrol(platform, other.code, '10.1.0.3')).status).toBe(201);
    clock += 901_000;
    expect((await enrol(platform, slip.code, '10.1.0.4')).status).toBe(201);
  });

  it('sessions: failures per source, and sessions issued per device, each with 429 and Retry-After', async () => {
    const platform = await start({
      sessionFailuresPerSource: { max: 3, windowSeconds: 300 },
      sessionsPerDevice: { max: 2, windowSeconds: 3600 },
    });
    const client = await enrolClient(platform, 'ST-RL');
    const info = platform.info();
    const session = (device: typeof client.device, source: string) =>
      request(`${platform.url}/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.jiuzhu.sealed', 'X-Forwarded-For': source },
        body: buildSessionRequest(device).bytes,
      });
    const nobody = {
      deviceId: newDeviceId(),
      keys: generatePartyKeys(),
      platform: { platformId: info.platformId, signingKey: info.signingKey, encryptionKey: info.encryptionKey },
    };
    // Forged: the enrolled device's id, someone else's keys.
    const forged = { ...nobody, deviceId: client.device.deviceId };
    expect((await session(nobody, '10.2.0.1')).status).toBe(401);
    expect((await session(forged, '10.2.0.1')).status).toBe(401);
    expect((await session(nobody, '10.2.0.1')).status).toBe(401);
    const limited = await session(client.device, '10.2.0.1');
    expect([limited.status, code(limited), limited.headers['retry-after']]).toEqual([429, 'SYNC_RATE_LIMITED', '300']);
    // The device itself, from its own address, is not locked out by someone forging its id.
    expect((await session(client.device, '10.2.0.2')).status).toBe(200);
    expect((await session(client.device, '10.2.0.2')).status).toBe(200);
    const tooMany = await session(client.device, '10.2.0.2');
    expect([tooMany.status, code(tooMany), tooMany.headers['retry-after']]).toEqual([429, 'SYNC_RATE_LIMITED', '3600']);
    clock += 3601_000;
    expect((await session(client.device, '10.2.0.2')).status).toBe(200);
    expect((await session(client.device, '10.2.0.1')).status).toBe(200);
  });
});
