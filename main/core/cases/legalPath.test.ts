import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundlePayload } from '../../../common/sync/push';
import { makeRecordValidator } from '../../../city-platform/apply/validateRecord';
import { codeOf, tempDir } from '../kernel/store/testing/fixtures';
import { Outbox, type OutboxRow } from '../sync/outbox/outbox';
import { faceCapture, intakeSignature } from './testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from './testing/household';
import { caseStation } from './testing/station';

/**
 * The case work split by what it does (caseService.ts): the intake puts a case on the legal path,
 * the legal path takes every later step, and each of those steps' `case.upsert` comes from the one
 * builder (sync-protocol/records/caseUpsert.ts) through LegalPath — judged here by the reference
 * platform's validator.
 */
let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof caseStation>;
beforeEach(() => {
  dir = tempDir();
  env = caseStation(dir.dir);
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const validate = makeRecordValidator(() => '2026-02-12');
const asRecord = (r: OutboxRow, seq: number): BundlePayload['records'][number] => ({
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  seq,
  kind: r.kind,
  caseId: r.caseId,
  ...(r.baseVersion === null ? {} : { baseVersion: r.baseVersion }),
  blobs: r.blobs,
  madeAt: '2026-02-12T01:00:00.000Z',
  body: r.body,
});
const upserts = (caseId: string) => new Outbox(env.t.station.db, env.clock).byCase(caseId).filter((r) => r.kind === 'case.upsert');

/** A submitted three-person 低保 case with both adults' authorizations, through the intake. */
function submittedCase(): string {
  const { intake } = env.svc;
  const saved = intake.saveDraft(env.actor, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
  for (const p of [HUSBAND, WIFE]) intake.authorize(env.actor, saved.caseId, p.idNumber, intakeSignature(saved.caseId, p), faceCapture());
  intake.submit(env.actor, saved.caseId, saved.rev);
  return saved.caseId;
}

describe('the intake and the legal path, with one case.upsert builder', () => {
  it('submit, 受理, the investigation and the extension each queue one record the platform takes, versions in a chain', () => {
    const { legalPath } = env.svc;
    const caseId = submittedCase();
    legalPath.decide(env.actor, caseId, 1, { kind: 'accept' });
    legalPath.act(env.actor, caseId, 2, 'startInvestigation', null);
    legalPath.extendDecision(env.actor, caseId, 3, '申请人户籍地与居住地分离，调查难度大');

    const records = upserts(caseId);
    expect(records.map((r) => [r.baseVersion, r.body['version'], r.body['action'], r.body['state']])).toEqual([
      [0, 1, 'submit', 'submitted'],
      [1, 2, 'accept', 'accepted'],
      [2, 3, 'startInvestigation', 'investigating'],
      [3, 4, 'extendDecision', 'investigating'],
    ]);
    records.forEach((r, i) => expect(validate(asRecord(r, i + 1)), String(r.body['action'])).toEqual({ ok: true }));
    // A move of the state machine carries the household; the extension only the reference and what it adds.
    expect(records.slice(0, 3).every((r) => typeof r.body['application'] === 'object')).toBe(true);
    expect(records[3]!.body).not.toHaveProperty('application');
    expect(records[3]!.body).toMatchObject({ decisionDue: '2026-04-23', reason: '申请人户籍地与居住地分离，调查难度大' });
    expect(env.svc.repo.get(caseId)).toMatchObject({ state: 'investigating', version: 4 });
  });

  it('a record on the case (LegalPath.record): version + 1, one timeline line, a reference case.upsert with its blobs; state and household kept', () => {
    const caseId = submittedCase();
    const row = env.svc.repo.get(caseId)!;
    const blob = 'ab'.repeat(32);
    const version = env.t.station.db.transaction(() =>
      env.svc.legalPath.record(row, env.svc.application(row), 'visit', env.actor, '入户调查', { visitedOn: '2026-02-12' }, [blob, blob]),
    )();
    expect(version).toBe(2);
    expect(env.svc.repo.get(caseId)).toMatchObject({ state: 'submitted', version: 2, data: row.data });
    expect(env.svc.repo.events(caseId).at(-1)).toMatchObject({ action: 'visit', from_state: null, to_state: null, note: '入户调查' });
    const last = upserts(caseId).at(-1)!;
    expect(last).toMatchObject({ baseVersion: 1, blobs: [blob] });
    expect(last.body).toMatchObject({ version: 2, action: 'visit', state: 'submitted', visitedOn: '2026-02-12' });
    expect(last.body).not.toHaveProperty('application');
  });

  it('a step the state machine refuses changes nothing: no version, no record', () => {
    const caseId = submittedCase();
    expect(codeOf(() => env.svc.legalPath.act(env.actor, caseId, 1, 'approve', null))).toBe('CASE_ILLEGAL_TRANSITION');
    expect(codeOf(() => env.svc.legalPath.act(env.actor, caseId, 1, 'accept', null))).toBe('CASE_ILLEGAL_TRANSITION');
    expect(env.svc.repo.get(caseId)!.version).toBe(1);
    expect(upserts(caseId)).toHaveLength(1);
  });

  it('in the cases capability only LegalPath calls the case.upsert builder', () => {
    const callers: string[] = [];
    const walk = (folder: string) => {
      for (const e of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes('caseUpsertRecord('))
          callers.push(path.slice(__dirname.length + 1));
      }
    };
    walk(__dirname);
    expect(callers).toEqual(['legalPath.ts']);
  });
});
