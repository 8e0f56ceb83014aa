import { afterEach, beforeAll, expect, it } from 'vitest';
import { caseStep, tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { describeStores, type StoreFixture } from '../../../../city-platform/testing/stores';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { startLinkProxy } from '../../../../tools/linkProxy/proxy';
import { MACHINE_B } from '../../kernel/store/testing/fixtures';
import { Outbox } from '../outbox/outbox';
import { SyncEngine } from './engine';
import { listQuarantine, resolveQuarantined } from './quarantine';
import { engineFixture, registerWith, type EngineFixture } from './testing/engineFixture';

const cleanups: Array<() => unknown> = [];
/** The platform store of the suite under way (each suite runs once on SQLite, once on PostgreSQL). */
let store: StoreFixture | undefined;
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(stationId = 'ST-0001', machineId?: string): Promise<{ platform: RunningPlatform; f: EngineFixture }> {
  const p = await tempPlatform({}, store);
  cleanups.push(p.cleanup);
  const f = engineFixture(machineId ? { machineId } : {});
  cleanups.push(f.cleanup);
  await registerWith(f, p.platform, stationId);
  return { platform: p.platform, f };
}

describeStores('sync engine against the reference platform', (fixture) => {
  beforeAll(() => {
    store = fixture;
  });

  it('pushes the outbox, uploads referenced blobs once, pulls the feed; a rejected record is quarantined and blocks nothing', async () => {
    const { platform, f } = await setup();
    const blob = f.putBlob(50_000);
    const ok1 = f.enqueueCase('C-1', 1, { blobs: [blob] });
    // Well formed, but the applicant's ID number fails its check digit: the platform rejects it.
    const good = caseStep('C-BAD', 3);
    const badBody = { ...good.body, applicant: { idNumber: '110105194912310021', name: '王小文' } };
    const bad = f.db().transaction(() => new Outbox(f.db(), f.t.clock).enqueue({ ...good, body: badBody }))().id;
    const ok2 = f.enqueueCase('C-2', 2);
    const decided: string[] = [];
    cleanups.push(
      f.engine.pullHandlers.register('decision', (_db, item) => void decided.push(String((item as { caseId: string }).caseId))),
    );
    await platform.admin.decide({ caseId: 'X-9', stationId: 'ST-0001', outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
    await platform.admin.warn({ idNumber: '500115196001010013', type: 'death', stationId: 'ST-0001' });

    const result = await f.engine.run('test');
    // A record sent back makes the run partial (not 成功), though the rest went through.
    expect(result.outcome).toBe('partial');
    expect(result.summary).toMatchObject({ pushed: 3, acknowledged: 2, rejected: 1, blobsSent: 1 });
    const held = await platform.admin.records();
    expect(
      held
        .filter((r) => r.status === 'acknowledged')
        .map((r) => r.recordId)
        .sort(),
    ).toEqual([ok1, ok2].sort());
    expect((await platform.admin.blobs()).map((b) => b.sha256)).toEqual([blob]);
    const counts = new Outbox(f.db(), f.t.clock).counts();
    expect(counts).toMatchObject({ queued: 0, sent: 0, acknowledged: 2, rejected: 1 });
    const q = listQuarantine(f.db());
    expect(q.map((r) => [r.recordId, r.status])).toEqual([[bad, 'rejected']]);
    expect(q[0]!.reason).toMatch(/身份证号码/);
    expect(decided).toEqual(['X-9']);
    // Unclaimed kinds (warning, case, and the cases' platform status) are kept in pulled_item.
    const kinds = (
      f.db().prepare('SELECT kind, count(*) AS n FROM pulled_item GROUP BY kind').all() as Array<{ kind: string; n: number }>
    ).map((r) => `${r.kind}:${r.n}`);
    expect(kinds.sort()).toEqual(['case.status:2', 'case:2', 'warning:1']);

    // A second run sends nothing new: the blob is never uploaded twice.
    const again = await f.engine.run('test');
    expect(again.summary).toMatchObject({ pushed: 0, blobsSent: 0, pulled: 0 });
    expect(
      f.engine
        .runs()
        .recent(5)
        .map((r) => r.outcome),
    ).toEqual(['ok', 'partial']);
  });

  it('a restart resumes the in-flight bundle with the same bytes (the platform answers with its stored result)', async () => {
    const { platform, f } = await setup();
    // A first run opens the session bundles go with (kept for the next runs), on the direct link.
    expect((await f.engine.run('test')).outcome).toBe('ok');
    f.enqueueCase('R-1', 11);
    f.enqueueCase('R-2', 12);
    // Cut every answer to bundles: the bundle reaches the platform, the answer never returns.
    const proxy = await startLinkProxy({ target: { port: platform.port }, faults: () => ({ cutDownAfter: 10, cutMode: 'reset' }) });
    cleanups.push(() => proxy.close());
    f.engine.state().db.prepare('UPDATE sync_registration SET platform_url = ?').run(proxy.url);
    const failed = await f.engine.run('test', { maxAttempts: 2 });
    expect(failed.outcome).toBe('failed');
    const inflight = f.engine.state().inflight()!;
    expect(inflight.recordIds).toHaveLength(2);
    expect((await platform.admin.records()).length).toBe(2); // applied once already
    // "Restart": a new engine over the same store, the direct link.
    f.engine.close();
    f.engine.state().db.prepare('UPDATE sync_registration SET platform_url = ?').run(platform.url);
    const engine2 = new SyncEngine({
      clock: f.t.clock,
      logger: { log: () => undefined },
      db: () => f.db(),
      appVersion: 't',
      backoff: { baseMs: 5, capMs: 50 },
    });
    cleanups.push(() => engine2.close());
    const ok = await engine2.run('test');
    expect(ok.outcome).toBe('ok');
    expect(ok.summary.acknowledged).toBe(2);
    expect(engine2.state().inflight()).toBeUndefined();
    expect((await platform.admin.records()).length).toBe(2);
  });

  it('a tampered bundle is refused and nothing is applied; a revoked device stops with a typed error', async () => {
    const { platform, f } = await setup();
    f.enqueueCase('T-1', 21);
    // Build the in-flight bundle as the engine would, then flip one byte of its ciphertext.
    const proxy = await startLinkProxy({ target: { port: platform.port }, faults: () => ({ cutUpAfter: 0, cutMode: 'reset' }) });
    cleanups.push(() => proxy.close());
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(proxy.url);
    await f.engine.run('test', { maxAttempts: 1 });
    const inflight = f.engine.state().inflight()!;
    const bytes = Buffer.from(inflight.bytes);
    bytes[bytes.length - 20]! ^= 0x01;
    f.engine.state().saveInflight({ ...inflight, bytes });
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(platform.url);
    const tampered = await f.engine.run('test');
    expect(tampered.outcome).toBe('failed');
    expect(tampered.error?.code).toBe('SYNC_BUNDLE_FORGED');
    expect(await platform.admin.records()).toHaveLength(0);

    await platform.admin.revokeDevice(f.engine.state().registration()!.deviceId);
    f.engine.state().clearInflight();
    const revoked = await f.engine.run('test');
    expect(revoked.outcome).toBe('failed');
    expect(revoked.error?.code).toBe('SYNC_DEVICE_REVOKED');
    expect(f.engine.state().registration()!.status).toBe('revoked');
    expect(await platform.admin.records()).toHaveLength(0);
  });

  it('two workstations of one station see each other’s cases; concurrent edits give a visible conflict, resolved by resending on the platform version', async () => {
    const { platform, f: a } = await setup('ST-HALL');
    const b = engineFixture({ machineId: MACHINE_B });
    cleanups.push(b.cleanup);
    await registerWith(b, platform, 'ST-HALL');

    a.enqueueCase('H-1', 31, { name: '李一' });
    expect((await a.engine.run('test')).summary.acknowledged).toBe(1);
    expect((await b.engine.run('test')).outcome).toBe('ok');
    const seen = b.db().prepare("SELECT version, body FROM pulled_item WHERE kind = 'case' AND item_key = 'H-1'").get() as {
      version: number;
      body: string;
    };
    expect(seen.version).toBe(1);
    expect((JSON.parse(seen.body) as { body: { applicant: { name: string } } }).body.applicant.name).toBe('李一');

    // Both edit version 1 of H-1.
    a.enqueueCase('H-1', 31, { baseVersion: 1, name: '李一（窗口一改）' });
    b.enqueueCase('H-1', 31, { baseVersion: 1, name: '李一（窗口三改）' });
    expect((await a.engine.run('test')).summary.acknowledged).toBe(1);
    const rb = await b.engine.run('test');
    expect(rb.summary.conflicts).toBe(1);
    expect(rb.outcome).toBe('partial');
    const [conflict] = listQuarantine(b.db());
    expect(conflict).toMatchObject({ status: 'conflict', caseId: 'H-1', baseVersion: 1, theirs: { version: 2 } });
    expect((conflict!.theirs!.body['applicant'] as { name: string }).name).toBe('李一（窗口一改）');
    expect((conflict!.mine['applicant'] as { name: string }).name).toBe('李一（窗口三改）');
    expect((await platform.admin.getCase('H-1'))!.version).toBe(2); // not overwritten

    resolveQuarantined(b.db(), b.t.clock, { recordId: conflict!.recordId, action: 'resend', actor: 'test' });
    expect(listQuarantine(b.db())).toHaveLength(0);
    expect((await b.engine.run('test')).summary.acknowledged).toBe(1);
    const final = await platform.admin.getCase('H-1');
    expect(final!.version).toBe(3);
    expect((final!.body['applicant'] as { name: string }).name).toBe('李一（窗口三改）');
  });

  it('mustRefetch drops what was pulled and pulls the feed again', async () => {
    const { platform, f } = await setup();
    await platform.admin.setPolicy({ key: 'limits.acceptanceWorkingDays', value: 5 });
    await f.engine.run('test');
    const cursor = f.engine.state().get('cursor');
    f.db().prepare("INSERT INTO pulled_item (kind, item_key, feed_seq, body, pulled_at) VALUES ('policy', 'stale', 0, '{}', 'x')").run();
    await platform.admin.resetFeed();
    const r = await f.engine.run('test');
    expect(r.outcome).toBe('ok');
    expect(f.engine.state().get('cursor')).not.toBe(cursor);
    const keys = (f.db().prepare("SELECT item_key FROM pulled_item WHERE kind = 'policy'").all() as Array<{ item_key: string }>).map(
      (x) => x.item_key,
    );
    expect(keys).toEqual(['limits.acceptanceWorkingDays']);
  });

  it('an expired tus upload is restarted cleanly with a new upload, and the blob arrives whole', async () => {
    let offset = 0;
    const p = await tempPlatform({ now: () => Date.now() + offset }, store);
    cleanups.push(p.cleanup);
    const f = engineFixture();
    cleanups.push(f.cleanup);
    await registerWith(f, p.platform, 'ST-EXP');
    const sha = f.putBlob(200_000);
    f.enqueueCase('E-1', 41, { blobs: [sha] });
    // Every connection is cut after 120 KB up: the bundle passes, the blob's PATCH does not.
    const proxy = await startLinkProxy({ target: { port: p.platform.port }, faults: () => ({ cutUpAfter: 120_000, cutMode: 'reset' }) });
    cleanups.push(() => proxy.close());
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(proxy.url);
    expect((await f.engine.run('test', { maxAttempts: 1 })).outcome).toBe('failed');
    const first = f.engine.blobs().get(sha)!;
    expect(first.uploadUrl).toMatch(/^\/v1\/uploads\//);
    expect(await p.platform.admin.blobs()).toHaveLength(0);

    offset = 2 * 86_400_000; // the platform's clock passes the 24 h expiry
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(p.platform.url);
    const seen: string[] = [];
    const http = f.engine.http;
    const original = http.request.bind(http);
    http.request = async (url, input) => {
      const answer = await original(url, input);
      seen.push(
        `${input.method} ${new URL(url).pathname === first.uploadUrl ? 'old' : new URL(url).pathname.replace(/[A-Za-z0-9_-]{22}$/, 'new')} ${answer.status}`,
      );
      return answer;
    };
    const r = await f.engine.run('test');
    // The two days also ended the session the engine kept: refused once (401), reopened, the same HEAD again.
    expect(seen.filter((x) => !x.includes('/v1/pull') && !x.includes('/v1/session'))).toEqual([
      'HEAD old 401',
      'HEAD old 404',
      'POST /v1/uploads 201',
      'PATCH /v1/uploads/new 204',
    ]);
    expect(r.outcome).toBe('ok');
    expect(r.summary.blobsSent).toBe(1);
    const stored = await p.platform.admin.blobs();
    expect(stored.map((b) => [b.sha256, b.size])).toEqual([[sha, 200_000]]);
    expect(f.engine.blobs().get(sha)).toMatchObject({ state: 'stored', uploadUrl: null });
  });
});
