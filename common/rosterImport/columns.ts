import type { Relationship } from '../cases/household';
import type { AssistanceType, Subtype } from '../cases/types';

/**
 * The columns of the previous system's roster export (the national 低保/特困 information system's
 * 在册对象 / 花名册 export and the county systems built on it) that the roster import reads, each with
 * the header texts accepted for it. Headers are compared after `normalizeHeader` (spaces, full-width
 * brackets, required-field stars and a trailing unit such as （元） removed). The table in
 * main/core/rosterImport/README.md is written from this list.
 */
export const ROSTER_COLUMNS = {
  // Household (repeated on every member row, or once per row of a household sheet).
  headName: ['户主姓名', '户主', '申请人姓名', '申请人'],
  headIdNumber: ['户主身份证号码', '户主身份证号', '户主证件号码', '户主公民身份号码', '申请人身份证号码', '申请人身份证号'],
  area: ['行政区划', '所属社区', '所属村社区', '村社区', '社区村', '所属村居', '户籍所在地'],
  category: ['救助类别', '保障类别', '救助类型', '保障类型', '对象类别', '类别'],
  urbanRural: ['城乡类别', '城乡属性', '城乡'],
  careMode: ['供养方式', '供养形式'],
  size: ['保障人数', '享受人数', '救助人数'],
  amount: ['月保障金额', '保障金额', '月保障金', '保障金', '月救助金额', '救助金额', '月发放金额', '享受金额'],
  since: ['开始享受年月', '享受起始年月', '起始年月', '开始享受时间', '保障起始年月', '开始救助年月'],
  approvedOn: ['批准日期', '审批日期', '审核确认日期', '批准时间', '审批时间'],
  nextReview: ['下次复核日期', '下次复核时间', '复核到期日期'],
  lastCertified: ['最近认证日期', '最近一次认证日期', '上次认证日期', '最近认证时间'],
  // Member (one row per person).
  name: ['成员姓名', '家庭成员姓名', '姓名'],
  idNumber: ['成员身份证号码', '成员身份证号', '成员证件号码', '身份证号码', '身份证号', '公民身份号码', '证件号码'],
  relationship: ['与户主关系', '与申请人关系', '家庭关系', '关系'],
  sex: ['性别'],
  birthDate: ['出生日期', '出生年月日'],
  personCategory: ['人员类别', '成员类别', '人员类型'],
} as const;

export type RosterColumn = keyof typeof ROSTER_COLUMNS;

export const HOUSEHOLD_COLUMNS: readonly RosterColumn[] = [
  'headName',
  'headIdNumber',
  'area',
  'category',
  'urbanRural',
  'careMode',
  'size',
  'amount',
  'since',
  'approvedOn',
  'nextReview',
  'lastCertified',
];
export const MEMBER_COLUMNS: readonly RosterColumn[] = ['name', 'idNumber', 'relationship', 'sex', 'birthDate', 'personCategory'];
/** Columns whose cells are dates (an Excel date serial, or text). */
export const DATE_COLUMNS: ReadonlySet<RosterColumn> = new Set(['approvedOn', 'nextReview', 'lastCertified', 'birthDate']);

/** A header as compared: no spaces, no brackets or stars, no trailing unit. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[（()）【】[\]]/g, '');
}

const BY_HEADER = new Map<string, RosterColumn>(
  Object.entries(ROSTER_COLUMNS).flatMap(([key, names]) => names.map((n) => [normalizeHeader(n), key as RosterColumn] as const)),
);

/** The column a header names, or null. */
export function columnOf(header: string): RosterColumn | null {
  return BY_HEADER.get(normalizeHeader(header)) ?? null;
}

export interface Category {
  type: AssistanceType;
  subtype: Subtype | undefined;
}

/**
 * The assistance type of a 救助类别 cell, with the 城乡 / 供养方式 cells where the category leaves the
 * subtype open ("低保" + 城乡类别 "农村"). Null: not one the roster takes (临时救助 is paid once, not
 * enrolled) or not recognised. 'subtype' alone: the type is known but its subtype is missing.
 */
export function categoryOf(category: string, urbanRural = '', careMode = ''): Category | 'subtype' | null {
  const c = category.replace(/\s/g, '');
  if (c === '') return null;
  if (/临时/.test(c)) return null;
  if (/边缘/.test(c)) return { type: 'marginal', subtype: undefined };
  if (/刚性支出/.test(c)) return { type: 'rigid', subtype: undefined };
  if (/特困|五保|供养/.test(c)) {
    const mode = `${c}${careMode}`;
    if (/集中/.test(mode)) return { type: 'tekun', subtype: 'centralized' };
    if (/分散/.test(mode)) return { type: 'tekun', subtype: 'dispersed' };
    return 'subtype';
  }
  if (/低保|最低生活保障/.test(c)) {
    const where = `${c}${urbanRural}`;
    if (/农村/.test(where)) return { type: 'dibao', subtype: 'rural' };
    if (/城市|城镇/.test(where)) return { type: 'dibao', subtype: 'urban' };
    return 'subtype';
  }
  return null;
}

const RELATIONSHIP_WORDS: Array<[RegExp, Relationship]> = [
  [/^(本人|户主|申请人|自己)$/, 'self'],
  [/^(配偶|妻|妻子|夫|丈夫|爱人)$/, 'spouse'],
  [/^(儿媳|女婿|儿媳妇)$/, 'child_in_law'],
  [/^(外?孙子?女?|外?孙|孙子女|外孙子女)$/, 'grandchild'],
  [/^(子|女|儿子|女儿|子女|长子|次子|三子|长女|次女|三女|养子|养女|继子|继女|独生子|独生女)$/, 'child'],
  [/^(父|母|父亲|母亲|父母|继父|继母|养父|养母)$/, 'parent'],
  [/^(外?祖父|外?祖母|祖父母|外祖父母|爷爷|奶奶|外公|外婆)$/, 'grandparent'],
  [/^(兄|弟|姐|妹|兄弟|姐妹|兄弟姐妹|哥哥|弟弟|姐姐|妹妹)$/, 'sibling'],
  [/^(其他|其它|其他亲属)$/, 'other'],
];

/** The relationship of a 与户主关系 cell, or null when it is not one the intake knows. */
export function relationshipOf(text: string): Relationship | null {
  const t = text.replace(/\s/g, '');
  for (const [re, r] of RELATIONSHIP_WORDS) if (re.test(t)) return r;
  return null;
}

/** Yuan as written in an amount cell ("680", "680.5", "680.00元", "1,200") → fen, or null when it is not an amount. */
export function fenOf(text: string): number | null {
  const t = text.replace(/[\s,，元]/g, '');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** A month as written ("2021-03", "2021/3", "2021年3月", "202103", or a day in it) → YYYY-MM, or null. */
export function monthOf(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*月)?(?:\s*[-/.]?\s*\d{1,2}\s*日?)?$/.exec(t) ?? /^(\d{4})(\d{2})(?:\d{2})?$/.exec(t);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** A day as written ("2021-03-05", "2021/3/5", "2021年3月5日", "20210305") → YYYY-MM-DD, or null when it is not a real day. */
export function dayOf(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
