import { JiuzhuError } from '../../../../../common/contract/errors';
import type { IdCard } from '../../../../../common/idcard/card';
import { cardDate, cardNation, cardSex, cardText, cardValidUntil, optionalText, badField } from './fields';
import { checkCardIdNumber } from './idNumber';
import { FOREIGNER_2017, FOREIGNER_2023, HKMOTW, RESIDENT, TEXT_BLOCK_BYTES, TYPE_FLAG, type Span } from './layouts';
import { ucs2Field, ucs2Raw } from './ucs2';

/** What the text block alone tells: the card minus photo, SAM id and appended address. */
export type CardText = Omit<IdCard, 'photo' | 'samId' | 'appendedAddress'>;

export interface ParseOptions {
  /** Today as YYYY-MM-DD, so a birth date in the future is refused. */
  today: string;
}

/**
 * Parse the 256-byte text block of any of the four card types. Every defect is a typed error
 * (IDCARD_BAD_TEXT_BLOCK, IDCARD_UNKNOWN_CARD_TYPE, IDCARD_BAD_FIELD, IDCARD_BAD_ID_NUMBER),
 * so a form is filled with the whole card or not at all.
 */
export function parseTextBlock(block: Uint8Array, options: ParseOptions): CardText {
  if (block.length !== TEXT_BLOCK_BYTES) {
    throw new JiuzhuError('IDCARD_BAD_TEXT_BLOCK', { reason: `长度为 ${block.length} 字节，应为 256` }, { bytes: block.length });
  }
  const flag = ucs2Raw(block, ...TYPE_FLAG);
  switch (flag) {
    case ' ':
    case '\u0000':
      return parseResident(block, options);
    case 'J':
      return parseHkmotw(block, options);
    case 'I':
      return parseForeigner2017(block, options);
    case 'Y':
      return parseForeigner2023(block, options);
    default:
      throw new JiuzhuError('IDCARD_UNKNOWN_CARD_TYPE', {}, { flag: flag.charCodeAt(0) });
  }
}

const read = (block: Uint8Array, span: Span): string => ucs2Field(block, span[0], span[1]);

function notInFuture(date: string, today: string, field: string): string {
  if (date > today) throw badField(field, date);
  return date;
}

function parseResident(block: Uint8Array, { today }: ParseOptions): CardText {
  const f = (span: Span): string => read(block, span);
  const sex = cardSex(f(RESIDENT.sex));
  const birthDate = notInFuture(cardDate(f(RESIDENT.birthDate), '出生日期'), today, '出生日期');
  return {
    cardType: 'resident',
    name: cardText(f(RESIDENT.name), '姓名'),
    sex,
    ...cardNation(f(RESIDENT.nation)),
    birthDate,
    address: cardText(f(RESIDENT.address), '住址'),
    idNumber: checkCardIdNumber(f(RESIDENT.idNumber), 'resident', { today, sex, birthDate }),
    authority: cardText(f(RESIDENT.authority), '签发机关'),
    validFrom: cardDate(f(RESIDENT.validFrom), '有效期起始日期'),
    validUntil: cardValidUntil(f(RESIDENT.validUntil), '有效期截止日期'),
  };
}

function parseHkmotw(block: Uint8Array, { today }: ParseOptions): CardText {
  const f = (span: Span): string => read(block, span);
  const sex = cardSex(f(HKMOTW.sex));
  const birthDate = notInFuture(cardDate(f(HKMOTW.birthDate), '出生日期'), today, '出生日期');
  return {
    cardType: 'hkmotw',
    name: cardText(f(HKMOTW.name), '姓名'),
    sex,
    birthDate,
    address: cardText(f(HKMOTW.address), '住址'),
    idNumber: checkCardIdNumber(f(HKMOTW.idNumber), 'hkmotw', { today, sex, birthDate }),
    authority: cardText(f(HKMOTW.authority), '签发机关'),
    validFrom: cardDate(f(HKMOTW.validFrom), '有效期起始日期'),
    validUntil: cardValidUntil(f(HKMOTW.validUntil), '有效期截止日期'),
    passNumber: cardText(f(HKMOTW.passNumber), '通行证号码'),
    issueCount: digits(f(HKMOTW.issueCount), '签发次数'),
  };
}

function parseForeigner2017(block: Uint8Array, { today }: ParseOptions): CardText {
  const f = (span: Span): string => read(block, span);
  const englishName = cardText(f(FOREIGNER_2017.englishName), '英文姓名');
  const cardNumber = f(FOREIGNER_2017.cardNumber);
  // 15 characters: the holder's three-letter nationality, then twelve digits.
  if (!/^[A-Z]{3}\d{12}$/.test(cardNumber)) throw badField('证件号码', cardNumber);
  return {
    cardType: 'foreigner2017',
    // Not every holder has a Chinese name; the English one is then the name on the card.
    name: optionalText(f(FOREIGNER_2017.name), '中文姓名') ?? englishName,
    englishName,
    sex: cardSex(f(FOREIGNER_2017.sex)),
    birthDate: notInFuture(cardDate(f(FOREIGNER_2017.birthDate), '出生日期'), today, '出生日期'),
    idNumber: cardNumber,
    authority: digitsOrUndefined(f(FOREIGNER_2017.authorityCode), '受理机关代码'),
    validFrom: cardDate(f(FOREIGNER_2017.validFrom), '签发日期'),
    validUntil: cardValidUntil(f(FOREIGNER_2017.validUntil), '有效期截止日期'),
    nationality: countryCode(f(FOREIGNER_2017.nationality)),
  };
}

function parseForeigner2023(block: Uint8Array, { today }: ParseOptions): CardText {
  const f = (span: Span): string => read(block, span);
  const englishName = cardText(
    (ucs2Raw(block, ...FOREIGNER_2023.englishName1) + ucs2Raw(block, ...FOREIGNER_2023.englishName2)).replace(/[\s\u0000]+$/, '').trim(),
    '英文姓名',
  );
  const sex = cardSex(f(FOREIGNER_2023.sex));
  const birthDate = notInFuture(cardDate(f(FOREIGNER_2023.birthDate), '出生日期'), today, '出生日期');
  return {
    cardType: 'foreigner2023',
    name: optionalText(f(FOREIGNER_2023.name), '中文姓名') ?? englishName,
    englishName,
    sex,
    birthDate,
    idNumber: checkCardIdNumber(f(FOREIGNER_2023.idNumber), 'foreigner2023', { today, sex, birthDate }),
    validFrom: cardDate(f(FOREIGNER_2023.validFrom), '签发日期'),
    validUntil: cardValidUntil(f(FOREIGNER_2023.validUntil), '有效期截止日期'),
    issueCount: digits(f(FOREIGNER_2023.issueCount), '换证次数'),
    nationality: countryCode(f(FOREIGNER_2023.nationality)),
  };
}

function digits(raw: string, field: string): string {
  if (!/^\d+$/.test(raw)) throw badField(field, raw);
  return raw;
}

function digitsOrUndefined(raw: string, field: string): string | undefined {
  return raw.length === 0 ? undefined : digits(raw, field);
}

/** GB/T 2659 three-letter country code. */
function countryCode(raw: string): string {
  if (!/^[A-Z]{3}$/.test(raw)) throw badField('国籍', raw);
  return raw;
}
