import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { METHODS } from '../../../../common/contract/registry';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { describeStores, type StoreFixture } from '../../../../city-platform/testing/stores';
import { auditRowHash } from '../../kernel/audit/canonical';
import { auditChainHead } from '../../kernel/audit/chainHead';
import { pruneAudit } from '../../kernel/audit/prune';
import { verifyAuditChain } from '../../kernel/audit/verify';
import { AUDIT_TRIGGERS_SQL } from '../../kernel/store/migrations/0030Audit';
import { openSqlite } from '../../kernel/store/sqlite';
import { ADMIN, FakeClock } from '../../kernel/store/testing/fixtures';
import { pruneAuditAnchored } from './auditAnchor';
import { syncStatus } from './status';
import { engineFixture, registerWith, type EngineFixture } from './testing/engineFixture';

const DAY = 86_400_000;
const cleanups: Array<() => unknown> = [];
let store: StoreFixture | undefined;
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A registered station and a platform whose clock the test can move (`skew.ms`). */
async function setup(): Promise<{ platform: RunningPlatform; f: EngineFixture; skew: { ms: number }; deviceId: string }> {
  const skew = { ms: 0 };
  const p = await tempPlatform({ now: () => Date.now() + skew.ms }, store);
  cleanups.push(p.cleanup);
  const f = engineFixture();
  cleanups.push(f.cleanup);
  const reg = await registerWith(f, p.platform, 'ST-AUDIT');
  return { platform: p.platform, f, skew, deviceId: reg.deviceId };
}

/** Counter work that leaves audit rows (who viewed which person). */
function work(f: EngineFixture, n: number, tag: string): void {
  const audit = f.t.auth.audit();
  for (let i = 0; i < n; i++) {
    audit.append({ actor: f.t.adminId, action: 'person.view', targetType: 'person', targetId: `p-${tag}-${i}` });
    f.t.clock.advance(1000);
  }
}

/** The sync centre's view, checked against the contract's output schema of sync.status. */
const status = (f: EngineFixture) => METHODS['sync.status'].output.parse(syncStatus(f.engine, f.t.clock));

async function syncOk(f: EngineFixture) {
  const r = await f.engine.run('test');
  expect(r.outcome, r.error?.message).toBe('ok');
  return r;
}

/**
 * The offline attacker: the data folder and the database key (any staff password unwraps it).
 * With the app closed, open the encrypted store directly, drop the audit triggers, delete rows,
 * renumber and rehash every row after them so the chain is whole again, put the triggers back.
 */
function deleteAndReseal(f: EngineFixture, seqs: number[]): void {
  const key = Buffer.from(f.t.station.dbKey);
  f.t.auth.close();
  const db = openSqlite(f.t.station.paths.db, key);
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  const del = db.prepare('DELETE FROM audit_log WHERE seq = ?');
  for (const s of seqs) del.run(s);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, unknown>>;
  db.prepare('DELETE FROM audit_log').run();
  const ins = db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, workstation, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prev: Buffer = Buffer.alloc(32);
  rows.forEach((r, i) => {
    const row = {
      seq: i + 1,
      at: String(r['at']),
      actor: String(r['actor']),
      action: String(r['action']),
      targetType: (r['target_type'] as string | null) ?? null,
      targetId: (r['target_id'] as string | null) ?? null,
      workstation: String(r['workstation']),
      details: String(r['details']),
    };
    const hash = auditRowHash(prev, row);
    ins.run(row.seq, row.at, row.actor, row.action, row.targetType, row.targetId, row.workstation, row.details, prev, hash);
    prev = hash;
  });
  db.exec(AUDIT_TRIGGERS_SQL);
  db.close();
  f.t.auth.login(ADMIN.username, ADMIN.password);
}

