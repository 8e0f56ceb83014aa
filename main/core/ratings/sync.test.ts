import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ratingFollowUpBodySchema, ratingRecordBodySchema } from '../../../common/sync/ratings';
import { tempPlatform } from '../../../city-platform/testClient/fixtures';
import { FakeClock } from '../kernel/store/testing/fixtures';
import { Outbox } from '../sync/outbox/outbox';
import { engineFixture, registerWith } from '../sync/engine/testing/engineFixture';
import { RatingsService } from './service';

/**
 * 好差评 records reach the REAL reference platform on 127.0.0.1 from a real encrypted station:
 * a rating and a follow-up are acknowledged with their bodies; a malformed one (a staff field) is
 * rejected. The station's own rows keep the clerk on the asking side only.
 */
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('好差评 on the sync wire', () => {
  it('a rating and its follow-up are acknowledged by the platform; a malformed rating is rejected', async () => {
    const clock = new FakeClock(Date.parse('2026-03-02T01:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime() });
    cleanups.push(p.cleanup);
    const f = engineFixture({ clock });
    cleanups.push(f.cleanup);
    await registerWith(f, p.platform, 'ST-0001');
    const db = f.db();
    const svc = new RatingsService({ db, clock, audit: f.t.auth.audit(), station: { name: '桥头镇社会救助工作站', regionCode: '500110' } });

    const askedAt = clock.now();
    const q = svc.asked(
      f.t.adminId,
      svc.resolve({ service: 'enquiry' }),
      'view_abcdefghijklmnopqrstuvwxyz',
      askedAt,
      new Date(askedAt.getTime() + 180_000),
    );
    clock.advance(15_000);
    const ratingId = svc.rate(q, { level: 'very_dissatisfied', reasons: ['attitude'], comment: '说话不耐烦' });
    svc.followUp(f.t.adminId, { ratingId, action: 'rectify', note: '窗口人员已接受提醒', close: true });
    // What the station keeps: the clerk with the question (staff side), never with the answer.
    expect(
      Object.keys(db.prepare('SELECT * FROM rating WHERE id = ?').get(ratingId) as object).filter((k) => /by|staff|clerk/.test(k)),
    ).toEqual([]);
    expect(db.prepare('SELECT served_by FROM rating_request WHERE id = ?').get(q.id)).toEqual({ served_by: f.t.adminId });
    // A record written by hand with a staff field: the platform refuses it.
    db.transaction(() =>
      new Outbox(db, clock).enqueue({
        kind: 'rating.record',
        body: {
          ...JSON.parse((db.prepare("SELECT body FROM outbox WHERE kind = 'rating.record'").get() as { body: string }).body),
          servedBy: '李受理',
        },
      }),
    )();

    const run = await f.engine.run('test');
    expect(run.summary.rejected).toBe(1);
    const held = (await p.platform.admin.records()).filter((r) => r.kind.startsWith('rating.'));
    expect(held.map((r) => [r.kind, r.status])).toEqual([
      ['rating.record', 'acknowledged'],
      ['rating.follow-up', 'acknowledged'],
      ['rating.record', 'rejected'],
    ]);
    const states = db.prepare("SELECT kind, state, reason FROM outbox WHERE kind LIKE 'rating.%' ORDER BY seq").all() as Array<{
      kind: string;
      state: string;
      reason: string | null;
    }>;
    expect(states.map((s) => s.state)).toEqual(['acknowledged', 'acknowledged', 'rejected']);
    expect(states[2]!.reason).toContain('rating.record body：Unrecognized key: "servedBy"');
  });

  it('the OpenAPI file documents both bodies with exactly the fields of their schemas', () => {
    const doc = parse(readFileSync(join(__dirname, '../../../docs/sync-openapi.yaml'), 'utf8')) as {
      components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
    };
    for (const [name, schema] of [
      ['RatingRecordBody', ratingRecordBodySchema],
      ['RatingFollowUpBody', ratingFollowUpBodySchema],
    ] as const) {
      const documented = doc.components.schemas[name]!;
      expect(Object.keys(documented.properties).sort(), name).toEqual(Object.keys(schema.shape).sort());
      expect([...documented.required].sort(), name).toEqual(Object.keys(schema.shape).sort());
    }
  });
});
