import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRequestSchema, type ExportRequest } from '../../../common/contract/methods/stats';
import type { Role } from '../../../common/contract/permissions';
import type { CoreDeps } from '../capability';
import type { StationServices } from '../kernel/station/stationServices';
import { tempDir } from '../kernel/store/testing/fixtures';
import { statsCapability } from './capability';
import { statsStation, TODAY } from './testing/fixture';

let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof statsStation>;
let cap: ReturnType<typeof statsCapability>;
beforeEach(() => {
  dir = tempDir('jiuzhu-stats-export-');
  env = statsStation(dir.dir);
  const services = { station: env.t.station, auth: env.t.auth } as unknown as StationServices;
  cap = statsCapability({ clock: env.clock, services: () => Promise.resolve(services) } as unknown as CoreDeps);
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const exportAs = (roles: Role[], request: ExportRequest) =>
  cap.handlers['stats.export'](exportRequestSchema.parse(request), { session: { userId: env.actor, roles }, via: 'cli' });

async function sheetOf(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { ws, header: rows[0] as string[], rows: rows.slice(1) };
}

const audits = (action: string) => env.t.auth.audit().query({ action, limit: 10 });
const caseRow = (id: string) =>
  env.svc.db
    .prepare(
      "SELECT case_no, applicant_name, applicant_id_number, json_extract(data, '$.applicant.phone') AS phone, json_extract(data, '$.applicant.address') AS address FROM case_file WHERE id = ?",
    )
    .get(id) as Record<string, string>;

describe('Excel export', () => {
  it('the case list, masked: Chinese headers, masked personal data, dates as dates, audited without personal data', async () => {
    const out = await exportAs(['clerk'], { table: 'cases' });
    expect(out).toMatchObject({ fileName: `案件列表_${TODAY}.xlsx`, rows: 16, masked: true });
    const { header, rows, ws } = await sheetOf(out.base64);
    expect(header).toEqual([
      '案件编号',
      '申请人',
      '身份证号码',
      '联系电话',
      '住址',
      '救助类型',
      '办理状态',
      '家庭人数',
      '申请日期',
      '受理日期',
      '最近期限',
      '经办人',
      '最后更新',
    ]);
    expect(rows).toHaveLength(16);
    const full = caseRow(env.ids[0]!);
    const line = rows.find((r) => r[0] === full['case_no'])!;
    const name = [...full['applicant_name']!];
    expect(line[1]).toBe(name.length === 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}`);
    expect(line[2]).toBe(`${full['applicant_id_number']!.slice(0, 6)}********${full['applicant_id_number']!.slice(14)}`);
    expect(line[3]).toBe(`${full['phone']!.slice(0, 3)}****${full['phone']!.slice(7)}`);
    expect(String(line[4])).toMatch(/\*\*\*\*$/);
    expect(String(line[4])).not.toBe(full['address']);
    expect(line.slice(5, 8)).toEqual(['低保', '已批准', expect.any(Number)]);
    // Case 1: submitted 2026-09-20, accepted 2026-09-28, as Excel dates.
    expect(line[8]).toEqual(new Date('2026-09-20T00:00:00Z'));
    expect(line[9]).toEqual(new Date('2026-09-28T00:00:00Z'));
    expect(ws.getColumn(9).numFmt).toBe('yyyy-mm-dd');
    expect(line[11]).toBe('管理员');
    // Nothing of the personal data leaks into any cell of the masked file.
    const text = JSON.stringify(rows);
    expect(text).not.toContain(full['applicant_id_number']);
    expect(text).not.toContain(full['phone']);
    const audit = audits('stats.export');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: env.actor, details: { kind: 'cases', rows: 16, masked: true } });
  });

  it('full data only with export.full: refused (and audited) for a clerk, given to the station head', async () => {
    await expect(exportAs(['clerk', 'caseworker'], { table: 'cases', full: true })).rejects.toMatchObject({
      code: 'EXPORT_FULL_FORBIDDEN',
      message: expect.stringContaining('导出完整数据'),
    });
    expect(audits('stats.export_refused')[0]).toMatchObject({ details: { kind: 'cases', full: true } });
    expect(audits('stats.export')).toHaveLength(0);

    const out = await exportAs(['head'], { table: 'cases', full: true, types: ['dibao'], states: ['approved'] });
    expect(out).toMatchObject({ masked: false, rows: env.cases.filter((c) => c.type === 'dibao' && c.state === 'approved').length });
    const { rows } = await sheetOf(out.base64);
    const full = caseRow(env.ids[0]!);
    expect(rows.find((r) => r[0] === full['case_no'])!.slice(1, 5)).toEqual([
      full['applicant_name'],
      full['applicant_id_number'],
      full['phone'],
      full['address'],
    ]);
    expect(audits('stats.export')[0]).toMatchObject({ details: { kind: 'cases', rows: out.rows, masked: false } });
    expect(JSON.stringify(audits('stats.export')[0]!.details)).not.toContain(full['applicant_id_number']);
  });

  it('the case list with its filters: a name query and the overdue filter', async () => {
    const name = caseRow(env.ids[11]!)['applicant_name']!;
    const byName = await sheetOf((await exportAs(['clerk'], { table: 'cases', query: name })).base64);
    expect(byName.rows.map((r) => r[0])).toContain(caseRow(env.ids[11]!)['case_no']);
    // Case 12 alone has a running deadline past its due date.
    const overdue = await sheetOf((await exportAs(['clerk'], { table: 'cases', deadline: 'overdue' })).base64);
    expect(overdue.rows.map((r) => r[0])).toEqual([caseRow(env.ids[11]!)['case_no']]);
    expect(overdue.rows[0]![10]).toEqual(new Date('2026-11-19T00:00:00Z'));
  });

  it('the roster: amounts in 元 with two decimals, review dates as dates, due status', async () => {
    const out = await exportAs(['clerk'], { table: 'roster', filter: 'due' });
    expect(out.fileName).toBe(`低保在册对象_${TODAY}.xlsx`);
    const { header, rows, ws } = await sheetOf(out.base64);
    expect(header).toEqual([
      '户主',
      '户主身份证号码',
      '救助类别',
      '保障人数',
      '月保障金额（元）',
      '起始月份',
      '纳入日期',
      '下次复核日期',
      '复核状态',
      '状态',
    ]);
    // Due within 30 days: 11-01 (overdue), 12-01, 12-20 — in that order.
    expect(rows.map((r) => [r[4], r[7], r[8]])).toEqual([
      [800, new Date('2026-11-01T00:00:00Z'), '已逾期'],
      [450, new Date('2026-12-01T00:00:00Z'), '30 日内到期'],
      [500, new Date('2026-12-20T00:00:00Z'), '30 日内到期'],
    ]);
    expect(ws.getColumn(5).numFmt).toBe('#,##0.00');
    expect(String(rows[0]![1])).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect((await exportAs(['clerk'], { table: 'roster' })).rows).toBe(6);
  });

  it('the warnings list, masked', async () => {
    const idNumber = caseRow(env.ids[0]!)['applicant_id_number']!;
    const rosterId = (env.svc.db.prepare('SELECT id FROM roster WHERE case_id = ?').get(env.ids[0]) as { id: string }).id;
    env.svc.db
      .prepare(
        "INSERT INTO warning (id, type, id_number, detail, received_at, due_on, status, roster_id, assigned_to) VALUES ('w1', 'death', ?, NULL, ?, '2026-12-04', 'open', ?, ?)",
      )
      .run(idNumber, env.svc.now(), rosterId, env.staffB);
    const { header, rows } = await sheetOf((await exportAs(['clerk'], { table: 'warnings' })).base64);
    expect(header).toEqual(['预警类型', '涉及人员身份证号码', '户主', '收到时间', '核查期限', '状态', '经办人', '处理结论']);
    expect(rows).toHaveLength(1);
    expect(rows[0]![1]).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(String(rows[0]![2])).toContain('*');
    expect(rows[0]![4]).toEqual(new Date('2026-12-04T00:00:00Z'));
    expect(rows[0]![6]).toBe('李经办');
  });

  it('each statistics table, with the figures of the page', async () => {
    const byType = await sheetOf((await exportAs(['clerk'], { table: 'stats', section: 'byType' })).base64);
    expect(byType.header).toEqual(['救助类型', '件数', '占比']);
    const dibao = env.cases.filter((c) => c.type === 'dibao').length;
    expect(byType.rows.find((r) => r[0] === '低保')!.slice(1)).toEqual([dibao, dibao / env.cases.length]);
    const days = await sheetOf((await exportAs(['clerk'], { table: 'stats', section: 'decisionDays' })).base64);
    expect(days.rows).toEqual([[10, 8, 2, 7.9, 10]]);
    const roster = await sheetOf((await exportAs(['clerk'], { table: 'stats', section: 'roster' })).base64);
    expect(roster.rows).toEqual([[5, 3, 1, 1, 2870]]);
    const out = await exportAs(['clerk'], { table: 'stats', section: 'deadlines', from: '2026-09-01', to: '2026-11-15' });
    expect(out.fileName).toBe(`统计_法定时限遵守情况_${TODAY}.xlsx`);
    // In the path's order: 受理 (county), 入户调查, 重新初审 (county), 报送后审核确认 (county), 审核确认, 书面告知, 先行救助后补办 (county).
    expect((await sheetOf(out.base64)).rows.map((r) => r.slice(1, 6))).toEqual([
      [0, 0, 0, 0, 0],
      [2, 1, 1, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 0, 1, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    // Assistance by type: the seeded roster's 低保 households with their monthly total, on their own line.
    const assistance = await sheetOf((await exportAs(['clerk'], { table: 'stats', section: 'assistance' })).base64);
    expect(assistance.rows.map((r) => r[0])).toContain('低保');
  });
});