describeStores('audit anchor: the platform keeps each station device’s audit heads', (fixture) => {
  beforeAll(() => {
    store = fixture;
  });

  it('three audit rows deleted and the chain resealed offline: local verify passes, the platform flags a fork, keeps the data, and the sync centre shows it', async () => {
    const { platform, f, deviceId } = await setup();
    work(f, 12, 'a');
    f.enqueueCase('AF-1', 1);
    await syncOk(f);
    const anchoredHead = auditChainHead(f.db());
    expect((await platform.admin.auditAnchors(deviceId)).at(-1)).toMatchObject({ headSeq: anchoredHead.seq, headHash: anchoredHead.hash });
    expect(status(f).auditAnchor).toMatchObject({ anchoredSeq: anchoredHead.seq, flags: [] });

    deleteAndReseal(f, [4, 5, 6]);
    expect(verifyAuditChain(f.db())).toMatchObject({ ok: true });
    work(f, 6, 'b'); // the counter goes on working: the head passes the anchored seq again
    expect(auditChainHead(f.db()).seq).toBeGreaterThan(anchoredHead.seq);
    const after = f.enqueueCase('AF-2', 2);

    await syncOk(f);
    // Accepted and flagged: the county still gets the application.
    expect((await platform.admin.records()).find((r) => r.recordId === after)?.status).toBe('acknowledged');
    const flags = await platform.admin.auditFlags();
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      deviceId,
      stationId: 'ST-AUDIT',
      kind: 'fork',
      reason: 'hash-mismatch',
      anchoredSeq: anchoredHead.seq,
    });
    const shown = status(f).auditAnchor;
    expect(shown.flags.map((x) => [x.kind, x.reason, x.anchoredSeq])).toEqual([['fork', 'hash-mismatch', anchoredHead.seq]]);

    // The platform follows the chain from there on: the next honest syncs raise nothing new.
    work(f, 3, 'c');
    await syncOk(f);
    work(f, 2, 'd');
    await syncOk(f);
    expect(await platform.admin.auditFlags()).toHaveLength(1);
    expect(status(f).auditAnchor.anchoredSeq).toBe(auditChainHead(f.db()).seq);
  });

  it('the same deletion synced before the chain grew back is flagged as going backwards', async () => {
    const { platform, f, deviceId } = await setup();
    work(f, 10, 'a');
    await syncOk(f);
    deleteAndReseal(f, [3, 4, 5]);
    expect(verifyAuditChain(f.db())).toMatchObject({ ok: true });
    await syncOk(f);
    expect((await platform.admin.auditFlags()).map((x) => [x.deviceId, x.kind, x.reason])).toEqual([[deviceId, 'backwards', 'head-lower']]);
    expect(status(f).auditAnchor.flags[0]).toMatchObject({ kind: 'backwards' });
  });

  it('a rollback (an older copy of the data folder restored, then synced) is flagged as going backwards', async () => {
    const { platform, f, deviceId } = await setup();
    work(f, 5, 'a');
    f.enqueueCase('RB-1', 11);
    await syncOk(f);
    // The copy: taken with the app closed, as someone with the disk would.
    f.t.auth.close();
    const copy = mkdtempSync(join(tmpdir(), 'jiuzhu-rollback-'));
    cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(f.t.dataDir, copy, { recursive: true });
    f.t.auth.login(ADMIN.username, ADMIN.password);
    work(f, 20, 'b');
    f.enqueueCase('RB-2', 12);
    await syncOk(f);
    const anchored = auditChainHead(f.db()).seq;

    f.t.auth.close();
    rmSync(f.t.dataDir, { recursive: true, force: true });
    cpSync(copy, f.t.dataDir, { recursive: true });
    f.t.auth.login(ADMIN.username, ADMIN.password);
    expect(verifyAuditChain(f.db())).toMatchObject({ ok: true });
    expect(auditChainHead(f.db()).seq).toBeLessThan(anchored);
    await syncOk(f);
    const flags = await platform.admin.auditFlags();
    expect(flags.map((x) => [x.deviceId, x.kind, x.reason, x.anchoredSeq])).toEqual([[deviceId, 'backwards', 'head-lower', anchored]]);
    expect(status(f).auditAnchor.flags.map((x) => x.kind)).toEqual(['backwards']);
  });

  it('an honest station syncing again and again, with and without records, and pruning after 180 days, is never flagged', async () => {
    const { platform, f, deviceId, skew } = await setup();
    for (let round = 0; round < 4; round++) {
      work(f, 3, `r${round}`);
      if (round % 2 === 0) f.enqueueCase(`H-${round}`, 20 + round);
      await syncOk(f);
    }
    // Nothing new: no bundle at all.
    const anchorsBefore = (await platform.admin.auditAnchors(deviceId)).length;
    await syncOk(f);
    expect((await platform.admin.auditAnchors(deviceId)).length).toBe(anchorsBefore);
    // Audit rows but no records: one anchor-only bundle carries the head.
    work(f, 2, 'only');
    await syncOk(f);
    const anchors = await platform.admin.auditAnchors(deviceId);
    expect(anchors.length).toBe(anchorsBefore + 1);
    expect(anchors.at(-1)).toMatchObject({ headSeq: auditChainHead(f.db()).seq });

    // Half a year later (both clocks), prune: the cut lands on a head the platform anchored.
    f.t.clock.advance(181 * DAY);
    skew.ms = 181 * DAY;
    work(f, 2, 'later');
    await syncOk(f);
    const { removed } = pruneAuditAnchored(f.db(), f.t.auth.audit(), f.t.clock, 180);
    expect(removed).toBeGreaterThan(10);
    expect(verifyAuditChain(f.db())).toMatchObject({ ok: true });
    work(f, 2, 'after-prune');
    await syncOk(f);
    work(f, 1, 'again');
    f.enqueueCase('H-9', 29);
    await syncOk(f);
    const last = (await platform.admin.auditAnchors(deviceId)).at(-1)!;
    expect(last.baseSeq).toBeGreaterThan(0);
    expect(await platform.admin.auditFlags()).toEqual([]);
    expect(status(f).auditAnchor.flags).toEqual([]);
  });

  it('pruning younger rows (a clock moved ahead offline) is flagged: cut at an anchored head → early-prune, cut elsewhere → fork', async () => {
    const { platform, f } = await setup();
    work(f, 8, 'a');
    await syncOk(f);
    work(f, 4, 'b');
    await syncOk(f);
    work(f, 3, 'c');
    // The attacker's clock: 181 days ahead; the platform's clock is the real one.
    const ahead = new FakeClock(f.t.clock.now().getTime() + 181 * DAY);
    expect(pruneAuditAnchored(f.db(), f.t.auth.audit(), ahead, 180).removed).toBeGreaterThan(0);
    expect(verifyAuditChain(f.db())).toMatchObject({ ok: true });
    await syncOk(f);
    expect((await platform.admin.auditFlags()).map((x) => [x.kind, x.reason])).toEqual([['early-prune', 'pruned-recent']]);

    // Cut below the newest anchor, at a seq the platform never anchored.
    work(f, 3, 'd');
    await syncOk(f);
    const anchoredSeq = status(f).auditAnchor.anchoredSeq!;
    work(f, 2, 'e');
    expect(pruneAudit(f.db(), f.t.auth.audit(), ahead, 180, 'system', { cutPoints: [anchoredSeq - 1] }).removed).toBeGreaterThan(0);
    expect(verifyAuditChain(f.db())).toMatchObject({ ok: true });
    await syncOk(f);
    // Cut through the newest anchor itself: the chain can no longer show it.
    work(f, 2, 'f');
    await syncOk(f);
    work(f, 2, 'g');
    expect(
      pruneAudit(f.db(), f.t.auth.audit(), new FakeClock(ahead.now().getTime() + DAY), 180, 'system', {
        cutPoints: [auditChainHead(f.db()).seq - 1],
      }).removed,
    ).toBeGreaterThan(0);
    expect(verifyAuditChain(f.db())).toMatchObject({ ok: true });
    await syncOk(f);
    expect((await platform.admin.auditFlags()).map((x) => [x.kind, x.reason])).toEqual([
      ['fork', 'not-shown'],
      ['fork', 'base-unknown'],
      ['early-prune', 'pruned-recent'],
    ]);
    expect(status(f).auditAnchor.flags.map((x) => x.kind)).toEqual(['fork', 'fork', 'early-prune']);
  });
});
