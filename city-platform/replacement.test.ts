import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningPlatform } from './platform';
import type { TestClient } from './testClient/client';
import { enrolClient, newCase, tempPlatform } from './testClient/fixtures';
import { PlatformHttpError, request } from './testClient/http';
import { describeStores } from './testing/stores';

/**
 * Registration never revokes a device by itself. The attacker is a station that enrols a
 * workstation claiming the machine hash of another station's counter (the hash is only claimed,
 * never proven): that used to revoke the victim and name it in the answer. Within a station, a
 * re-enrolled machine (a lost disk) replaces its earlier device only when a platform admin
 * confirms; until then the new device cannot sync and the old one still can.
 */
describeStores('platform: device replacement is per station and confirmed by an admin', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  let counter: number;
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({}, store));
    counter = 0;
  });
  afterAll(() => cleanup());

  const push = async (client: TestClient) => {
    counter++;
    try {
      const { result } = await client.push([newCase(client, `C-${client.device.deviceId.slice(4, 12)}-${counter}`, counter)]);
      return result.answers[0]!.status;
    } catch (e) {
      client.nextBundleSeq--; // the refused bundle was not applied: its sequence is free again
      if (e instanceof PlatformHttpError) return `${e.status} ${e.error?.code}`;
      throw e;
    }
  };
  const admin = (path: string, method = 'GET') =>
    request(`${platform.url}${path}`, { method, headers: { Authorization: `Bearer ${platform.adminToken}` } });

  it('another station claiming the same machine neither revokes nor learns the victim’s device', async () => {
    const victim = await enrolClient(platform, 'ST-VICTIM', undefined, 'machine-shared-7');
    const attacker = await enrolClient(platform, 'ST-ATTACKER', undefined, 'machine-shared-7');
    expect(attacker.registration).not.toHaveProperty('replacedDeviceId');
    expect(JSON.stringify(attacker.registration)).not.toContain(victim.device.deviceId);
    expect(await push(victim)).toBe('acknowledged');
    expect(await push(attacker)).toBe('acknowledged');
    expect((await platform.admin.pendingReplacements()).map((p) => p.deviceId)).not.toContain(attacker.device.deviceId);
    // Each station numbers its own counters.
    expect([victim.registration.counterNo, attacker.registration.counterNo]).toEqual([1, 1]);
  });

  it('a re-enrolled machine waits for the admin; the old device works until the admin confirms the replacement', async () => {
    const old = await enrolClient(platform, 'ST-HALL', undefined, 'machine-hall-1');
    await enrolClient(platform, 'ST-HALL', undefined, 'machine-hall-2');
    const fresh = await enrolClient(platform, 'ST-HALL', undefined, 'machine-hall-1');
    expect(fresh.registration).not.toHaveProperty('replacedDeviceId');
    // It keeps the machine's counter number, reserved for it.
    expect(fresh.registration.counterNo).toBe(old.registration.counterNo);
    expect(await push(fresh)).toBe('403 SYNC_DEVICE_PENDING');
    expect(await push(old)).toBe('acknowledged');
    const pendingSession = await fresh.session().catch((e: unknown) => e);
    expect(pendingSession).toMatchObject({ status: 403, error: { code: 'SYNC_DEVICE_PENDING' } });

    const listed = await admin('/admin/devices/pending');
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body.toString())).toContainEqual(
      expect.objectContaining({
        deviceId: fresh.device.deviceId,
        stationId: 'ST-HALL',
        replaces: expect.objectContaining({ deviceId: old.device.deviceId }),
      }),
    );
    // Only the admin token confirms.
    const forged = await request(`${platform.url}/admin/devices/${fresh.device.deviceId}/confirm-replacement`, {
      method: 'POST',
      headers: { Authorization: 'Bearer nope' },
    });
    expect(forged.status).toBe(403);
    expect(await push(fresh)).toBe('403 SYNC_DEVICE_PENDING');

    const confirmed = await admin(`/admin/devices/${fresh.device.deviceId}/confirm-replacement`, 'POST');
    expect([confirmed.status, JSON.parse(confirmed.body.toString())]).toEqual([
      200,
      { deviceId: fresh.device.deviceId, status: 'active', replacedDeviceId: old.device.deviceId },
    ]);
    expect(await push(fresh)).toBe('acknowledged');
    expect(await push(old)).toBe('403 SYNC_DEVICE_REVOKED');
    expect((await admin(`/admin/devices/${fresh.device.deviceId}/confirm-replacement`, 'POST')).status).toBe(404);
    expect((await platform.admin.pendingReplacements()).map((p) => p.deviceId)).not.toContain(fresh.device.deviceId);
  });

  it('an admin who does not recognise the re-enrolment revokes the pending device; the old one stays', async () => {
    const old = await enrolClient(platform, 'ST-FIELD', undefined, 'machine-field-1');
    const impostor = await enrolClient(platform, 'ST-FIELD', undefined, 'machine-field-1');
    expect(await platform.admin.revokeDevice(impostor.device.deviceId)).toBe(true);
    expect(await push(impostor)).toBe('403 SYNC_DEVICE_REVOKED');
    expect(await push(old)).toBe('acknowledged');
    expect(await platform.admin.confirmReplacement(impostor.device.deviceId)).toBeUndefined();
  });
});
