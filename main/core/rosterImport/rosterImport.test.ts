import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CertificationService } from '../certification/service';
import { caseStation } from '../cases/testing/station';
import { afterAcceptance } from '../afterAcceptance/testing/fixture';
import { tempDir } from '../kernel/store/testing/fixtures';
import { RosterImportService } from './service';
import { exportHouseholds, memberRowsStreamed, memberRowsWorkbook, twoSheetWorkbook, type ExportHousehold } from './testing/rosterWorkbook';

let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof caseStation>;
let svc: RosterImportService;

beforeEach(() => {
  dir = tempDir();
  // 12 December 2026, China time.
  env = caseStation(dir.dir, '2026-12-12T01:00:00Z');
  svc = new RosterImportService({
    db: env.t.station.db,
    clock: env.clock,
    audit: env.t.auth.audit(),
    cases: env.svc.repo,
    regionCode: '500110',
  });
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const count = (table: string) => (env.t.station.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const TABLES = [
  'case_file',
  'case_party',
  'person',
  'roster',
  'roster_member',
  'case_decision',
  'roster_import',
  'roster_import_household',
  'outbox',
];
const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, count(t)]));
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
};

/** Good households, then one of each kind of problem, each on its own household. */
function withProblems(): { good: ExportHousehold[]; bad: ExportHousehold[] } {
  const all = exportHouseholds(12);
  const good = all.slice(0, 6);
  // Households 6 and 10 have a spouse and a child, 11 only its head.
  const [noHead, dupA, temporary, badAmount, badId, badMonth] = all.slice(6) as [
    ExportHousehold,
    ExportHousehold,
    ExportHousehold,
    ExportHousehold,
    ExportHousehold,
    ExportHousehold,
  ];
  // A wrong check character on the spouse.
  const spouse = badId.members[1]!;
  spouse.idNumber = spouse.idNumber.slice(0, 17) + (spouse.idNumber[17] === '1' ? '2' : '1');
  // The head of the first good household listed again as a member of this one.
  dupA.members.push({ ...good[0]!.members[0]!, relationship: '兄弟姐妹' });
  temporary.category = '临时救助';
  badAmount.amount = '六百八';
  badMonth.since = '2026-13';
  noHead.members = noHead.members.filter((m) => m.relationship !== '本人');
  return { good, bad: [badId, dupA, temporary, badAmount, badMonth, noHead] };
}

