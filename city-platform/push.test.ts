import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartyKeys } from '../sync-protocol/keys';
import { suiteById } from '../sync-protocol/suites';
import { hashMachineId } from '../sync-protocol/machineId';
import { buildRegistrationRequest, verifyRegistrationResponse } from '../sync-protocol/registration';
import type { RunningPlatform } from './platform';
import { TestClient } from './testClient/client';
import { describeStores } from './testing/stores';
import { caseStep, enrolClient, newCase, tempPlatform } from './testClient/fixtures';
import { PlatformHttpError, request } from './testClient/http';

describeStores('platform push', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({}, store));
  });
  afterAll(() => cleanup());

  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof PlatformHttpError) return { status: e.status, code: e.error?.code, message: e.error?.message };
      throw e;
    }
    throw new Error('expected a refusal');
  };

  describe('registration', () => {
    it('enrols with a one-time code and pins the platform key', async () => {
      const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-R', regionCode: '500110' });
      expect(slip.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const client = await TestClient.enrol(platform.url, { code: slip.code, fingerprint: slip.fingerprint });
      expect(client.registration).toMatchObject({ stationId: 'ST-R', regionCode: '500110' });
      expect(client.device.platform.signingKey).toBe(platform.info().signingKey);
      // The code is used up.
      expect(await refusal(TestClient.enrol(platform.url, { code: slip.code, fingerprint: slip.fingerprint }))).toMatchObject({
        status: 403,
        code: 'SYNC_ENROLMENT_CODE_INVALID',
      });
    });

    it('answers the same claim twice with the same device (a lost answer can be retried)', async () => {
      const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-R', regionCode: '500110' });
      const suite = suiteById(slip.suite);
      const keys = generatePartyKeys(suite);
      const claim = buildRegistrationRequest(
        {
          enrolmentCode: slip.code,
          platformId: platform.info().platformId,
          suite: suite.id,
          signingKey: keys.signing.publicKey,
          encryptionKey: keys.encryption.publicKey,
          machineIdHash: hashMachineId('machine-7', platform.info().platformId),
          deviceName: '三号窗口',
          appVersion: '0.1.0',
        },
        keys.signing,
      );
      const send = async (body: unknown) =>
        request(`${platform.url}/v1/devices`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from(JSON.stringify(body)),
        });
      const a = await send(claim);
      const b = await send(claim);
      expect([a.status, b.status]).toEqual([201, 201]);
      const first = verifyRegistrationResponse(JSON.parse(a.body.toString()), slip.fingerprint, suite.id);
      expect(verifyRegistrationResponse(JSON.parse(b.body.toString()), slip.fingerprint, suite.id).deviceId).toBe(first.deviceId);
      // Another key with the used code is refused; a claim with a bad proof too.
      const other = generatePartyKeys(suite);
      const stolen = buildRegistrationRequest({ ...claim.claim, signingKey: other.signing.publicKey }, other.signing);
      expect((await send(stolen)).status).toBe(403);
      expect((await send({ ...claim, proof: stolen.proof })).status).toBe(401);
    });

    it('refuses a platform whose key does not match the slip', async () => {
      const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-R', regionCode: '500110' });
      await expect(
        TestClient.enrol(platform.url, { code: slip.code, fingerprint: '0000-0000-0000-0000-0000-0000-0000-0000' }),
      ).rejects.toMatchObject({
        code: 'SYNC_PLATFORM_KEY_MISMATCH',
      });
    });
  });

  describe('push', () => {
    it('applies a bundle once when the same bundle is sent twice', async () => {
      const client = await enrolClient(platform, 'ST-A');
      const built = client.bundle([newCase(client, 'C-1', 1), newCase(client, 'C-2', 2)]);
      const first = await client.sendBundle(built);
      expect(first.duplicate).toBe(false);
      expect(first.answers.map((a) => [a.status, a.version])).toEqual([
        ['acknowledged', 1],
        ['acknowledged', 1],
      ]);
      const again = await client.sendBundle(built);
      expect(again.duplicate).toBe(true);
      expect(again.answers.map((a) => a.status)).toEqual(['acknowledged', 'acknowledged']);
      const mine = (await platform.admin.records()).filter((r) => r.deviceId === client.device.deviceId);
      expect(mine.map((r) => r.seq)).toEqual([1, 2]);
      expect((await platform.admin.getCase('C-1'))?.version).toBe(1);
    });

    it('applies once when copies of a bundle arrive at the same time, and serialises two counters editing one case', async () => {
      const client = await enrolClient(platform, 'ST-RACE');
      const built = client.bundle([newCase(client, 'C-R1', 41), newCase(client, 'C-R2', 42)]);
      const results = await Promise.all([1, 2, 3, 4].map(() => client.sendBundle(built)));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(results.every((r) => r.answers.every((a) => a.status === 'acknowledged'))).toBe(true);
      expect((await platform.admin.records()).filter((r) => r.deviceId === client.device.deviceId).map((r) => r.seq)).toEqual([1, 2]);
      // Two counters send an edit of version 1 at once: exactly one applies, the other conflicts.
      const other = await enrolClient(platform, 'ST-RACE');
      const edit = (c: typeof client, serial: number) => newCase(c, 'C-R1', serial, { baseVersion: 1 });
      const [a, b] = await Promise.all([client.push([edit(client, 43)]), other.push([edit(other, 44)])]);
      expect([a.result.answers[0]?.status, b.result.answers[0]?.status].sort()).toEqual(['acknowledged', 'conflict']);
      expect((await platform.admin.getCase('C-R1'))?.version).toBe(2);
    });

    it('a record re-packed into a new bundle is answered, not applied again', async () => {
      const client = await enrolClient(platform, 'ST-A');
      const record = newCase(client, 'C-3', 3);
      await client.push([record]);
      const { result } = await client.push([record, newCase(client, 'C-4', 4)]);
      expect(result.answers[0]).toMatchObject({ status: 'acknowledged', duplicate: true });
      expect(result.answers[1]).toMatchObject({ status: 'acknowledged' });
      expect((await platform.admin.records()).filter((r) => r.recordId === record.id)).toHaveLength(1);
    });

    it('answers rejected records one by one without blocking the rest', async () => {
      const client = await enrolClient(platform, 'ST-A');
      const records = [
        newCase(client, 'C-10', 10),
        client.record({
          ...caseStep('C-11', 11),
          body: { ...caseStep('C-11', 11).body, applicant: { idNumber: '110105194912310021', name: '王小文' } },
        }),
        client.record({ kind: 'payment.made', caseId: 'C-10', body: {} }),
        client.record({
          kind: 'document.meta',
          caseId: 'C-10',
          blobs: ['a'.repeat(64)],
          body: {
            caseId: 'C-10',
            attachments: [
              {
                sha256: 'a'.repeat(64),
                kind: 'document-scan',
                role: 'material',
                ref: 'id_card',
                page: 0,
                size: 10,
                contentType: 'image/jpeg',
                addedAt: '2026-11-29T09:30:00+08:00',
              },
            ],
          },
        }),
      ];
      const { result } = await client.push(records);
      expect(result.answers.map((a) => a.status)).toEqual(['acknowledged', 'rejected', 'rejected', 'acknowledged']);
      expect(result.answers[1]?.error?.code).toBe('SYNC_RECORD_INVALID');
      expect(result.answers[1]?.error?.message).toContain('身份证号码无效');
      expect(result.answers[2]?.error?.code).toBe('SYNC_RECORD_UNKNOWN_KIND');
      expect(result.answers[3]?.missingBlobs).toEqual(['a'.repeat(64)]);
      expect(result.lastRecordSeq).toBe(records[3]!.seq);
      // The next bundle goes through.
      const next = await client.push([newCase(client, 'C-12', 12)]);
      expect(next.result.answers[0]?.status).toBe('acknowledged');
    });

    it('returns a conflict with both versions instead of overwriting', async () => {
      const counter1 = await enrolClient(platform, 'ST-B');
      const counter3 = await enrolClient(platform, 'ST-B');
      await counter1.push([newCase(counter1, 'C-20', 20)]);
      const edit = (c: TestClient, members: number) => c.record(caseStep('C-20', 20, { baseVersion: 1, members }));
      const household = (body: Record<string, unknown> | undefined) =>
        (body?.['application'] as { members: unknown[] } | undefined)?.members.length;
      const a = await counter1.push([edit(counter1, 4)]);
      expect(a.result.answers[0]).toMatchObject({ status: 'acknowledged', version: 2 });
      const b = await counter3.push([edit(counter3, 5)]);
      expect(b.result.answers[0]).toMatchObject({ status: 'conflict', server: { version: 2 } });
      expect(household(b.result.answers[0]?.server?.body)).toBe(4);
      expect(b.result.answers[0]?.error?.code).toBe('SYNC_RECORD_CONFLICT');
      expect(household((await platform.admin.getCase('C-20'))?.body)).toBe(4);
      // Another station may not touch the case.
      const other = await enrolClient(platform, 'ST-C');
      const c = await other.push([other.record(caseStep('C-20', 20, { baseVersion: 2 }))]);
      expect(c.result.answers[0]?.status).toBe('rejected');
    });

    it('refuses replayed, reordered, tampered, oversized and unknown-device bundles, applying nothing', async () => {
      const client = await enrolClient(platform, 'ST-D');
      const b1 = client.bundle([newCase(client, 'C-30', 30)]);
      await client.sendBundle(b1);
      // A new bundle claiming an old sequence (what a replay with a changed id looks like).
      client.nextBundleSeq = 1;
      const replay = client.bundle([newCase(client, 'C-31', 31)]);
      expect(await refusal(client.sendBundle(replay))).toMatchObject({ status: 409, code: 'SYNC_BUNDLE_REPLAYED' });
      client.nextBundleSeq = 5;
      const ahead = client.bundle([newCase(client, 'C-32', 32)]);
      expect(await refusal(client.sendBundle(ahead))).toMatchObject({ status: 409, code: 'SYNC_BUNDLE_OUT_OF_ORDER' });
      client.nextBundleSeq = 2;
      const good = client.bundle([newCase(client, 'C-33', 33)]);
      const tampered = Buffer.from(good.bytes);
      tampered[tampered.length - 30] = tampered[tampered.length - 30]! ^ 0x10;
      expect(await refusal(client.sendBundle({ ...good, bytes: tampered }))).toMatchObject({ status: 401, code: 'SYNC_BUNDLE_FORGED' });
      const stranger = new TestClient(platform.url, { ...client.device, deviceId: 'dev_zzzzzzzzzzzzzzzzzzzzzzzzzz' }, client.registration);
      expect(await refusal(stranger.sendBundle(stranger.bundle([newCase(stranger, 'C-34', 34)])))).toMatchObject({
        status: 401,
        code: 'SYNC_DEVICE_UNKNOWN',
      });
      const huge = await request(`${platform.url}/v1/bundles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await client.session()}` },
        body: Buffer.alloc(3 * 1024 * 1024),
      });
      expect(huge.status).toBe(413);
      const cases = (await platform.admin.records()).filter((r) => r.deviceId === client.device.deviceId).map((r) => r.caseId);
      expect(cases).toEqual(['C-30']);
      // The untampered bundle still applies afterwards.
      expect((await client.sendBundle(good)).answers[0]?.status).toBe('acknowledged');
      // A revoked device is refused.
      await platform.admin.revokeDevice(client.device.deviceId);
      expect(await refusal(client.push([newCase(client, 'C-35', 35)]))).toMatchObject({ status: 403, code: 'SYNC_DEVICE_REVOKED' });
    });
  });
});
