import { describe, expect, it } from 'vitest';
import { makeRecordValidator } from './validateRecord';

/** The reference platform's checks of 临时救助 payments and 低收入人口 monitoring (protocol §5.8), through its record validator. */
const validate = makeRecordValidator(() => '2026-09-01');
const record = (kind: string, body: Record<string, unknown>, caseId = 'C-1') => ({
  id: '00000000-0000-4000-8000-000000000001',
  seq: 7,
  kind,
  caseId,
  madeAt: '2026-09-01T01:00:00Z',
  body,
});
const detail = (r: ReturnType<typeof validate>) => (r.ok ? null : String(r.params['detail'] ?? r.code));
const ADVANCE = {
  paymentId: 'p-1',
  caseId: 'C-1',
  kind: 'advance',
  amountFen: 80000,
  form: 'cash',
  payments: 1,
  paidOn: '2026-08-31',
  paidBy: '王明',
  reason: '家中失火',
  papersDueOn: '2026-09-07',
  recordedAt: '2026-09-01T01:00:00Z',
};
const GRANT = {
  paymentId: 'p-2',
  caseId: 'C-1',
  kind: 'grant',
  decisionId: 'dec-1',
  amountFen: 150000,
  form: 'in_kind',
  inKind: '棉被 2 床',
  payments: 3,
  recordedAt: '2026-09-01T01:00:00Z',
};
/** A valid resident ID number (check digit per GB 11643), born 1980-05-12. */
const HOLDER = '500110198005120259';
const ENTER = {
  monitoringId: 'm-1',
  caseId: 'C-1',
  action: 'enter',
  origin: 'refused',
  idNumbers: [HOLDER],
  reason: '申请未获批准，收入接近标准',
  at: '2026-09-01T01:00:00Z',
};

describe('relief.payment and monitoring.entry on the platform', () => {
  it('accepts a well-formed advance, grant and monitoring entry/exit', () => {
    expect(validate(record('relief.payment', ADVANCE))).toEqual({ ok: true });
    expect(validate(record('relief.payment', GRANT))).toEqual({ ok: true });
    expect(validate(record('monitoring.entry', ENTER))).toEqual({ ok: true });
    expect(validate(record('monitoring.entry', { ...ENTER, action: 'exit' }))).toEqual({ ok: true });
  });

  it('rejects a malformed payment or monitoring record with the field at fault', () => {
    expect(detail(validate(record('relief.payment', { ...ADVANCE, papersDueOn: undefined })))).toContain('kind');
    expect(detail(validate(record('relief.payment', { ...GRANT, inKind: undefined })))).toContain('inKind');
    expect(detail(validate(record('relief.payment', { ...ADVANCE, form: 'cheque' })))).toContain('form');
    expect(detail(validate(record('relief.payment', { ...ADVANCE, paidOn: '2026-09-02' })))).toContain('paidOn');
    expect(detail(validate(record('relief.payment', ADVANCE, 'C-2')))).toContain('caseId');
    expect(detail(validate(record('monitoring.entry', { ...ENTER, idNumbers: ['500110198005120011'] })))).toContain('idNumbers.0');
    expect(detail(validate(record('monitoring.entry', { ...ENTER, name: '张建国' })))).toBeTruthy();
    expect(detail(validate(record('monitoring.entry', { ...ENTER, reason: '' })))).toContain('reason');
  });
});
