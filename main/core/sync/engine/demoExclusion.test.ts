import { afterEach, describe, expect, it } from 'vitest';
import { caseStep, idNumber, tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { seedDemoCases } from '../../cases/demo/seed';
import { caseStation } from '../../cases/testing/station';
import { tempDir } from '../../kernel/store/testing/fixtures';
import { noLogger } from '../../kernel/store/types';
import { Outbox } from '../outbox/outbox';
import { SyncEngine } from './engine';
import { listQuarantine } from './quarantine';
import { syncStatus } from './status';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('demo cases never sync', () => {
  it('work on a demo case queues nothing; rows an older version queued for one are neither sent, counted nor listed', async () => {
    const dir = tempDir('jiuzhu-sync-demo-');
    cleanups.push(dir.cleanup);
    const env = caseStation(dir.dir);
    cleanups.push(() => env.t.auth.close());
    const db = env.t.station.db;
    const p = await tempPlatform();
    cleanups.push(p.cleanup);
    const engine = new SyncEngine({
      clock: env.clock,
      logger: noLogger,
      db: () => env.t.station.db,
      appVersion: 't',
      backoff: { baseMs: 5, capMs: 50 },
    });
    cleanups.push(() => engine.close());

    // `jiuzhu-admin demo seed`, then a clerk demonstrates the next step on an accepted demo case.
    seedDemoCases(env.svc, env.actor, 40, 7);
    const accepted = db
      .prepare("SELECT id, version FROM case_file WHERE demo = 1 AND state = 'accepted' ORDER BY case_no LIMIT 2")
      .all() as Array<{ id: string; version: number }>;
    expect(accepted).toHaveLength(2);
    const [shown, earlier] = accepted as [{ id: string; version: number }, { id: string; version: number }];
    env.svc.act(env.actor, shown.id, shown.version, 'startInvestigation', null);
    expect(db.prepare('SELECT state, version FROM case_file WHERE id = ?').get(shown.id)).toEqual({
      state: 'investigating',
      version: shown.version + 1,
    });
    expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE case_id = ?').get(shown.id)).toEqual({ n: 0 });

    // A row an earlier version queued for another demo case, and one real record beside it.
    const outbox = new Outbox(db, env.clock);
    db.prepare(
      "INSERT INTO outbox (id, kind, case_id, base_version, made_at, body) VALUES ('00000000-0000-4000-8000-000000000001', 'case.upsert', ?, ?, '2026-02-12T01:00:00Z', ?)",
    ).run(earlier.id, earlier.version, JSON.stringify({ caseId: earlier.id, applicant: { name: '演示', idNumber: idNumber(5) } }));
    const real = db.transaction(() => outbox.enqueue(caseStep('REAL-1', 6)))();
    expect(real.queued).toBe(true);
    expect(outbox.counts()).toMatchObject({ queued: 1 });

    const slip = await p.platform.admin.createEnrolmentCode({ stationId: 'ST-DEMO', regionCode: '500110' });
    await engine.register({
      platformUrl: p.platform.url,
      code: slip.code,
      fingerprint: slip.fingerprint,
      deviceName: '一号窗口',
      appVersion: 't',
      machineId: env.t.station.machineId,
    });
    const run = await engine.run('test');
    expect(run.outcome).toBe('ok');
    expect(run.summary).toMatchObject({ pushed: 1, acknowledged: 1, conflicts: 0, rejected: 0 });
    expect((await p.platform.admin.records()).map((r) => r.recordId)).toEqual([real.id]);
    expect(await p.platform.admin.getCase(shown.id)).toBeUndefined();
    expect(await p.platform.admin.getCase(earlier.id)).toBeUndefined();

    const status = syncStatus(engine, env.clock);
    expect(status.outbox).toEqual({ queued: 0, inFlight: 0, acknowledged: 1, rejected: 0, conflict: 0 });
    expect(listQuarantine(db)).toEqual([]);
    // A second run sends nothing more.
    expect((await engine.run('test')).summary.pushed).toBe(0);
  });
});
