import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../cases/demo/synthetic';
import { writeSheet } from '../../stats/xlsx';

/** A household as the previous system's export lists it (text as a clerk would see it in Excel). */
export interface ExportHousehold {
  headName: string;
  headIdNumber: string;
  area: string;
  category: string;
  amount: string | number;
  since: string;
  approvedOn?: string | Date;
  lastCertified?: string;
  nextReview?: string;
  members: Array<{ name: string; idNumber: string; relationship: string; sex: string; birthDate: string; personCategory?: string }>;
}

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀英', '志强', '桂兰', '明', '芳', '小宝', '玉珍', '国华', '春梅'];
const CATEGORIES = ['城市低保', '农村低保', '特困（分散供养）', '特困（集中供养）', '低保边缘'];

/** The n-th person of a synthetic roster: a valid, unique ID number (区 500110, a birth date per n). */
function person(n: number, birthYear: number, sex: '男' | '女') {
  const day = new Date(Date.UTC(birthYear, 0, 1) + (n % 360) * 86_400_000).toISOString().slice(0, 10);
  return {
    idNumber: makeIdNumber('500110', day, Math.floor(n / 360) % 500, sex),
    birthDate: day,
    sex,
    name: SURNAMES[n % 10]! + GIVEN[(n * 7) % 10]!,
  };
}

/**
 * `count` households of a plausible roster: a head, a spouse for most, a child for some (about 2.5
 * members each), categories mixed; every ID number valid and distinct (up to about 500,000 persons).
 */
export function exportHouseholds(count: number, start = 0): ExportHousehold[] {
  const out: ExportHousehold[] = [];
  for (let i = start; i < start + count; i++) {
    const head = person(i * 3, 1950 + (i % 30), i % 2 ? '男' : '女');
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const members: ExportHousehold['members'] = [{ ...head, relationship: '本人' }];
    if (i % 4 !== 3) members.push({ ...person(i * 3 + 1, 1952 + (i % 30), i % 2 ? '女' : '男'), relationship: '配偶' });
    if (i % 2 === 0) members.push({ ...person(i * 3 + 2, 2012 + (i % 8), '男'), relationship: '子女', personCategory: '在校学生' });
    out.push({
      headName: head.name,
      headIdNumber: head.idNumber,
      area: `桥头镇${['新街', '石门', '太平'][i % 3]}社区`,
      category,
      amount: category === '低保边缘' ? '' : (680 + (i % 5) * 10).toFixed(2),
      since: `2025-${String((i % 9) + 1).padStart(2, '0')}`,
      lastCertified: i % 3 === 0 ? `2025-${String((i % 9) + 2).padStart(2, '0')}-15` : undefined,
      members,
    } as ExportHousehold);
  }
  return out;
}

const MEMBER_ROW_HEADERS = [
  '序号',
  '户主姓名',
  '户主身份证号码',
  '所属社区',
  '救助类别',
  '保障人数',
  '月保障金额（元）',
  '开始享受年月',
  '批准日期',
  '最近认证日期',
  '成员姓名',
  '成员身份证号码',
  '与户主关系',
  '性别',
  '出生日期',
  '人员类别',
];

/** One row per member with the household columns repeated (the national system's 花名册 export), under a title row, as exceljs writes it. */
export async function memberRowsWorkbook(
  households: readonly ExportHousehold[],
  extraRows: Array<Array<string | number | Date | null>> = [],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('在册对象花名册');
  ws.addRow(['桥头镇最低生活保障和特困供养对象花名册']);
  ws.addRow(MEMBER_ROW_HEADERS);
  let n = 0;
  for (const h of households)
    for (const m of h.members)
      ws.addRow([
        ++n,
        h.headName,
        h.headIdNumber,
        h.area,
        h.category,
        h.members.length,
        h.amount,
        h.since,
        h.approvedOn ?? null,
        h.lastCertified ?? null,
        m.name,
        m.idNumber,
        m.relationship,
        m.sex,
        m.birthDate,
        m.personCategory ?? null,
      ]);
  for (const r of extraRows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A household sheet and a member sheet joined on 户主身份证号码 (the other common export). */
export async function twoSheetWorkbook(households: readonly ExportHousehold[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hs = wb.addWorksheet('家庭信息');
  hs.addRow(['户主姓名', '户主身份证号码', '行政区划', '保障类别', '保障人数', '保障金', '批准日期', '开始享受年月', '下次复核日期']);
  for (const h of households)
    hs.addRow([
      h.headName,
      h.headIdNumber,
      h.area,
      h.category,
      h.members.length,
      h.amount,
      h.approvedOn ?? null,
      h.since,
      h.nextReview ?? null,
    ]);
  const ms = wb.addWorksheet('家庭成员');
  ms.addRow(['户主身份证号码', '姓名', '身份证号码', '与户主关系', '性别', '出生日期']);
  for (const h of households)
    for (const m of h.members) ms.addRow([h.headIdNumber, m.name, m.idNumber, m.relationship, m.sex, m.birthDate]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The member-rows layout through our own streamed writer (stats/xlsx.ts): little memory, so a benchmark's peak is the import's. */
export async function memberRowsStreamed(households: readonly ExportHousehold[]): Promise<Buffer> {
  type Line = { h: ExportHousehold; m: ExportHousehold['members'][number]; n: number };
  const text = (header: string, value: (l: Line) => string | number | null) => ({ header, kind: 'text' as const, value });
  const columns = [
    text('序号', (l) => l.n),
    text('户主姓名', (l) => l.h.headName),
    text('户主身份证号码', (l) => l.h.headIdNumber),
    text('所属社区', (l) => l.h.area),
    text('救助类别', (l) => l.h.category),
    text('保障人数', (l) => l.h.members.length),
    text('月保障金额（元）', (l) => l.h.amount),
    text('开始享受年月', (l) => l.h.since),
    text('最近认证日期', (l) => l.h.lastCertified ?? null),
    text('成员姓名', (l) => l.m.name),
    text('成员身份证号码', (l) => l.m.idNumber),
    text('与户主关系', (l) => l.m.relationship),
    text('性别', (l) => l.m.sex),
    text('出生日期', (l) => l.m.birthDate),
    text('人员类别', (l) => l.m.personCategory ?? null),
  ];
  function* pages(): Generator<Line[]> {
    let n = 0;
    let page: Line[] = [];
    for (const h of households)
      for (const m of h.members) {
        page.push({ h, m, n: ++n });
        if (page.length === 1000) {
          yield page;
          page = [];
        }
      }
    if (page.length) yield page;
  }
  return (await writeSheet('在册对象花名册', columns, pages())).bytes;
}
