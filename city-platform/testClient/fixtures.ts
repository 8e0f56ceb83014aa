import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applicationSchema } from '../../common/cases/application';
import type { CaseState } from '../../common/cases/stateMachine';
import { checkCharacter } from '../../common/idnumber/checksum';
import type { OutboxRecord } from '../../common/sync/push';
import { caseUpsertRecord, type CaseUpsertRecord } from '../../sync-protocol/records/index';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../platform';
import type { StoreFixture } from '../testing/stores';
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

/**
 * A `case.upsert` as a workstation's builder makes it: the applicant (valid ID number from
 * `serial`) and a household of one, a step on `baseVersion` (0: a new case, submitted).
 */
export function caseStep(
  caseId: string,
  serial = 1,
  o: { baseVersion?: number; name?: string; state?: CaseState; action?: string; caseNo?: string | null; members?: number } = {},
): CaseUpsertRecord {
  const person = (n: number, name: string) => {
    const id = idNumber(n);
    return { idNumber: id, name, sex: '女' as const, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
  };
  const applicant = person(serial, o.name ?? '王小文');
  const members = Array.from({ length: o.members ?? 1 }, (_, i) => ({
    ...(i === 0 ? applicant : person(serial + 1000 * i, `家庭成员${i}`)),
    relationship: i === 0 ? 'self' : 'child',
  }));
  const app = applicationSchema.parse({ type: 'dibao', applicant, members });
  return caseUpsertRecord({
    caseId,
    caseNo: o.caseNo ?? null,
    baseVersion: o.baseVersion ?? 0,
    state: o.state ?? 'submitted',
    action: o.action ?? 'submit',
    at: '2026-11-29T01:30:00.000Z',
    app,
    content: 'household',
  });
}

/** A new case record (base version 0) for the client's next sequence. */
export function newCase(client: TestClient, caseId: string, serial = 1, extra: Partial<OutboxRecord> = {}): OutboxRecord {
  return client.record({ ...caseStep(caseId, serial), ...extra });
}
