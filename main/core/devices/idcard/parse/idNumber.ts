import { JiuzhuError } from '../../../../../common/contract/errors';
import { checkIdNumber, type IdNumberKind } from '../../../../../common/idnumber/check';
import { translate } from '../../../../../common/i18n/translate';
import { badField } from './fields';

export interface IdNumberContext {
  today: string;
  sex: '男' | '女';
  birthDate: string;
}

/** Check the chip's number with the shared GB 11643 check, and against the card's own sex and birth date. */
export function checkCardIdNumber(raw: string, kind: IdNumberKind, ctx: IdNumberContext): string {
  if (raw.length !== 18) throw badField('证件号码', raw);
  const result = checkIdNumber(raw, { today: ctx.today, ...(kind === 'foreigner2023' ? {} : { sex: ctx.sex }) });
  if (!result.valid) {
    const problems = result.problems.map((p) => translate(`idNumber.${p}`)).join('；');
    throw new JiuzhuError('IDCARD_BAD_ID_NUMBER', { problems }, { problems: result.problems });
  }
  if (result.kind !== kind) throw badField('证件号码', raw);
  if (result.birthDate && result.birthDate !== ctx.birthDate) throw badField('出生日期', ctx.birthDate);
  return result.idNumber;
}
