import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { startLinkProxy } from '../../../../../tools/linkProxy/proxy';
import { seededRandom } from '../../../../../tools/linkProxy/prng';
import { caseStep } from '../../../../../city-platform/testClient/fixtures';
import type { RunningPlatform } from '../../../../../city-platform/platform';
import { AttachmentStore } from '../../../kernel/store/attachments/attachmentStore';
import { ADMIN, FakeClock, makeStation, tempDir, type TestStation } from '../../../kernel/store/testing/fixtures';
import { noLogger, type Db } from '../../../kernel/store/types';
import { Outbox } from '../../outbox/outbox';
import { SyncEngine, type SyncEngineOptions } from '../engine';

/** A logged-in test station with a sync engine (fast backoff), and helpers to fill its outbox. */
export interface EngineFixture {
  t: TestStation;
  engine: SyncEngine;
  db(): Db;
  cleanup: () => void;
  /** Enqueue a case.upsert (valid ID number from `serial`) in its own transaction. */
  enqueueCase(caseId: string, serial: number, options?: { baseVersion?: number; blobs?: string[]; name?: string }): string;
  /** Store an attachment (a small "PDF" of `size` random bytes) and return its SHA-256. */
  putBlob(size: number): string;
}

export function engineFixture(options: Partial<SyncEngineOptions> & { machineId?: string; clock?: FakeClock } = {}): EngineFixture {
  const { dir, cleanup } = tempDir('jiuzhu-sync-');
  const clock = options.clock ?? new FakeClock(Date.now());
  const t = makeStation(dir, { clock, ...(options.machineId ? { machineId: options.machineId } : {}) });
  t.auth.login(ADMIN.username, ADMIN.password);
  const engine = new SyncEngine({
    clock,
    logger: noLogger,
    db: () => t.station.db,
    appVersion: '0.1.0-test',
    backoff: { baseMs: 5, capMs: 60 },
    maxAttempts: 40,
    idleTimeoutMs: 5_000,
    ...options,
  });
  return {
    t,
    engine,
    db: () => t.station.db,
    cleanup: () => {
      engine.close();
      t.station.close();
      cleanup();
    },
    enqueueCase(caseId, serial, o = {}) {
      // The station's current connection: tests close and reopen the store (log out and in).
      const db = t.station.db;
      return db.transaction(() =>
        new Outbox(db, clock).enqueue({
          ...caseStep(caseId, serial, { baseVersion: o.baseVersion ?? 0, ...(o.name ? { name: o.name } : {}) }),
          ...(o.blobs ? { blobs: o.blobs } : {}),
        }),
      )().id;
    },
    putBlob(size) {
      const db = t.station.db;
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(Math.max(0, size - 16)), Buffer.from('\n%%EOF\n')]);
      return new AttachmentStore(db, clock).put('generated-pdf', bytes).sha256;
    },
  };
}

/** Register the fixture's engine with the platform (optionally through another URL, e.g. a link proxy). */
export async function registerWith(f: EngineFixture, platform: RunningPlatform, stationId: string, via?: string) {
  const slip = await platform.admin.createEnrolmentCode({ stationId, regionCode: '500110' });
  return f.engine.register({
    platformUrl: via ?? platform.url,
    code: slip.code,
    fingerprint: slip.fingerprint,
    deviceName: '一号窗口',
    appVersion: '0.1.0-test',
    machineId: f.t.station.machineId,
  });
}

/**
 * What a pulled kind's exactly-once test goes through: syncs until a run ends ok while the link cuts the
 * first six pull answers partway (reset, close, half-close in turn) and half of the pull requests are
 * sent twice (the first answer dropped). Expects the run to end ok with at least one cut; the
 * registration points at the platform again afterwards.
 */
export async function syncThroughCuts(f: EngineFixture, platform: RunningPlatform, seed: number, attempts = 8): Promise<void> {
  const random = seededRandom(seed);
  const proxy = await startLinkProxy({
    target: { port: platform.port },
    seed,
    faults: (index) =>
      index < 6
        ? { cutDownAfter: 200 + Math.floor(random() * 1500), cutMode: (['reset', 'close', 'half-close'] as const)[index % 3]! }
        : undefined,
  });
  const http = f.engine.http;
  const original = http.request.bind(http);
  try {
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(proxy.url);
    http.request = async (url, input) => {
      if (String(url).endsWith('/v1/pull') && random() < 0.5) await original(url, input).catch(() => undefined);
      return original(url, input);
    };
    let outcome = '';
    for (let attempt = 0; attempt < attempts && outcome !== 'ok'; attempt++) outcome = (await f.engine.run('manual')).outcome;
    expect(outcome).toBe('ok');
    expect(proxy.stats().cuts).toBeGreaterThan(0);
  } finally {
    http.request = original;
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(platform.url);
    await proxy.close();
  }
}
