import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OutboxRecord } from '../common/sync/push';
import { caseAuthorizationRecord } from '../sync-protocol/records/index';
import type { RunningPlatform } from './platform';
import type { TestClient } from './testClient/client';
import { caseStep, enrolClient, idNumber, newCase, tempPlatform } from './testClient/fixtures';
import { describeStores } from './testing/stores';

const sha = (c: string) => c.repeat(64);

/**
 * The platform emits a `case.status` item into the case's station feed whenever the case's status
 * changes (docs/sync-protocol.md §7.5): after the `case` item of its first upsert, after a signed
 * 授权书, when the station sends it up for 审核确认, after the county's decision — once per change,
 * whatever the number of deliveries of the record that made it, and never to another station.
 */
describeStores('platform: case.status emission', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({}, store));
  });
  afterAll(() => cleanup());

  const statusItems = async (client: TestClient) => {
    const page = await client.pull(undefined, 500);
    return page.items.filter((i) => i.kind === 'case.status') as unknown as Array<{
      id: string;
      feedSeq: number;
      body: { caseId: string; caseNo: string | null; status: string; note?: string };
    }>;
  };

  it('received → verifying → awaiting-decision → decided, each once; a resent bundle and a second decision change nothing; other stations see none', async () => {
    const counter = await enrolClient(platform, 'ST-CS');
    const other = await enrolClient(platform, 'ST-CS-OTHER');
    await counter.push([newCase(counter, 'CS-1', 501)]);
    const authorization = (): OutboxRecord =>
      counter.record({
        ...caseAuthorizationRecord({
          authorizationId: 'auth-cs-1',
          caseId: 'CS-1',
          caseNo: null,
          signer: { idNumber: idNumber(501), name: '王小文', role: 'member' },
          route: 'pad',
          paper: null,
          statement: { version: 1, sha256: sha('d') },
          signature: { sha256: sha('e'), padSha256: sha('f') },
          face: null,
          faceRequired: false,
          signedAt: '2026-11-29T01:00:00Z',
          recordedAt: '2026-11-29T01:00:05Z',
          amendment: 1,
        }),
      });
    const built = counter.bundle([authorization()]);
    expect((await counter.sendBundle(built)).answers[0]!.status).toBe('acknowledged');
    // The same bundle again: answered as a duplicate, no second status.
    expect((await counter.sendBundle(built)).duplicate).toBe(true);
    await counter.push([
      counter.record({
        ...caseStep('CS-1', 501, { baseVersion: 1, state: 'awaiting_decision', action: 'proposeRefusal', caseNo: '500110-2026-01-00031' }),
      }),
    ]);
    const decision = await platform.admin.decide({ caseId: 'CS-1', outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
    await platform.admin.decide({ caseId: 'CS-1', outcome: 'refused', reasons: ['家庭收入超过标准'] });

    const items = await statusItems(counter);
    expect(items.map((i) => i.body.status)).toEqual(['received', 'verifying', 'awaiting-decision', 'decided']);
    expect(items.map((i) => i.id)).toEqual([1, 2, 3, 4].map((n) => `status-CS-1-${n}`));
    expect(items[3]!.body).toEqual({ caseId: 'CS-1', caseNo: '500110-2026-01-00031', status: 'decided', note: '县级民政部门决定批准' });
    // The decision and its status: one transaction, the decision first.
    expect(items[3]!.feedSeq).toBe(decision.feedSeq + 1);
    const kinds = (await counter.pull(undefined, 500)).items.map((i) => i.kind);
    expect(kinds).toEqual(['case', 'case.status', 'case.status', 'case', 'case.status', 'decision', 'case.status', 'decision']);
    expect(await statusItems(other)).toEqual([]);
  });

  it('a rejected or conflicting upsert makes no status', async () => {
    const counter = await enrolClient(platform, 'ST-CS2');
    const intruder = await enrolClient(platform, 'ST-CS3');
    await counter.push([newCase(counter, 'CS-2', 502)]);
    const stale = await counter.push([counter.record({ ...caseStep('CS-2', 502, { baseVersion: 0, state: 'awaiting_decision' }) })]);
    expect(stale.result.answers[0]!.status).toBe('conflict');
    const foreign = await intruder.push([
      intruder.record({ ...caseStep('CS-2', 502, { baseVersion: 1, state: 'awaiting_decision', action: 'proposeRefusal' }) }),
    ]);
    expect(foreign.result.answers[0]!.status).toBe('rejected');
    expect((await statusItems(counter)).map((i) => i.body.status)).toEqual(['received']);
  });
});
