import { describe, expect, it } from 'vitest';
import { eligibilityHint } from './eligibility';
import { memberSchema, type Member } from './household';

const member = (idNumber: string, extra: Partial<Member> = {}): Member =>
  memberSchema.parse({ idNumber, name: '张三', sex: '男', birthDate: '1980-01-01', relationship: 'self', ...extra });

describe('eligibility hint', () => {
  const a = '500110198001010011';
  const b = '500110198202020022';
  const c = '500110201003030033';
  const standard = 780_00; // 780 yuan

  it('computes per-capita income and the gap below the standard', () => {
    const hint = eligibilityHint({
      members: [member(a), member(b, { relationship: 'spouse' }), member(c, { relationship: 'child' })],
      income: [
        { memberIdNumber: a, category: 'wages', monthlyFen: 1500_00 },
        { memberIdNumber: b, category: 'transfer', monthlyFen: 300_00 },
        { memberIdNumber: c, category: 'scholarship', monthlyFen: 200_00 },
      ],
      deductionsFen: 100_00,
      standardFen: standard,
    });
    expect(hint.countedIncomeFen).toBe(1800_00);
    expect(hint.excludedIncomeFen).toBe(200_00);
    expect(hint.perCapitaFen).toBe(566_66); // (1800 − 100) / 3, rounded down
    expect(hint.band).toBe('below_standard');
    expect(hint.gapFen).toBe((780_00 - 566_66) * 3);
    expect(hint.steps.join('\n')).toContain('人均收入 = (1800.00 − 100.00) ÷ 3 = 566.66 元/月');
  });

  it('places a household between the standard and 1.5× in the marginal band', () => {
    const hint = eligibilityHint({
      members: [member(a)],
      income: [{ memberIdNumber: a, category: 'wages', monthlyFen: 1000_00 }],
      deductionsFen: 0,
      standardFen: standard,
    });
    expect(hint.marginalLineFen).toBe(1170_00);
    expect(hint.band).toBe('marginal');
    expect(hint.gapFen).toBe(0);
  });

  it('does not count excluded members or their income', () => {
    const hint = eligibilityHint({
      members: [member(a), member(b, { relationship: 'spouse', excluded: 'imprisoned' })],
      income: [{ memberIdNumber: b, category: 'wages', monthlyFen: 5000_00 }],
      deductionsFen: 0,
      standardFen: standard,
    });
    expect(hint.countedMembers).toBe(1);
    expect(hint.countedIncomeFen).toBe(0);
    expect(hint.band).toBe('below_standard');
  });
});
