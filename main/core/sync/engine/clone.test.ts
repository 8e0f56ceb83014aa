import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { setCounterNo } from '../../cases/caseNumber';
import { syncStatus } from './status';
import { engineFixture, registerWith } from './testing/engineFixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

/**
 * A disk image copied onto other PCs keeps the OS machine id (the device id) and the data folder with
 * its enrolment and keys. The copy must not sync as the enrolled PC: its network cards differ, so it
 * stops and asks to be enrolled as itself — with a machine id the platform does not take for the
 * original PC's replacement — or for the admin's word that only a card was replaced.
 */
describe('sync engine: a cloned PC', () => {
  it('does not sync as the enrolled PC; enrols as itself without displacing it', async () => {
    const p = await tempPlatform();
    cleanups.push(p.cleanup);
    let cards = ['card-a', 'card-b'];
    const f = engineFixture({ hardwareMarks: () => cards });
    cleanups.push(f.cleanup);
    const original = await registerWith(f, p.platform, 'ST-CLONE');
    f.enqueueCase('C-1', 1);
    expect((await f.engine.run('test')).outcome).toBe('ok');

    // A card added, a VPN adapter come and gone: still the same PC.
    cards = ['card-a', 'card-b', 'vpn-1'];
    expect(f.engine.cloneSuspected()).toBe(false);
    cards = ['card-b'];
    expect((await f.engine.run('test')).outcome).toBe('ok');

    // The image on another PC: none of its cards. Nothing is sent.
    cards = ['card-x'];
    f.enqueueCase('C-2', 2);
    expect(code(() => f.engine.run('test'))).toBe('SYNC_CLONE_SUSPECTED');
    expect(syncStatus(f.engine, f.t.clock).cloneSuspected).toBe(true);
    expect((await p.platform.admin.records()).map((r) => r.caseId)).toEqual(['C-1']);

    // It enrols as itself: another machine id, so the platform sees a new PC, not a replacement (at
    // its own counter: the copied counter number is the original's, which the platform refuses).
    setCounterNo(f.db(), 2, 'setup', new Date().toISOString());
    const machineId = f.engine.enrolmentMachineId(f.t.station.machineId);
    expect(machineId).not.toBe(f.t.station.machineId);
    const slip = await p.platform.admin.createEnrolmentCode({ stationId: 'ST-CLONE', regionCode: '500110' });
    const clone = await f.engine.register({
      platformUrl: p.platform.url,
      code: slip.code,
      fingerprint: slip.fingerprint,
      deviceName: '复制的电脑',
      appVersion: '0.1.0-test',
      machineId,
    });
    expect(clone.deviceId).not.toBe(original.deviceId);
    expect(await p.platform.admin.pendingReplacements()).toEqual([]);
    expect(f.engine.cloneSuspected()).toBe(false);
    expect((await f.engine.run('test')).outcome).toBe('ok');
    expect((await p.platform.admin.records()).map((r) => r.caseId).sort()).toEqual(['C-1', 'C-2']);
    // Its id stays its own, whatever its cards do later.
    expect(f.engine.enrolmentMachineId(f.t.station.machineId)).toBe(machineId);
  });

  it('a replaced network card: the admin confirms it is the same PC and syncing resumes', async () => {
    const p = await tempPlatform();
    cleanups.push(p.cleanup);
    let cards = ['old-card'];
    const f = engineFixture({ hardwareMarks: () => cards });
    cleanups.push(f.cleanup);
    await registerWith(f, p.platform, 'ST-CARD');
    expect((await f.engine.run('test')).outcome).toBe('ok');
    cards = ['new-card'];
    expect(code(() => f.engine.run('test'))).toBe('SYNC_CLONE_SUSPECTED');
    f.engine.confirmHardware();
    expect(f.engine.cloneSuspected()).toBe(false);
    expect((await f.engine.run('test')).outcome).toBe('ok');
    // A station enrolled before cards were recorded records them at its next run (nothing to compare yet).
    expect(f.engine.enrolmentMachineId(f.t.station.machineId)).toBe(f.t.station.machineId);
  });
});
