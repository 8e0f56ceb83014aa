import type { ApplicationInput } from '../../../../common/cases/application';
import { makeIdNumber } from '../demo/synthetic';

/** A three-person 低保 household (applicant, spouse, a minor child) used across tests. */
export const HUSBAND = {
  idNumber: makeIdNumber('500110', '1980-05-12', 12, '男'),
  name: '张建国',
  sex: '男' as const,
  birthDate: '1980-05-12',
};
export const WIFE = {
  idNumber: makeIdNumber('500110', '1982-09-30', 40, '女'),
  name: '李秀英',
  sex: '女' as const,
  birthDate: '1982-09-30',
};
export const CHILD = {
  idNumber: makeIdNumber('500110', '2015-03-08', 7, '男'),
  name: '张小明',
  sex: '男' as const,
  birthDate: '2015-03-08',
};

export function threePersonDibao(extra: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    type: 'dibao',
    subtype: 'urban',
    channel: { kind: 'counter' },
    applicant: { ...HUSBAND, phone: '13812345678', address: '重庆市綦江区桥头镇新街12号', cardValidUntil: '2035-05-12', source: 'card' },
    members: [
      { ...HUSBAND, relationship: 'self', phone: '13812345678' },
      { ...WIFE, relationship: 'spouse', seriousIllness: true },
      { ...CHILD, relationship: 'child', student: true },
    ],
    income: [
      { memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 120000 },
      { memberIdNumber: WIFE.idNumber, category: 'scholarship', monthlyFen: 5000 },
    ],
    assets: [{ kind: 'deposit', valueFen: 300000 }],
    reasons: ['illness', 'low_income'],
    reasonText: '妻子患重病，医疗支出大',
    ...extra,
  };
}

/** Every material of the 低保 checklist that applies to threePersonDibao, marked received. */
export const DIBAO_MATERIALS_RECEIVED = [
  'application_form',
  'hukou',
  'id_cards',
  'income_statement',
  'asset_statement',
  'medical_records',
  'student_cert',
].map((code) => ({ code, status: 'received' as const }));
