import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullItem } from '../common/sync/pull';
import type { RunningPlatform } from './platform';
import type { TestClient } from './testClient/client';
import { describeStores } from './testing/stores';
import { enrolClient, newCase, tempPlatform } from './testClient/fixtures';
import { request } from './testClient/http';

describeStores('platform pull', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  /** The platform's clock runs a day ahead: cursors must not care. */
  let skew = 24 * 3600_000;
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({ now: () => Date.now() + skew }, store));
  });
  afterAll(() => cleanup());

  async function pullAll(client: TestClient, cursor: string | undefined, limit: number) {
    const items: PullItem[] = [];
    const pages: number[] = [];
    for (;;) {
      const page = await client.pull(cursor, limit);
      expect(page.mustRefetch).toBe(false);
      items.push(...page.items);
      pages.push(page.items.length);
      cursor = page.cursor;
      if (!page.hasMore) return { items, pages, cursor };
    }
  }

  describe('pull by cursor', () => {
    it('pages decisions, warnings, reference data and policy; other stations see only what is theirs', async () => {
      const counter1 = await enrolClient(platform, 'ST-P');
      const counter2 = await enrolClient(platform, 'ST-P');
      const elsewhere = await enrolClient(platform, 'ST-Q');
      await counter1.push([newCase(counter1, 'P-1', 301)]);
      await platform.admin.publishReference({ table: 'working-days', version: 2026, data: { holidays: ['2026-10-01'] } });
      await platform.admin.setPolicy({ key: 'limits.acceptanceWorkingDays', value: 5, effectiveFrom: '2026-01-01' });
      await platform.admin.decide({ caseId: 'P-1', outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
      await platform.admin.warn({ idNumber: '11010519491231002X', type: 'death', stationId: 'ST-P' });
      await platform.admin.warn({ idNumber: '11010519491231002X', type: 'marriage', regionCode: '500110' });

      const all = await pullAll(counter2, undefined, 2);
      expect(all.pages).toEqual([2, 2, 2, 2]);
      // The case's first upsert and the county's decision each change its platform status (case.status, §7.5).
      expect(all.items.map((i) => i.kind)).toEqual([
        'case',
        'case.status',
        'reference',
        'policy',
        'decision',
        'case.status',
        'warning',
        'warning',
      ]);
      expect(all.items[0]).toMatchObject({ kind: 'case', caseId: 'P-1', version: 1, updatedBy: counter1.device.deviceId });
      expect(all.items[4]).toMatchObject({ kind: 'decision', caseId: 'P-1', outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
      // The cursor is opaque and server-made: no client time in it.
      expect(all.cursor).toMatch(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{16}$/);

      const theirs = await pullAll(elsewhere, undefined, 50);
      expect(theirs.items.map((i) => i.kind)).toEqual(['reference', 'policy', 'warning']);

      // Nothing new: an empty page, same position.
      const idle = await counter2.pull(all.cursor, 10);
      expect(idle).toMatchObject({ items: [], hasMore: false, cursor: all.cursor });
      // New items continue from the cursor, whatever either clock says.
      skew = -24 * 3600_000;
      await platform.admin.decide({ caseId: 'P-1', outcome: 'refused', reasons: ['家庭收入超过标准'] });
      const next = await counter2.pull(all.cursor, 10);
      expect(next.items).toHaveLength(1);
      expect(next.items[0]).toMatchObject({ kind: 'decision', outcome: 'refused', reasons: ['家庭收入超过标准'] });
      skew = 0;
    });

    it('answers must-refetch to a forged cursor and after the feed is rebuilt', async () => {
      const client = await enrolClient(platform, 'ST-R2');
      const first = await pullAll(client, undefined, 100);
      const forged = first.cursor.replace(/\.(\d+)\./, '.0.');
      const refused = await client.pull(forged, 10);
      expect(refused).toMatchObject({ mustRefetch: true, items: [] });

      await platform.admin.resetFeed();
      const stale = await client.pull(first.cursor, 10);
      expect(stale.mustRefetch).toBe(true);
      expect(stale.cursor).not.toBe(first.cursor);
      // Pulling again from the given cursor delivers everything visible, in the new epoch.
      const again = await pullAll(client, stale.cursor, 100);
      expect(again.items.map((i) => i.kind)).toEqual(first.items.map((i) => i.kind));
    });

    it('answers 426 to another protocol version', async () => {
      const answer = await request(`${platform.url}/v1/platform`, { method: 'GET', headers: { 'Jiuzhu-Protocol': '2' } });
      expect(answer.status).toBe(426);
      expect(JSON.parse(answer.body.toString()).code).toBe('SYNC_PROTOCOL_UNSUPPORTED');
    });

    it('admin endpoints need the admin token', async () => {
      const body = Buffer.from(JSON.stringify({ stationId: 'ST-H', regionCode: '500110' }));
      const denied = await request(`${platform.url}/admin/enrolment-codes`, {
        method: 'POST',
        headers: { Authorization: 'Bearer nope' },
        body,
      });
      expect(denied.status).toBe(403);
      expect(JSON.parse(denied.body.toString())).toMatchObject({ code: 'SYNC_ADMIN_FORBIDDEN' });
      const ok = await request(`${platform.url}/admin/enrolment-codes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${platform.adminToken}` },
        body,
      });
      expect(ok.status).toBe(201);
      expect(JSON.parse(ok.body.toString())).toMatchObject({ stationId: 'ST-H', fingerprint: platform.info().fingerprint });
      const bad = await request(`${platform.url}/admin/decisions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${platform.adminToken}` },
        body: Buffer.from(JSON.stringify({ caseId: 'X', outcome: 'approved' })),
      });
      expect(bad.status).toBe(400);
    });
  });
});
