/**
 * Building blocks shared by the document data schemas: dates, money, people, the issuing station
 * and the copy kind. Every document's input is parsed with its schema before anything is drawn,
 * so a broken template input fails with the path of the field, and no PDF is written.
 */
import { z } from 'zod';
import { isRealDate } from '../format/dates';
import { dateStyleSchema } from '../format/chineseDateHan';
import { MAX_FEN } from '../format/money';
import { nameMaskPolicySchema } from '../format/mask';

/** Text printed on a document: trimmed, non-empty, no control characters. */
export const textSchema = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), '含有不可打印的控制字符');

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    return isRealDate(y!, m!, d!);
  }, '日期不存在');

export const isoMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** Local wall time as written, e.g. 2026-11-29T09:05 or 2026-11-29T09:05:30. */
export const isoDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, '时间格式应为 YYYY-MM-DDTHH:mm');

/** Money as integer fen: 1200.50 yuan is 120050. */
export const fenSchema = z.number().int('金额应以分为单位的整数').min(0).max(MAX_FEN);

/** 18-character resident ID number (format only; the intake checked the check digit). */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位');

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^[\d\-+ ]{5,20}$/, '电话号码格式不对');

export const personSchema = z.object({
  name: textSchema(30),
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
  address: textSchema(120).optional(),
});
export type Person = z.infer<typeof personSchema>;

/** Whose copy: the applicant's own copy shows full data; anything else is masked. */
export const copySchema = z.enum(['applicant', 'public']);
export type CopyKind = z.infer<typeof copySchema>;

/** The station issuing the document; configured per station, printed in the header and signature. */
export const stationSchema = z.object({
  /** Red header lines (发文机关标志), e.g. ['重庆市渝北区龙溪街道办事处']. */
  headerLines: z.array(textSchema(30)).min(1).max(3),
  /** The issuing authority printed above the date, e.g. 重庆市渝北区龙溪街道办事处. */
  issuer: textSchema(40),
  /** Where the applicant comes or calls, printed on notices. */
  address: textSchema(80).optional(),
  phone: phoneSchema.optional(),
  /** The social-assistance hotline; 12349 nationally. */
  hotline: z
    .string()
    .regex(/^\d{3,12}$/)
    .default('12349'),
  /** 二〇二六年十一月二十九日 ('han') or 2026年11月29日 ('arabic'). */
  dateStyle: dateStyleSchema.default('han'),
  /** How names are masked on public copies. */
  nameMask: nameMaskPolicySchema.default('keep-first-last'),
  /** How names are shown on 公示 lists (the law says the name is published; some counties mask it). */
  publicityNameMask: nameMaskPolicySchema.default('none'),
});
export type Station = z.infer<typeof stationSchema>;

/** Redress route printed on every adverse decision (行政复议 / 行政诉讼). */
export const redressSchema = z.object({
  /** The body that hears 行政复议, e.g. 重庆市渝北区人民政府. */
  reviewBody: textSchema(40),
  /** The court for 行政诉讼, e.g. 重庆市渝北区人民法院. */
  court: textSchema(40),
  reviewDays: z.number().int().positive().default(60),
  litigationMonths: z.number().int().positive().default(6),
});
export type Redress = z.infer<typeof redressSchema>;

/** Fields every document carries. */
export const documentBaseShape = {
  station: stationSchema,
  /** 文号, e.g. 龙溪救受〔2026〕12号; optional. */
  docNo: textSchema(40).optional(),
  /** The date printed under the issuer. */
  issuedOn: isoDateSchema,
  copy: copySchema.default('applicant'),
  /** A second print of the same document is marked 补打. */
  reprint: z.boolean().default(false),
};

export const assistanceCategorySchema = z.enum([
  'dibao-urban',
  'dibao-rural',
  'tekun-centralized',
  'tekun-dispersed',
  'marginal',
  'rigid-expense',
  'temporary-emergency',
  'temporary-expense',
]);
export type AssistanceCategory = z.infer<typeof assistanceCategorySchema>;

export const CATEGORY_LABELS: Record<AssistanceCategory, string> = {
  'dibao-urban': '城市最低生活保障',
  'dibao-rural': '农村最低生活保障',
  'tekun-centralized': '特困人员救助供养（集中供养）',
  'tekun-dispersed': '特困人员救助供养（分散供养）',
  marginal: '低保边缘家庭',
  'rigid-expense': '刚性支出困难家庭',
  'temporary-emergency': '临时救助（急难型）',
  'temporary-expense': '临时救助（支出型）',
};

/** Bytes of an image (a Buffer is a Uint8Array) checked by its magic number. */
const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

export const pngSchema = z.instanceof(Uint8Array).refine(isPng, '应为 PNG 图片');
export const imageSchema = z.instanceof(Uint8Array).refine((b) => isPng(b) || isJpeg(b), '应为 JPEG 或 PNG 图片');
