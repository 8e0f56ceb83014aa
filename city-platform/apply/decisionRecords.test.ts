import { describe, expect, it } from 'vitest';
import { makeRecordValidator } from './validateRecord';

/** The reference platform's checks of the records about who decides (protocol §5.7), through its record validator. */
const validate = makeRecordValidator(() => '2026-09-01');
const record = (kind: string, body: Record<string, unknown>, caseId = 'C-1') => ({
  id: '00000000-0000-4000-8000-000000000001',
  seq: 7,
  kind,
  caseId,
  madeAt: '2026-09-01T01:00:00Z',
  body,
});
const PROPOSAL = {
  proposalId: 'p-1',
  caseId: 'C-1',
  rosterId: 'r-1',
  origin: 'review',
  originId: 'rv-1',
  outcome: 'stop',
  previousAmountFen: 68000,
  effectiveMonth: '2026-10',
  reasons: ['家庭人均收入超过标准'],
  legalBasis: ['《最低生活保障审核确认办法》第三十一条'],
  proposedAt: '2026-09-01T01:00:00Z',
};
const REFUSAL = {
  decisionId: 'dec-1',
  decisionKind: 'decision',
  caseId: 'C-1',
  code: 'DECISION_WRONG_STEP',
  reason: '案件当前状态为“已受理”，不是待审核确认，不能办理审批决定。',
  caseState: 'accepted',
  receivedAt: '2026-09-01T01:00:00Z',
};
const detail = (r: ReturnType<typeof validate>) => (r.ok ? null : String(r.params['detail'] ?? r.code));

describe('change.proposal and decision.refusal on the platform', () => {
  it('accepts well-formed bodies of both kinds', () => {
    expect(validate(record('change.proposal', PROPOSAL))).toEqual({ ok: true });
    expect(
      validate(
        record('change.proposal', {
          ...PROPOSAL,
          outcome: 'phase_out',
          newAmountFen: 50000,
          phaseOut: { months: 3, endMonth: '2026-12', stopMonth: '2027-01' },
        }),
      ),
    ).toEqual({ ok: true });
    expect(validate(record('decision.refusal', REFUSAL))).toEqual({ ok: true });
  });

  it('rejects what does not parse, what belongs to another case, and a proposal that breaks the rules of its outcome', () => {
    expect(detail(validate(record('change.proposal', { ...PROPOSAL, reasons: [] })))).toContain('reasons');
    expect(detail(validate(record('change.proposal', { ...PROPOSAL, outcome: 'adjust' })))).toContain('newAmountFen');
    expect(
      detail(
        validate(
          record('change.proposal', {
            ...PROPOSAL,
            outcome: 'phase_out',
            newAmountFen: 1,
            phaseOut: { months: 7, endMonth: '2027-04', stopMonth: '2027-05' },
          }),
        ),
      ),
    ).toContain('phaseOut');
    expect(detail(validate(record('change.proposal', { ...PROPOSAL, applicantIdNumber: '500110198001010011' })))).toBeTruthy();
    expect(detail(validate(record('change.proposal', PROPOSAL, 'C-2')))).toContain('caseId');
    expect(detail(validate(record('decision.refusal', { ...REFUSAL, code: 'wrong step' })))).toContain('code');
    expect(detail(validate(record('decision.refusal', { ...REFUSAL, decisionKind: 'warning' })))).toContain('decisionKind');
    expect(validate(record('decision.refusal', REFUSAL))).toEqual({ ok: true });
  });
});
