import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCharacter } from '../../common/idnumber/checksum';
import type { OutboxRecord } from '../../common/sync/push';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../platform';
import type { StoreFixture } from '../test-support/stores';
import { TestClient } from './client';

/**
 * A platform on a fresh temporary data directory and a fresh store of `store`'s kind (SQLite when
 * not given); `cleanup` stops it and removes the directory. To restart on the same data, pass the
 * returned `dataDir` and `pgUrl` back in.
 */
export async function tempPlatform(
  options: Partial<PlatformOptions> = {},
  store?: StoreFixture,
): Promise<{ platform: RunningPlatform; dataDir: string; pgUrl?: string; cleanup: () => Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'jiuzhu-platform-'));
  const pgUrl = options.pgUrl ?? (options.dataDir ? undefined : (await store?.fresh())?.pgUrl);
  const suites = options.suites ?? store?.suites;
  const platform = await startPlatform({ ...options, dataDir, ...(pgUrl ? { pgUrl } : {}), ...(suites ? { suites } : {}) });
  return {
    platform,
    dataDir,
    ...(pgUrl ? { pgUrl } : {}),
    cleanup: async () => {
      await platform.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Enrol a new test workstation of `stationId`, optionally talking through another base URL (a link proxy). */
export async function enrolClient(platform: RunningPlatform, stationId = 'ST-0001', via?: string, machineId?: string): Promise<TestClient> {
  const slip = await platform.admin.createEnrolmentCode({ stationId, regionCode: '500110' });
  return TestClient.enrol(via ?? platform.url, { code: slip.code, fingerprint: slip.fingerprint, ...(machineId ? { machineId } : {}) });
}

/** A valid resident ID number from a serial (Chongqing Changshou, born 1960-01-01 + n days). */
export function idNumber(serial: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + (serial % 15000) * 86400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `500115${birth}${String(100 + (serial % 900)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A new case record (base version 0) for the client's next sequence. */
export function newCase(client: TestClient, caseId: string, serial = 1, extra: Partial<OutboxRecord> = {}): OutboxRecord {
  return client.record({
    kind: 'case.upsert',
    caseId,
    baseVersion: 0,
    body: { applicant: { name: '王小文', idNumber: idNumber(serial) }, category: '最低生活保障', members: 3 },
    ...extra,
  });
}
