import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { blobPath } from '../../../../city-platform/blob/paths';
import { enrolClient, tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { request } from '../../../../city-platform/testClient/http';
import { describeStores } from '../../../../city-platform/testing/stores';
import { syncFetchBlob } from '../../../../common/contract/methods/sync/syncStation';
import { startLinkProxy, type LinkProxy } from '../../../../tools/linkProxy/proxy';
import type { CoreDeps } from '../../capability';
import { CaseService } from '../../cases/caseService';
import { registerCasePullHandler } from '../../cases/pullHandler';
import { loadCaseResources } from '../../cases/resources';
import { documentCapture, faceCapture, intakeSignature } from '../../cases/testing/captures';
import { HUSBAND, threePersonDibao } from '../../cases/testing/household';
import type { SessionCallContext } from '../../context';
import { AttachmentStore } from '../../kernel/store/attachments/attachmentStore';
import { FakeClock, MACHINE_B } from '../../kernel/store/testing/fixtures';
import { noLogger, type Db } from '../../kernel/store/types';
import { syncCapability } from '../capability';
import { downloadedBytes } from './downloadChunkRepo';
import { remoteBlobsOfCase } from './remoteBlobRepo';
import { engineFixture, registerWith } from './testing/engineFixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A scanned PDF of about `size` bytes (the attachment store accepts PDFs as document scans). */
const scannedPdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size), Buffer.from('\n%%EOF\n')]);

