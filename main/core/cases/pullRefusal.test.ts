import { afterEach, describe, expect, it } from 'vitest';
import { caseStep } from '../../../city-platform/testClient/fixtures';
import { JiuzhuError } from '../../../common/contract/errors';
import { FakeClock } from '../kernel/store/testing/fixtures';
import type { PulledItem } from '../sync/engine/pullHandlers';
import { engineFixture } from '../sync/engine/testing/engineFixture';
import { CaseService } from './caseService';
import { registerCasePullHandler } from './pullHandler';
import { loadCaseResources } from './resources';

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A `case` pull item as the platform feeds it: the body a counter's builder made, at a version. */
const caseItem = (caseId: string, body: Record<string, unknown>): PulledItem => ({
  kind: 'case',
  feedSeq: 7,
  at: Date.parse('2026-02-12T01:00:00Z'),
  caseId,
  version: 1,
  body,
  blobs: [],
  updatedBy: 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa',
});

describe('a pulled case item is read with the case.upsert schema (encrypted store, the cases capability’s handler)', () => {
  it('applies a body a builder made; refuses one with a wrong field, naming the kind and the field, keeps it in pulled_item and creates no case', () => {
    const clock = new FakeClock(Date.parse('2026-02-12T01:00:00Z'));
    const f = engineFixture({ clock });
    cleanups.push(f.cleanup);
    const info = f.t.station.stationInfo()!;
    const svc = new CaseService({
      db: f.db(),
      clock,
      audit: f.t.auth.audit(),
      resources: loadCaseResources(),
      station: { name: info.name, regionCode: info.regionCode },
    });
    cleanups.push(registerCasePullHandler(f.engine.pullHandlers, () => svc));
    const db = f.db();
    const apply = (item: PulledItem) => db.transaction(() => f.engine.pullHandlers.apply(db, item, clock.now().toISOString()))();

    expect(apply(caseItem('C-GOOD', caseStep('C-GOOD', 5).body))).toBeNull();
    expect(svc.repo.get('C-GOOD')).toMatchObject({ state: 'submitted', version: 1, applicant_name: '王小文' });

    const refused = apply(caseItem('C-BAD', { ...caseStep('C-BAD', 6).body, state: 'pending' }));
    expect(refused).toBeInstanceOf(JiuzhuError);
    expect(refused).toMatchObject({ code: 'SYNC_PULL_ITEM_INVALID', details: { kind: 'case', path: 'body.state' } });
    expect(refused!.message).toContain('“case”');
    expect(refused!.message).toContain('case body.state：');
    expect(svc.repo.get('C-BAD') ?? null).toBeNull();
    expect(db.prepare("SELECT kind, item_key FROM pulled_item WHERE item_key = 'C-BAD'").all()).toEqual([
      { kind: 'case', item_key: 'C-BAD' },
    ]);
  });
});
