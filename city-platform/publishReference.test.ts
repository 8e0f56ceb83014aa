import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from './platform';
import { openStore } from './store/open';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);

/**
 * `publish-reference` and `publish-policy`: a county table checked with the workstation's schema
 * before it enters the feed (a bad one refused naming the field, nothing fed), the publisher carried
 * as `publishedBy`, `--region` scoping the item.
 */
describe('platform CLI: publish-reference and publish-policy', () => {
  let dataDir: string;
  const cli = (...args: string[]) =>
    run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'city-platform', 'cli.ts'), ...args, '--data', dataDir], { cwd: ROOT });
  const file = (name: string, data: unknown) => {
    const path = join(dataDir, name);
    writeFileSync(path, JSON.stringify(data));
    return path;
  };
  const feed = async () => {
    const store = await openStore({ dataDir });
    try {
      return await store.readFeed({ stationId: 'ST-X', regionCode: '500110', afterSeq: 0, limit: 100 });
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-publish-cli-'));
    await (await startPlatform({ dataDir })).stop();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('publishes a county table with its publisher and region; refuses a bad one naming the field, feeding nothing', async () => {
    const bad = file('bad.json', { effectiveFrom: '2027-02-30', types: { dibao: [{ code: 'hukou', label: '户口簿', required: true }] } });
    const refused = await cli('publish-reference', '--table', 'materials', '--version', '1', '--file', bad).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('参照表 materials 未发布：data effectiveFrom：日期不存在') as unknown,
    });
    const badVersion = await cli('publish-reference', '--table', 'materials', '--version', 'v1', '--file', bad).catch((e: unknown) => e);
    expect(badVersion).toMatchObject({ code: 2, stderr: expect.stringContaining('--version') as unknown });
    expect(await feed()).toEqual([]);

    const standards = { standards: [{ regionPrefix: '5001', residence: 'urban', monthlyFen: 86_000, effectiveFrom: '2027-01-01' }] };
    const out = await cli(
      ...['publish-reference', '--table', 'standards', '--version', '3', '--file', file('s.json', standards)],
      ...['--region', '5001', '--by', '綦江区民政局', '--json'],
    );
    expect(JSON.parse(out.stdout)).toMatchObject({ feedSeq: expect.any(Number) as unknown });
    await cli(
      ...['publish-policy', '--key', 'limits.acceptanceWorkingDays', '--value', '5'],
      ...['--effective-from', '2027-01-01', '--by', '綦江区民政局'],
    );
    expect((await feed()).map((r) => [r.kind, r.regionCode, r.body])).toEqual([
      ['reference', '5001', { table: 'standards', version: 3, data: standards, publishedBy: '綦江区民政局' }],
      ['policy', null, { key: 'limits.acceptanceWorkingDays', value: 5, effectiveFrom: '2027-01-01', publishedBy: '綦江区民政局' }],
    ]);
  });

  it('publish-policy refuses an unknown key, a bad value and a bad day naming the field, feeding nothing', async () => {
    const before = (await feed()).length;
    const refused = (...args: string[]) => cli('publish-policy', ...args).catch((e: unknown) => e);
    expect(await refused('--key', 'hotline.note', '--value', '9')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('参数 hotline.note 未发布：--key 不认识的参数（可发布：limits.acceptanceWorkingDays、') as unknown,
    });
    expect(await refused('--key', 'limits.countyDecisionWorkingDays', '--value', '60')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('参数 limits.countyDecisionWorkingDays 未发布：--value 应为 1 至 45 的整数') as unknown,
    });
    expect(await refused('--key', 'decisionDelegated', '--value', '是')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('参数 decisionDelegated 未发布：--value 应为是或否') as unknown,
    });
    expect(await refused('--key', 'relief.advanceLimitYuan', '--value', '2000', '--effective-from', '2027-02-30')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--effective-from 日期不存在') as unknown,
    });
    expect(await feed()).toHaveLength(before);
    const out = await cli('publish-policy', '--key', 'assetLimits.vehicleValueFen', '--value', 'null', '--json');
    expect(JSON.parse(out.stdout)).toMatchObject({ feedSeq: expect.any(Number) as unknown });
    expect((await feed()).at(-1)?.body).toEqual({ key: 'assetLimits.vehicleValueFen', value: null });
  });
});
