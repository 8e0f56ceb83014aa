import { describe, expect, it } from 'vitest';
import { makeRecordValidator } from './validateRecord';

/** The reference platform's checks of 好差评 records (protocol §5.8), through its record validator. */
const validate = makeRecordValidator(() => '2026-03-02');
const record = (kind: string, body: Record<string, unknown>, caseId?: string, blobs?: string[]) => ({
  id: '00000000-0000-4000-8000-000000000001',
  seq: 9,
  kind,
  ...(caseId ? { caseId } : {}),
  ...(blobs ? { blobs } : {}),
  madeAt: '2026-03-02T01:00:00Z',
  body,
});
const RATING = {
  ratingId: 'rating_abcdefghijklmnopqrstuvwxyz',
  service: 'intake',
  caseId: 'C-1',
  ref: { kind: 'case', id: 'C-1' },
  station: { regionCode: '500110', name: '桥头镇社会救助工作站' },
  level: 'dissatisfied',
  reasons: ['waited'],
  comment: '排队太久',
  askedAt: '2026-03-02T01:00:00.000Z',
  ratedAt: '2026-03-02T01:00:20.000Z',
  scale: 'gb-haochaping-5',
};
const FOLLOW_UP = {
  ratingId: RATING.ratingId,
  caseId: 'C-1',
  action: 'callback',
  note: '已电话回访',
  closed: false,
  at: '2026-03-03T01:00:00.000Z',
};
const detail = (r: ReturnType<typeof validate>) => (r.ok ? null : String(r.params['detail'] ?? r.code));

describe('rating.record and rating.follow-up on the platform', () => {
  it('accepts a rating of a case, an enquiry that found none (no case), and a follow-up', () => {
    expect(validate(record('rating.record', RATING, 'C-1'))).toEqual({ ok: true });
    expect(
      validate(
        record('rating.record', {
          ...RATING,
          service: 'enquiry',
          caseId: null,
          ref: null,
          level: 'very_satisfied',
          reasons: [],
          comment: null,
        }),
      ),
    ).toEqual({ ok: true });
    expect(
      validate(record('rating.record', { ...RATING, service: 'certification', ref: { kind: 'certification', id: 'cert-1' } }, 'C-1')),
    ).toEqual({ ok: true });
    expect(validate(record('rating.follow-up', FOLLOW_UP, 'C-1'))).toEqual({ ok: true });
  });

  it('refuses a level off the scale, a 差评 without reason, a reason not offered, a staff field, another case, blobs', () => {
    expect(detail(validate(record('rating.record', { ...RATING, level: 'good' }, 'C-1')))).toContain('level');
    expect(detail(validate(record('rating.record', { ...RATING, reasons: [], comment: null }, 'C-1')))).toContain('reasons');
    expect(detail(validate(record('rating.record', { ...RATING, level: 'very_dissatisfied', reasons: ['fast'] }, 'C-1')))).toContain(
      'reasons',
    );
    expect(detail(validate(record('rating.record', { ...RATING, servedBy: '李受理' }, 'C-1')))).toBe(
      'rating.record body：Unrecognized key: "servedBy"',
    );
    expect(detail(validate(record('rating.record', RATING, 'C-2')))).toBe('rating.record body.caseId：与记录的 caseId 不一致');
    expect(detail(validate(record('rating.record', RATING)))).toContain('body.caseId');
    expect(detail(validate(record('rating.record', { ...RATING, ref: { kind: 'case', id: 'C-9' } }, 'C-1')))).toContain('ref');
    expect(detail(validate(record('rating.record', RATING, 'C-1', ['a'.repeat(64)])))).toBe('rating.record blobs：此类记录不带附件');
    expect(detail(validate(record('rating.follow-up', { ...FOLLOW_UP, note: '' }, 'C-1')))).toContain('note');
    expect(detail(validate(record('rating.follow-up', { ...FOLLOW_UP, action: 'ignore' }, 'C-1')))).toContain('action');
  });
});
