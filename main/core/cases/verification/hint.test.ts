import { describe, expect, it } from 'vitest';
import type { IncomeItem, Member } from '../../../../common/cases/household';
import { makeIdNumber } from '../demo/synthetic';
import { verificationHint, type VerificationHintInput } from './hint';

const A = makeIdNumber('500110', '1970-01-01', 11, '男');
const B = makeIdNumber('500110', '1972-02-02', 12, '女');
const member = (idNumber: string, name: string, extra: Partial<Member> = {}): Member =>
  ({
    idNumber,
    name,
    relationship: 'self',
    sex: '男',
    birthDate: '1970-01-01',
    seriousIllness: false,
    student: false,
    labourCapacity: 'full',
    employed: false,
    coResident: true,
    ...extra,
  }) as Member;
const income = (memberIdNumber: string, monthlyFen: number): IncomeItem => ({ memberIdNumber, category: 'wages', monthlyFen });
const item = (type: string, amountFen: number) =>
  ({ type, amountFen, source: '来源', asOf: '2026-02-01' }) as VerificationHintInput['report']['members'][number]['items'][number];

const base = (over: Partial<VerificationHintInput> = {}): VerificationHintInput => ({
  report: {
    members: [
      { idNumber: A, name: '甲', items: [] },
      { idNumber: B, name: '乙', items: [] },
    ],
  },
  members: [member(A, '甲'), member(B, '乙')],
  income: [income(A, 100_000)],
  standardFen: 80_000,
  limits: undefined,
  ...over,
});
const codes = (h: ReturnType<typeof verificationHint>) => h.findings.map((f) => f.code);

describe('verificationHint: what a 核对 report says against the declaration and the county limits', () => {
  it('names a member whose reported monthly income is above what they declared, and takes the higher per member into the per-capita figure', () => {
    const h = verificationHint(
      base({
        report: {
          members: [
            { idNumber: A, name: '甲', items: [item('tax', 150_000)] },
            { idNumber: B, name: '乙', items: [item('socialInsurance', 30_000), item('deposit', 999)] },
          ],
        },
      }),
    );
    expect(h.reportedIncomeFen).toBe(180_000);
    expect(h.declaredIncomeFen).toBe(100_000);
    // (max(1000, 1500) + max(0, 300)) / 2 = 900.00
    expect(h.perCapitaFen).toBe(90_000);
    expect(h.findings.filter((f) => f.code === 'incomeAbove').map((f) => f.text)).toEqual([
      '甲：核对月收入 1500.00 元，高于申报的 1000.00 元（差 500.00 元/月）',
      '乙：核对月收入 300.00 元，高于申报的 0.00 元（差 300.00 元/月）',
    ]);
  });

  it('says nothing of a member whose reported income is at or below the declaration; the totals line is always there', () => {
    const h = verificationHint(base({ report: { members: [{ idNumber: A, name: '甲', items: [item('tax', 100_000)] }] } }));
    expect(codes(h)).toEqual(['incomeTotal', 'limitsUnset']);
    expect(h.perCapitaFen).toBe(50_000);
  });

  it('compares deposits per counted member with the county months × the standard (over, and within), and leaves an excluded member out', () => {
    const limits = { depositMonths: 24, vehicleValueFen: null, realEstateCount: null };
    const over = verificationHint(
      base({ limits, report: { members: [{ idNumber: A, name: '甲', items: [item('deposit', 4_000_000)] }] } }),
    );
    // 40,000 / 2 = 20,000 > 24 × 800 = 19,200
    expect(over.findings.find((f) => f.code === 'depositsOver')!.text).toBe(
      '人均存款 20000.00 元，超过本县限额（24 个月低保标准，19200.00 元）',
    );
    const within = verificationHint(
      base({ limits, report: { members: [{ idNumber: A, name: '甲', items: [item('deposit', 3_800_000)] }] } }),
    );
    expect(codes(within)).toContain('depositsWithin');
    // The same deposits held by a member not counted in the household do not count.
    const excluded = verificationHint(
      base({
        limits,
        members: [member(A, '甲'), member(B, '乙', { excluded: 'imprisoned' })],
        report: { members: [{ idNumber: B, name: '乙', items: [item('deposit', 4_000_000)] }] },
      }),
    );
    expect(excluded.depositsFen).toBe(0);
    expect(codes(excluded)).toContain('depositsWithin');
  });

  it('no deposit limit without a standard; vehicles and real estate over their limits; business registrations named; unset limits said', () => {
    const limits = { depositMonths: 24, vehicleValueFen: 2_000_000, realEstateCount: 1 };
    const h = verificationHint(
      base({
        standardFen: null,
        limits,
        report: {
          members: [
            {
              idNumber: A,
              name: '甲',
              items: [item('vehicle', 2_500_000), item('realEstate', 0), item('realEstate', 0), item('business', 0)],
            },
          ],
        },
      }),
    );
    expect(codes(h)).toEqual(['incomeTotal', 'vehicleOver', 'estateOver', 'business']);
    expect(h.findings.find((f) => f.code === 'estateOver')!.text).toBe('不动产 2 处，超过本县限额 1 处');
    const atLimit = verificationHint(
      base({ limits, report: { members: [{ idNumber: A, name: '甲', items: [item('vehicle', 2_000_000), item('realEstate', 0)] }] } }),
    );
    expect(codes(atLimit)).toEqual(['incomeTotal', 'depositsWithin']);
    expect(codes(verificationHint(base()))).toEqual(['incomeTotal', 'limitsUnset']);
  });
});
