import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApplicationOnlineBodyInput } from '../../sync-protocol/records/index';
import { openStore } from '../store/open';
import type { PlatformStore } from '../store/types';
import { idNumber, tempPlatform } from '../testClient/fixtures';
import { describeStores } from '../testing/stores';
import { fileOnlineApplication } from './applicationOnline';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** An application of one person with one page per file given (bytes of any kind: the platform keeps them as they are). */
function application(serial: number, files: Buffer[]): ApplicationOnlineBodyInput {
  const id = idNumber(serial);
  const person = {
    idNumber: id,
    name: '王小文',
    sex: Number(id[16]) % 2 === 1 ? ('男' as const) : ('女' as const),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  };
  return {
    submittedAt: new Date(Date.now() - 86_400_000).toISOString(),
    source: 'miniProgram',
    type: 'dibao',
    applicant: { ...person, source: 'typed' },
    members: [{ ...person, relationship: 'self' }],
    papers: files.map((f, i) => ({ sha256: sha(f), contentType: 'image/jpeg' as const, size: f.length, material: 'hukou', page: i + 1 })),
  };
}

/**
 * The files of an online application (`apply`, `fileApplication`) never outlive their row: a station
 * the platform does not know is refused before a byte is written, and files written for a row that
 * then failed are removed unless another row holds them. Counted in the platform's blob folder.
 */
describeStores('online application files: none on disk that no row holds', (fixture) => {
  let platform: Awaited<ReturnType<typeof tempPlatform>>;
  let work: string;
  let store: PlatformStore | undefined;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'jiuzhu-apply-files-'));
    platform = await tempPlatform({}, fixture);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await platform?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  /** Every file under the blob folder, by name. */
  const blobFiles = () =>
    readdirSync(join(platform.dataDir, 'blobs'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  const apply = (args: string[]) =>
    run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        join(ROOT, 'city-platform', 'cli.ts'),
        'apply',
        '--data',
        platform.dataDir,
        ...(platform.pgUrl ? ['--pg', platform.pgUrl] : []),
        ...args,
      ],
      { cwd: ROOT },
    );

  it('`apply` for a station no device or enrolment code names is refused and leaves no file; for a known station the files are kept', async () => {
    await platform.platform.admin.createEnrolmentCode({ stationId: 'ST-KNOWN', regionCode: '500110' });
    const files = [randomBytes(2_000), randomBytes(3_000)];
    writeFileSync(join(work, 'application.json'), JSON.stringify(application(11, files)));
    const blobArgs = files.flatMap((f, i) => {
      writeFileSync(join(work, `page-${i}.jpg`), f);
      return ['--blob', join(work, `page-${i}.jpg`)];
    });
    const before = blobFiles();

    const refused = await apply(['--station', 'ST-NOWHERE', '--file', join(work, 'application.json'), ...blobArgs]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('申请未登记');
    expect(blobFiles()).toEqual(before);
    expect(await platform.platform.admin.onlineApplications('ST-NOWHERE')).toEqual([]);

    await apply(['--station', 'ST-KNOWN', '--file', join(work, 'application.json'), ...blobArgs, '--json']);
    expect(blobFiles()).toEqual([...before, ...files.map(sha)].sort());
  }, 60_000);

  it('a row that fails after its files were written: the files it made that no row holds are removed, a held one stays', async () => {
    store = await openStore({ dataDir: platform.dataDir, pgUrl: platform.pgUrl });
    await platform.platform.admin.createEnrolmentCode({ stationId: 'ST-KNOWN', regionCode: '500110' });
    const shared = randomBytes(2_500);
    const first = [shared, randomBytes(1_500)];
    const filed = await fileOnlineApplication(
      store,
      platform.dataDir,
      'oa-same',
      { stationId: 'ST-KNOWN', body: application(12, first), blobs: first },
      Date.now(),
    );
    expect(filed.id).toBe('oa-same');
    expect(blobFiles()).toEqual(first.map(sha).sort());

    // The same application id again: the insert fails (its key is taken) after the new page was written.
    const second = [shared, randomBytes(4_000)];
    await expect(
      fileOnlineApplication(
        store,
        platform.dataDir,
        'oa-same',
        { stationId: 'ST-KNOWN', body: application(13, second), blobs: second },
        Date.now(),
      ),
    ).rejects.toThrow();
    expect(blobFiles()).toEqual(first.map(sha).sort());
    expect(existsSync(join(platform.dataDir, 'blobs', sha(second[1]!).slice(0, 2), sha(second[1]!)))).toBe(false);
    expect((await platform.platform.admin.onlineApplications('ST-KNOWN')).map((a) => a.id)).toEqual(['oa-same']);
  });
});