function counter(clock: FakeClock, machineId?: string) {
  // prefetchDays 0: blobs come only on demand, which is what these tests look at.
  const f = engineFixture({ clock, prefetchDays: 0, ...(machineId ? { machineId } : {}) });
  cleanups.push(f.cleanup);
  const info = f.t.station.stationInfo()!;
  const svc = new CaseService({
    db: f.db(),
    clock,
    audit: f.t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
  return { f, svc };
}

const bytesOf = (db: Db, clock: FakeClock, sha256: string) => {
  const row = db.prepare('SELECT id FROM attachment WHERE sha256 = ?').get(Buffer.from(sha256, 'hex')) as { id: string } | undefined;
  return row ? new AttachmentStore(db, clock).get(row.id) : null;
};

describeStores('blobs on demand for station cases', (store) => {
  /** A takes a case with a face photo, a signature, a scanned page and a large scanned PDF; both counters sync. */
  async function stationWithCase(options: { via?: (platformPort: number) => Promise<string> } = {}) {
    const clock = new FakeClock(Date.parse('2026-02-12T01:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime() }, store);
    cleanups.push(p.cleanup);
    const a = counter(clock);
    const b = counter(clock, MACHINE_B);
    await registerWith(a.f, p.platform, 'ST-HALL');
    await registerWith(b.f, p.platform, 'ST-HALL', options.via ? await options.via(p.platform.port) : undefined);
    // Each workstation's engine applies its pulled cases with its own handlers.
    cleanups.push(registerCasePullHandler(a.f.engine.pullHandlers, () => a.svc));
    cleanups.push(registerCasePullHandler(b.f.engine.pullHandlers, () => b.svc));

    const actor = a.f.t.adminId;
    const draft = a.svc.saveDraft(actor, { application: threePersonDibao() });
    const caseId = draft.caseId;
    a.svc.authorize(actor, caseId, HUSBAND.idNumber, intakeSignature(caseId, HUSBAND), faceCapture());
    const scan = a.svc.addMaterial(actor, caseId, 'hukou', documentCapture(1));
    const big = new AttachmentStore(a.f.db(), clock).put('document-scan', scannedPdf(600_000));
    a.svc.repo.linkAttachment(caseId, {
      attachmentId: big.id,
      role: 'material',
      ref: 'income_statement',
      page: 0,
      at: clock.now().toISOString(),
      by: actor,
    });
    a.svc.submit(actor, caseId, scan.rev);

    const ra = await a.f.engine.run('test');
    expect(ra.outcome).toBe('ok');
    expect(ra.summary.acknowledged).toBe(2); // the case, and its blob references (document.meta)
    // Every distinct blob of the case went up once (test images may share bytes once their metadata is stripped).
    const distinct = (
      a.f
        .db()
        .prepare(
          'SELECT count(DISTINCT a.sha256) AS n FROM case_attachment l JOIN attachment a ON a.id = l.attachment_id WHERE l.case_id = ?',
        )
        .get(caseId) as { n: number }
    ).n;
    expect(ra.summary.blobsSent).toBe(distinct);
    const rb = await b.f.engine.run('test');
    expect(rb.outcome).toBe('ok');
    return { clock, p, a, b, caseId, big };
  }

  it('a case taken on A, opened on B: its face photo, signature and scanned pages are fetched on demand, SHA-256 checked, equal to A’s bytes', async () => {
    const { clock, a, b, caseId } = await stationWithCase();
    expect(b.svc.mustGet(caseId).case_no).toBe(a.svc.mustGet(caseId).case_no);

    const listed = remoteBlobsOfCase(b.f.db(), caseId);
    expect(listed.map((r) => [r.role, r.ref, r.page, r.kind, r.mime, r.state])).toEqual([
      ['face', HUSBAND.idNumber, 0, 'face-photo', 'image/jpeg', 'remote'],
      ['material', 'hukou', 0, 'document-scan', 'image/jpeg', 'remote'],
      ['material', 'income_statement', 0, 'document-scan', 'application/pdf', 'remote'],
      ['signature', HUSBAND.idNumber, 0, 'signature', 'image/png', 'remote'],
    ]);
    // On A the same references are its own attachments: nothing to fetch, nothing listed.
    expect(remoteBlobsOfCase(a.f.db(), caseId)).toEqual([]);

    for (const ref of listed) expect(bytesOf(b.f.db(), clock, ref.sha256)).toBeNull();
    for (const ref of listed) {
      const got = await b.f.engine.fetchBlob(caseId, ref.sha256);
      expect(got.state).toBe('stored');
      const mine = bytesOf(b.f.db(), clock, ref.sha256)!;
      expect(mine.equals(bytesOf(a.f.db(), clock, ref.sha256)!)).toBe(true);
    }
    expect(remoteBlobsOfCase(b.f.db(), caseId).map((r) => r.state)).toEqual(['stored', 'stored', 'stored', 'stored']);

    // Through the contract method a clerk's page calls: the bytes, base64; the view audited.
    const deps = {
      clock,
      logger: noLogger,
      emit: () => undefined,
      version: '0.1.0-test',
      deviceId: async () => MACHINE_B,
      services: async () => ({ station: b.f.t.station, auth: b.f.t.auth, accounts: b.f.t.accounts, config: b.f.t.config }),
    } as unknown as CoreDeps;
    const cap = syncCapability(deps);
    cleanups.push(() => cap.close?.());
    const ctx = { session: { userId: b.f.t.adminId, roles: ['clerk'], sessionId: 's' } } as unknown as SessionCallContext;
    const face = listed[0]!;
    const opened = await cap.handlers['sync.fetchBlob'](syncFetchBlob.input.parse({ caseId, sha256: face.sha256 }), ctx);
    expect(opened).toMatchObject({ state: 'stored', mime: 'image/jpeg', message: null });
    expect(Buffer.from(opened.base64!, 'base64').equals(bytesOf(a.f.db(), clock, face.sha256)!)).toBe(true);
    expect((await cap.handlers['sync.caseBlobs']({ caseId }, ctx)).blobs.map((x) => x.state)).toEqual([
      'stored',
      'stored',
      'stored',
      'stored',
    ]);
    const audited = b.f.db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.fetch_blob' AND target_id = ?").get(caseId);
    expect(audited).toEqual({ n: 1 });
    // A fetched attachment is never announced back to the platform by B.
    await b.f.engine.run('test');
    expect(b.f.db().prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'document.meta'").get()).toEqual({ n: 0 });
  }, 60_000);

  it('a download cut mid-way through the link simulator resumes from its offset; nothing is fetched twice', async () => {
    let proxy: LinkProxy | undefined;
    let armed = false;
    let faulty = 0;
    const { clock, a, b, caseId, big } = await stationWithCase({
      via: async (port) => {
        proxy = await startLinkProxy({
          target: { port },
          seed: 11,
          down: { bytesPerSecond: 2_000_000 },
          // Once armed: the first new connection is closed after 250 KB towards B (mid-download).
          faults: () => (armed && faulty++ === 0 ? { cutDownAfter: 250_000, cutMode: 'close' } : undefined),
        });
        cleanups.push(() => proxy!.close());
        return proxy.url;
      },
    });
    armed = true;
    proxy!.cutAll('close'); // B's kept-alive connection goes; the download opens a new, faulty one
    const before = proxy!.stats().bytesDown;
    const got = await b.f.engine.fetchBlob(caseId, big.sha256);
    expect(got.state).toBe('stored');
    const connections = proxy!.stats().perConnection;
    const cut = connections.filter((c) => c.cut);
    expect(cut.some((c) => c.bytesDown >= 250_000 && c.bytesDown < 260_000)).toBe(true); // cut mid-body
    const down = proxy!.stats().bytesDown - before;
    const ciphertext = big.size + 16;
    // One copy of the ciphertext plus headers (two sessions, two GETs): the 250 KB that arrived before the cut were not fetched again.
    expect(down).toBeGreaterThan(ciphertext);
    expect(down - ciphertext).toBeLessThan(8 * 1024);
    console.log(`download resume (close at 250000 B of ${ciphertext} B): ${down - ciphertext} B of overhead, 0 B fetched twice`);
    expect(bytesOf(b.f.db(), clock, big.sha256)!.equals(bytesOf(a.f.db(), clock, big.sha256)!)).toBe(true);
    expect(downloadedBytes(b.f.db(), big.sha256)).toBe(0); // the partial ciphertext is dropped once stored
  }, 60_000);

  it('a cut download is kept across tries: an offline answer, then the next try resumes from the bytes already here', async () => {
    let proxy: LinkProxy | undefined;
    let armed = false;
    const { clock, a, b, caseId, big } = await stationWithCase({
      via: async (port) => {
        proxy = await startLinkProxy({
          target: { port },
          seed: 5,
          // Once armed: every connection is cut 50 KB towards B — the line keeps failing.
          faults: () => (armed ? { cutDownAfter: 50_000, cutMode: 'reset' } : undefined),
        });
        cleanups.push(() => proxy!.close());
        return proxy.url;
      },
    });
    armed = true;
    proxy!.cutAll('close');
    // Each try gets a bit further; when the tries run out the clerk sees "offline" and the bytes stay.
    expect(await b.f.engine.fetchBlob(caseId, big.sha256)).toEqual({ state: 'offline' });
    expect(downloadedBytes(b.f.db(), big.sha256)).toBeGreaterThan(50_000);
    expect(bytesOf(b.f.db(), clock, big.sha256)).toBeNull();
    armed = false;
    proxy!.cutAll('close');
    const kept = downloadedBytes(b.f.db(), big.sha256);
    const before = proxy!.stats().bytesDown;
    const second = await b.f.engine.fetchBlob(caseId, big.sha256);
    expect(second.state).toBe('stored');
    expect(proxy!.stats().bytesDown - before).toBeLessThan(big.size + 16 - kept + 8 * 1024);
    expect(bytesOf(b.f.db(), clock, big.sha256)!.equals(bytesOf(a.f.db(), clock, big.sha256)!)).toBe(true);
  }, 60_000);

  it('a tampered blob is refused: 校验失败, nothing stored; the next try after the platform is repaired stores it', async () => {
    const { clock, p, a, b, caseId } = await stationWithCase();
    const scan = remoteBlobsOfCase(b.f.db(), caseId).find((r) => r.ref === 'hukou')!;
    const file = blobPath(p.dataDir, scan.sha256);
    const good = readFileSync(file);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)]! ^= 0x01;
    writeFileSync(file, bad);
    const refused = await b.f.engine.fetchBlob(caseId, scan.sha256);
    expect(refused).toEqual({ state: 'failed', code: 'SYNC_BLOB_HASH_MISMATCH' });
    expect(bytesOf(b.f.db(), clock, scan.sha256)).toBeNull();
    expect(downloadedBytes(b.f.db(), scan.sha256)).toBe(0);
    expect(remoteBlobsOfCase(b.f.db(), caseId).find((r) => r.sha256 === scan.sha256)).toMatchObject({
      state: 'failed',
      error: 'SYNC_BLOB_HASH_MISMATCH',
    });
    writeFileSync(file, good);
    expect((await b.f.engine.fetchBlob(caseId, scan.sha256)).state).toBe('stored');
    expect(bytesOf(b.f.db(), clock, scan.sha256)!.equals(bytesOf(a.f.db(), clock, scan.sha256)!)).toBe(true);
  }, 60_000);

  it('station scope: a device of another station gets 404; so does a blob the case does not reference', async () => {
    const { p, b, caseId, big } = await stationWithCase();
    const path = (c: string, sha: string) => `${p.platform.url}/v1/cases/${encodeURIComponent(c)}/blobs/${sha}`;
    const stranger = await enrolClient(p.platform, 'ST-OTHER');
    const other = await request(path(caseId, big.sha256), {
      method: 'GET',
      headers: { Authorization: `Bearer ${await stranger.session()}` },
    });
    expect(other.status).toBe(404);
    expect(JSON.parse(other.body.toString('utf8'))).toMatchObject({ code: 'NOT_FOUND' });
    const sameStation = await enrolClient(p.platform, 'ST-HALL');
    const token = await sameStation.session();
    expect((await request(path(caseId, big.sha256), { method: 'GET', headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await request(path(caseId, 'f'.repeat(64)), { method: 'GET', headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      404,
    );
    expect((await request(path('another-case', big.sha256), { method: 'GET', headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      404,
    );
    expect((await request(path(caseId, big.sha256), { method: 'GET' })).status).toBe(401);
    // B is not offered anything of the other station, and cannot ask for it.
    await expect(b.f.engine.fetchBlob('another-case', big.sha256)).rejects.toMatchObject({ code: 'SYNC_BLOB_REF_UNKNOWN' });
  }, 60_000);
});
