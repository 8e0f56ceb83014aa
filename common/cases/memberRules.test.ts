import { describe, expect, it } from 'vitest';
import { labourCapacityByAge, relationshipByAge, spouseProblem } from './memberRules';

const TODAY = '2026-02-12';
const self = { birthDate: '1980-05-12', sex: '男' as const };

describe('member defaults and the 配偶 rule', () => {
  it('labour capacity follows the age: none under 16 and from 60, full between', () => {
    expect([0, 10, 15, 16, 59, 60, 85].map(labourCapacityByAge)).toEqual(['none', 'none', 'none', 'full', 'full', 'none', 'none']);
  });

  it('the relationship follows the ages: 子女 and 父母 a generation apart, 配偶 only when none yet and both of marriage age', () => {
    expect(relationshipByAge({ birthDate: '2016-01-01', sex: '男' }, self, [], TODAY)).toBe('child');
    expect(relationshipByAge({ birthDate: '1955-01-01', sex: '女' }, self, [], TODAY)).toBe('parent');
    expect(relationshipByAge({ birthDate: '1982-09-30', sex: '女' }, self, [], TODAY)).toBe('spouse');
    expect(relationshipByAge({ birthDate: '1982-09-30', sex: '女' }, self, [{ relationship: 'spouse' }], TODAY)).toBeUndefined();
    expect(relationshipByAge({ birthDate: '1984-01-01', sex: '男' }, self, [], TODAY)).toBeUndefined();
    expect(relationshipByAge({ birthDate: '2007-01-01', sex: '女' }, { birthDate: '2000-01-01', sex: '男' }, [], TODAY)).toBeUndefined();
    expect(relationshipByAge({ birthDate: '2016-01-01', sex: '男' }, undefined, [], TODAY)).toBeUndefined();
  });

  it('a 配偶 is refused when there is one already, or when either is under the legal age (男 22, 女 20)', () => {
    expect(spouseProblem({ birthDate: '1982-09-30', sex: '女' }, self, [{ relationship: 'self' }], TODAY)).toBeNull();
    expect(spouseProblem({ birthDate: '1982-09-30', sex: '女' }, self, [{ relationship: 'spouse' }], TODAY)).toBe('TWO_SPOUSES');
    expect(spouseProblem({ birthDate: '2006-02-12', sex: '女' }, self, [], TODAY)).toBeNull();
    expect(spouseProblem({ birthDate: '2006-02-13', sex: '女' }, self, [], TODAY)).toBe('SPOUSE_UNDER_AGE');
    expect(spouseProblem({ birthDate: '2004-02-12', sex: '男' }, { birthDate: '1990-01-01', sex: '女' }, [], TODAY)).toBeNull();
    expect(spouseProblem({ birthDate: '2004-02-13', sex: '男' }, { birthDate: '1990-01-01', sex: '女' }, [], TODAY)).toBe(
      'SPOUSE_UNDER_AGE',
    );
    expect(spouseProblem({ birthDate: '1990-01-01', sex: '男' }, { birthDate: '2008-03-03', sex: '女' }, [], TODAY)).toBe(
      'SPOUSE_UNDER_AGE',
    );
  });
});
