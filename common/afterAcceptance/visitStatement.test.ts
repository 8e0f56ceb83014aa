import { describe, expect, it } from 'vitest';
import { distinctNames, visitStatement } from './visitStatement';

const FACTS = {
  visitedOn: '2026-02-13',
  staff: ['王明', '刘芳'],
  familyPresent: ['张建国'],
  housing: '自有砖混房屋',
  assets: '无车辆',
  livingConditions: '妻子长期患病',
  findings: '情况属实',
};

describe('the statement a visit signature is bound to', () => {
  it('is canonical: names trimmed and once, whitespace in the texts folded', () => {
    const a = visitStatement('case-1', FACTS, { role: 'staff', name: '王明' });
    const b = visitStatement(
      'case-1',
      { ...FACTS, staff: [' 王明', '刘芳 ', '王明', ''], findings: '  情况\n属实 ' },
      { role: 'staff', name: ' 王明 ' },
    );
    expect(b).toBe(a.replace('调查结论：情况属实', '调查结论：情况 属实'));
    expect(a.split('\n')).toEqual([
      '入户调查表 v1',
      '案件：case-1',
      '调查日期：2026-02-13',
      '调查人员：王明、刘芳',
      '在场家庭成员：张建国',
      '住房情况：自有砖混房屋',
      '财产情况：无车辆',
      '生活状况：妻子长期患病',
      '调查结论：情况属实',
      '签名人：王明（调查人员）',
      '本人参加了此次入户调查，以上情况为调查所见。',
    ]);
  });

  it('differs for another case, signer, role or any field', () => {
    const base = visitStatement('case-1', FACTS, { role: 'family', name: '张建国' });
    expect(base.endsWith('签名人：张建国（家庭成员）\n以上情况属实。')).toBe(true);
    const variants = [
      visitStatement('case-2', FACTS, { role: 'family', name: '张建国' }),
      visitStatement('case-1', FACTS, { role: 'staff', name: '张建国' }),
      visitStatement('case-1', FACTS, { role: 'family', name: '李秀英' }),
      ...(['visitedOn', 'housing', 'assets', 'livingConditions', 'findings'] as const).map((k) =>
        visitStatement('case-1', { ...FACTS, [k]: `${FACTS[k]}。` }, { role: 'family', name: '张建国' }),
      ),
      visitStatement('case-1', { ...FACTS, staff: ['王明', '刘芳', '陈静'] }, { role: 'family', name: '张建国' }),
    ];
    for (const v of variants) expect(v).not.toBe(base);
  });

  it('distinctNames keeps the first of each, in order', () => {
    expect(distinctNames([' 刘芳', '王明', '刘芳 ', '', '  '])).toEqual(['刘芳', '王明']);
  });
});
