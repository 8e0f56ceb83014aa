import { describe, expect, it } from 'vitest';
import { applicationSchema } from '../../common/cases/application';
import { caseUpsertBodySchema, caseUpsertRecord } from './caseUpsert';

const applicant = { idNumber: '500115196001010018', name: '王小文', sex: '女' as const, birthDate: '1960-01-01' };
const app = applicationSchema.parse({ type: 'dibao', subtype: undefined, applicant, members: [{ ...applicant, relationship: 'self' }] });
const step = {
  caseId: 'C-1',
  caseNo: '500110-2026-01-00007',
  baseVersion: 3,
  state: 'accepted' as const,
  at: '2026-09-01T01:00:00.000Z',
  app,
};

describe('the one case.upsert builder', () => {
  it('writes a move of the legal path with the household, in the wire order the case service always wrote', () => {
    const r = caseUpsertRecord({ ...step, action: 'accept', content: 'household', extra: { decision: { id: 'd-1' } } });
    expect(r).toMatchObject({ kind: 'case.upsert', caseId: 'C-1', baseVersion: 3 });
    expect(Object.keys(r.body)).toEqual([
      'caseId',
      'caseNo',
      'version',
      'state',
      'action',
      'at',
      'type',
      'subtype',
      'relatedParty',
      'applicant',
      'application',
      'decision',
    ]);
    expect(r.body).toMatchObject({
      version: 4,
      type: 'dibao',
      subtype: null,
      relatedParty: false,
      applicant: { idNumber: applicant.idNumber, name: '王小文' },
      application: app,
    });
  });

  it('writes a record that leaves the state with the type and the applicant only, what it adds beside them', () => {
    const r = caseUpsertRecord({
      ...step,
      action: 'extendDecision',
      content: 'reference',
      extra: { decisionDue: '2026-10-20', reason: '需补充入户调查' },
    });
    expect(JSON.stringify(r.body)).toBe(
      '{"caseId":"C-1","caseNo":"500110-2026-01-00007","version":4,"state":"accepted","action":"extendDecision","at":"2026-09-01T01:00:00.000Z","type":"dibao","applicant":{"idNumber":"500115196001010018","name":"王小文"},"decisionDue":"2026-10-20","reason":"需补充入户调查"}',
    );
  });

  it('names the blobs a step references once each (a visit’s photos and signatures), and none when it has none', () => {
    const photo = 'a'.repeat(64);
    const signature = 'b'.repeat(64);
    expect(caseUpsertRecord({ ...step, action: 'visit', content: 'reference', blobs: [photo, signature, photo] }).blobs).toEqual([
      photo,
      signature,
    ]);
    expect('blobs' in caseUpsertRecord({ ...step, action: 'visit', content: 'reference', blobs: [] })).toBe(false);
  });

  it('reads back what it wrote, and keeps what a step adds that the schema does not name', () => {
    const r = caseUpsertRecord({ ...step, action: 'visit', content: 'reference', extra: { visit: { round: 1 } } });
    const read = caseUpsertBodySchema.parse(JSON.parse(JSON.stringify(r.body)));
    expect(read).toEqual(r.body);
    expect(caseUpsertBodySchema.safeParse({ ...r.body, action: 'Visit!' }).error?.issues[0]?.path).toEqual(['action']);
  });
});