describe('roster import: preview', () => {
  it('checks every row and names each problem by sheet row in zh-CN, and writes nothing', async () => {
    const { good, bad } = withProblems();
    const file = await memberRowsWorkbook([...good, ...bad]);
    const before = snapshot();
    const p = svc.preview(env.actor, file);
    expect(snapshot()).toEqual(before);

    expect(p.layout).toBe('member-rows');
    expect(p.sheets).toEqual(['在册对象花名册']);
    expect(p.totals).toMatchObject({ households: 12, importHouseholds: 5, skippedHouseholds: 7 });
    // Row numbers as Excel shows them: a title row, the header row, then one row per member.
    const rowOf = (h: ExportHousehold, m = 0) => {
      let n = 3;
      for (const x of [...good, ...bad]) {
        if (x === h) return n + m;
        n += x.members.length;
      }
      throw new Error('not listed');
    };
    const byCode = (c: string) => p.errors.filter((e) => e.code === c).map((e) => [e.row, e.message]);
    const [badId, dupA, temporary, badAmount, badMonth, noHead] = bad as [
      ExportHousehold,
      ExportHousehold,
      ExportHousehold,
      ExportHousehold,
      ExportHousehold,
      ExportHousehold,
    ];
    expect(byCode('ID_INVALID')).toEqual([[rowOf(badId, 1), '“成员身份证号码”不是有效的身份证号码（校验位不对），请核对后改正。']]);
    // Both places of the person twice: the good household is skipped with the other.
    expect(byCode('DUPLICATE_IN_FILE').map(([r]) => r)).toEqual([rowOf(good[0]!), rowOf(dupA, dupA.members.length - 1)]);
    expect(byCode('CATEGORY_UNKNOWN')[0]).toEqual([rowOf(temporary), expect.stringContaining('救助类别“临时救助”不能导入')]);
    expect(byCode('AMOUNT_INVALID')[0]).toEqual([rowOf(badAmount), '“月保障金额（元）”的“六百八”不是金额（以元为单位，最多两位小数）。']);
    expect(byCode('MONTH_INVALID')[0]).toEqual([rowOf(badMonth), '“开始享受年月”的“2026-13”不是年月（如 2021-03）。']);
    expect(byCode('NO_HEAD')[0]![0]).toBe(rowOf(noHead));
    expect(byCode('NO_HEAD')[0]![1]).toMatch(/^户主（身份证号码 500110\*{8}\d{3}[\dX]）在本户成员中没有“本人”一行/);
    expect(p.errors.every((e) => e.sheet === '在册对象花名册')).toBe(true);
    // The audit row has counts, never a name or an ID number.
    const audit = env.t.auth.audit().query({ action: 'roster-import.preview' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/500110|张|王/);
  });

  it('refuses an ID number column saved as numbers, naming the sheet, row and column', async () => {
    const [h] = exportHouseholds(1) as [ExportHousehold];
    const file = await memberRowsWorkbook(
      [],
      [
        [
          1,
          h.headName,
          Number(h.headIdNumber),
          h.area,
          h.category,
          1,
          680,
          '2025-01',
          null,
          null,
          h.headName,
          h.headIdNumber,
          '本人',
          '男',
          h.members[0]!.birthDate,
        ],
      ],
    );
    expect(codeOf(() => svc.preview(env.actor, file))).toBe('ROSTER_IMPORT_ID_AS_NUMBER');
    try {
      svc.preview(env.actor, file);
    } catch (e) {
      expect((e as Error).message).toContain('工作表“在册对象花名册”第 3 行的“户主身份证号码”以数字格式保存');
    }
  });

  it('reads the two-sheet layout (household sheet + member sheet) with its own headers, and refuses unknown heads and empty households', async () => {
    const hs = exportHouseholds(4);
    hs[0]!.nextReview = '2027-03-31';
    const orphan = exportHouseholds(1, 50)[0]!;
    const file = await twoSheetWorkbook([...hs, { ...orphan, members: [] }]);
    const p = svc.preview(env.actor, file);
    expect(p.layout).toBe('two-sheets');
    expect(p.sheets).toEqual(['家庭信息', '家庭成员']);
    expect(p.columns).toEqual(
      expect.arrayContaining([
        { header: '保障金', column: 'amount' },
        { header: '身份证号码', column: 'idNumber' },
        { header: '行政区划', column: 'area' },
      ]),
    );
    expect(p.totals).toMatchObject({ households: 5, importHouseholds: 4, members: hs.reduce((n, h) => n + h.members.length, 0) });
    expect(p.errors).toEqual([{ sheet: '家庭信息', row: 6, code: 'NO_MEMBERS', message: '这一户在成员表中没有任何成员。' }]);
  });

  it('reads the same export written by our own streamed writer (no title row, inline strings) as by exceljs', async () => {
    const hs = exportHouseholds(8);
    const a = svc.preview(env.actor, await memberRowsWorkbook(hs));
    const b = svc.preview(env.actor, await memberRowsStreamed(hs));
    expect(b.totals).toEqual(a.totals);
    expect(b.totals.importHouseholds).toBe(8);
    expect(b.errors).toEqual([]);
  });

  it('takes an amount stored as a double with float noise (680.3000000000001: a sum in the old system), and 保障人数 written as “1人”', async () => {
    const [h] = exportHouseholds(1) as [ExportHousehold];
    const m = h.members[0]!;
    const file = await memberRowsWorkbook(
      [],
      [
        [
          1,
          h.headName,
          h.headIdNumber,
          h.area,
          '城市低保',
          '1人',
          680.1 + 0.2,
          '2025-01',
          null,
          null,
          m.name,
          m.idNumber,
          '户主',
          m.sex,
          m.birthDate,
        ],
      ],
    );
    const p = svc.preview(env.actor, file);
    expect(p.errors).toEqual([]);
    expect(p.totals).toMatchObject({ importHouseholds: 1, monthlyFen: 68030 });
  });

  it('refuses what is no roster: a sheet without the columns, a household sheet without members', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['序号', '日期', '备注']);
    const noColumns = Buffer.from(await wb.xlsx.writeBuffer());
    expect(codeOf(() => svc.preview(env.actor, noColumns))).toBe('ROSTER_IMPORT_NO_COLUMNS');
    const only = new ExcelJS.Workbook();
    only.addWorksheet('户').addRow(['户主姓名', '户主身份证号码', '救助类别', '月保障金额']);
    const householdsOnly = Buffer.from(await only.xlsx.writeBuffer());
    expect(codeOf(() => svc.preview(env.actor, householdsOnly))).toBe('ROSTER_IMPORT_NO_MEMBERS');
  });
});

