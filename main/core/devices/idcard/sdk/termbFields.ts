import { JiuzhuError } from '../../../../../common/contract/errors';
import { NATIONS } from '../../../../../common/idcard/nations';
import { badField, cardDate, cardNation, cardText } from '../parse/fields';
import { checkCardIdNumber } from '../parse/idNumber';
import type { CardText } from '../parse/textBlock';

/** The texts termb's field getters return (GBK-decoded), keyed by getter name. */
export type TermbGetterTexts = Partial<Record<string, string>>;

const digitsOnly = (s: string): string => s.replace(/\D/g, '');

/** Vendors print dates as 19900101, 1990-01-01 or 1990年01月01日: keep the digits. */
const date = (raw: string | undefined, field: string): string => cardDate(digitsOnly(raw ?? ''), field);
const until = (raw: string | undefined, field: string): string => (raw?.trim() === '长期' ? '长期' : date(raw, field));

function sex(raw: string | undefined): '男' | '女' {
  const s = (raw ?? '').trim();
  if (s === '男' || s === '1') return '男';
  if (s === '女' || s === '2') return '女';
  throw badField('性别', s);
}

/** Getters return either the GB 3304 code or the name, depending on the vendor. */
function nation(raw: string | undefined): { nation: string; nationCode: string } {
  const s = (raw ?? '').trim().replace(/族$/, '');
  if (/^\d{1,2}$/.test(s)) return cardNation(s.padStart(2, '0'));
  const code = Object.keys(NATIONS).find((c) => NATIONS[c] === s);
  if (!code) throw badField('民族', s);
  return { nation: s, nationCode: code };
}

/**
 * Build the card from getter texts. The getters of foreigners' cards differ between vendors,
 * so those two types are read through the wz.txt output instead (output: 'files').
 */
export function cardFromGetters(texts: TermbGetterTexts, today: string): CardText {
  const certType = (texts.GetCertType ?? '').trim();
  if (certType !== '' && certType !== 'J')
    throw new JiuzhuError('IDCARD_UNKNOWN_CARD_TYPE', {}, { certType, hint: 'use termb output: files' });
  const s = sex(texts.GetPeopleSex);
  const birthDate = date(texts.GetPeopleBirthday, '出生日期');
  const common = {
    name: cardText((texts.GetPeopleName ?? '').trim(), '姓名'),
    sex: s,
    birthDate,
    address: cardText((texts.GetPeopleAddress ?? '').trim(), '住址'),
    authority: cardText((texts.GetDepartment ?? '').trim(), '签发机关'),
    validFrom: date(texts.GetStartDate, '有效期起始日期'),
    validUntil: until(texts.GetEndDate, '有效期截止日期'),
  };
  const idRaw = (texts.GetPeopleIDCode ?? '').trim();
  if (certType === 'J') {
    return { cardType: 'hkmotw', ...common, idNumber: checkCardIdNumber(idRaw, 'hkmotw', { today, sex: s, birthDate }) };
  }
  return {
    cardType: 'resident',
    ...common,
    ...nation(texts.GetPeopleNation),
    idNumber: checkCardIdNumber(idRaw, 'resident', { today, sex: s, birthDate }),
  };
}