describe('roster import: confirm', () => {
  it('writes the households that pass, exactly the previewed file, in one transaction with one roster.imported outbox record per household; a second import of the same people is refused row by row', async () => {
    const { good, bad } = withProblems();
    const file = await memberRowsWorkbook([...good, ...bad]);
    const p = svc.preview(env.actor, file);
    expect(codeOf(() => svc.confirm(env.actor, 'not-a-token', 'x.xlsx', file))).toBe('ROSTER_IMPORT_PREVIEW_EXPIRED');
    expect(codeOf(() => svc.confirm(env.actor, p.token, 'x.xlsx', Buffer.concat([file, Buffer.from(' ')])))).toBe(
      'ROSTER_IMPORT_FILE_CHANGED',
    );
    expect(count('roster')).toBe(0);

    const report = svc.confirm(env.actor, p.token, '花名册.xlsx', file);
    expect(report.totals).toEqual(p.totals);
    expect(report.totals.byType).toMatchObject({
      'dibao-urban': 1,
      'dibao-rural': 1,
      'tekun-dispersed': 1,
      'tekun-centralized': 1,
      marginal: 1,
    });
    expect(report.errors).toEqual(p.errors);
    expect(count('roster')).toBe(5);
    expect(count('roster_import_household')).toBe(5);
    // The platform learns of each household in the same transaction (its body checked in records.test.ts and platform.test.ts).
    const queued = env.t.station.db.prepare('SELECT kind, case_id FROM outbox ORDER BY seq').all() as Array<{
      kind: string;
      case_id: string;
    }>;
    expect(queued.map((r) => r.kind)).toEqual(Array(5).fill('roster.imported'));
    expect(new Set(queued.map((r) => r.case_id))).toEqual(
      new Set(env.t.station.db.prepare('SELECT case_id FROM roster').pluck().all() as string[]),
    );
    // The token is spent.
    expect(codeOf(() => svc.confirm(env.actor, p.token, '花名册.xlsx', file))).toBe('ROSTER_IMPORT_PREVIEW_EXPIRED');

    // Each household is an approved case with its parties, the decision as received and its roster row.
    const h = good[1]!; // 农村低保, 2 members
    const roster = env.t.station.db.prepare('SELECT * FROM roster WHERE applicant_id_number = ?').get(h.headIdNumber) as Record<
      string,
      unknown
    >;
    expect(roster).toMatchObject({
      category: 'dibao-rural',
      household_size: h.members.length,
      amount_fen: 69000,
      monthly: 1,
      since_month: h.since,
      status: 'active',
    });
    const row = env.svc.repo.get(roster.case_id as string)!;
    expect(row).toMatchObject({ state: 'approved', type: 'dibao', subtype: 'rural', applicant_name: h.headName });
    expect(row.case_no).toMatch(/^500110-2026-01-\d{5}$/);
    expect(env.svc.repo.parties(row.id).map((x) => [x.role, x.id_number, x.relationship])).toEqual(
      expect.arrayContaining([
        ['applicant', h.headIdNumber, 'self'],
        ...h.members.map((m, i) => ['member', m.idNumber, i === 0 ? 'self' : 'spouse']),
      ]),
    );
    expect(env.svc.repo.events(row.id)).toEqual([
      expect.objectContaining({
        action: 'rosterImported',
        to_state: 'approved',
        note: expect.stringContaining('农村低保，月保障金额 690.00 元'),
      }),
    ]);
    // 低保边缘 has no monthly amount.
    expect(env.t.station.db.prepare("SELECT monthly, amount_fen FROM roster WHERE category = 'marginal'").get()).toEqual({
      monthly: 0,
      amount_fen: 0,
    });

    const audit = env.t.auth.audit().query({ action: 'roster-import.confirm' });
    expect(audit[0]).toMatchObject({
      targetType: 'roster_import',
      targetId: report.id,
      details: { importHouseholds: 5, skippedHouseholds: 7 },
    });
    expect(svc.report(env.actor, report.id)).toMatchObject({ fileName: '花名册.xlsx', totals: report.totals, errors: report.errors });
    expect(svc.reports(env.actor).reports).toEqual([expect.objectContaining({ id: report.id, totals: report.totals })]);

    // The same file again: everybody already enrolled is refused, nothing is written.
    const again = svc.preview(env.actor, file);
    expect(again.importedBefore).toEqual({ id: report.id, at: report.importedAt });
    expect(again.totals.importHouseholds).toBe(0);
    expect(again.errors.filter((e) => e.code === 'ON_ROSTER')).toHaveLength(good.slice(1).reduce((n, x) => n + x.members.length, 0));
    const before = snapshot();
    expect(codeOf(() => svc.confirm(env.actor, again.token, '花名册.xlsx', file))).toBe('ROSTER_IMPORT_NOTHING');
    expect(snapshot()).toEqual(before);
  });

  it('imported households are due for 资格认证, reviewed and warned about exactly like households approved here', async () => {
    const hs = exportHouseholds(6);
    const file = await memberRowsWorkbook(hs);
    svc.confirm(env.actor, svc.preview(env.actor, file).token, 'a.xlsx', file);

    // 资格认证 (every 12 months, applicant): from the head's last certification, else the first paid month.
    const cert = new CertificationService({ db: env.t.station.db, clock: env.clock, audit: env.t.auth.audit() });
    const due = cert.dueList('all', 100);
    const monthly = hs.filter((h) => h.category !== '低保边缘');
    expect(due.counts.persons).toBe(monthly.length);
    for (const h of monthly) {
      const r = due.rows.find((x) => x.idNumber === h.headIdNumber)!;
      const base = h.lastCertified ?? `${h.since}-01`;
      expect(r.dueOn, h.headName).toBe(`${Number(base.slice(0, 4)) + 1}${base.slice(4)}`);
    }
    expect(due.rows.find((x) => x.idNumber === hs[0]!.headIdNumber)).toMatchObject({ name: hs[0]!.headName });

    // A periodic review starts on the imported household's case.
    const aa = afterAcceptance(env.svc, env.t.auth.audit(), env.clock);
    const roster = env.t.station.db.prepare('SELECT id, case_id FROM roster WHERE applicant_id_number = ?').get(hs[0]!.headIdNumber) as {
      id: string;
      case_id: string;
    };
    const reviewId = aa.startReview(env.actor, roster.id, 1);
    expect(env.t.station.db.prepare('SELECT roster_id, status FROM household_review WHERE id = ?').get(reviewId)).toEqual({
      roster_id: roster.id,
      status: 'open',
    });
    expect(env.svc.repo.get(roster.case_id)).toMatchObject({ state: 'approved', version: 2 });

    // A death warning about a member opens against the household.
    const wife = hs[1]!.members[1]!;
    expect(
      aa.pulledWarning({
        kind: 'warning',
        feedSeq: 2,
        at: Date.parse('2026-12-12T02:00:00Z'),
        id: 'w-1',
        idNumber: wife.idNumber,
        type: 'death',
      }),
    ).toBe('opened');
    expect(aa.work.repo.warning('w-1')).toMatchObject({ status: 'open' });
  });
});
