import type { z } from 'zod';
import { JiuzhuError } from '../../../common/contract/errors';
import type { exportRequestSchema } from '../../../common/contract/methods/stats';
import { translate } from '../../../common/i18n/translate';
import { addDays } from '../afterAcceptance/dates';
import { REVIEW_DUE_WINDOW_DAYS } from '../afterAcceptance/views';
import type { CaseService } from '../cases/caseService';
import { ExportRepo, type CaseListFilter } from './exportRepo';
import { overview } from './overview';
import { caseColumns, FULL, MASKED, rosterColumns, warningColumns } from './sheets';
import { statsSheet } from './statsSheets';
import { StatsRepo } from './statsRepo';
import { writeSheet } from './xlsx';

export type ExportRequest = z.output<typeof exportRequestSchema>;

/** Rows read per page (and written before the event loop turns). */
export const PAGE_ROWS = 1000;
/** Beyond this a file is refused: the clerk narrows the filters (a sheet holds at most 1,048,576 rows). */
export const MAX_EXPORT_ROWS = 200_000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Pages of a keyset-paginated read: `next(after)` gives the rows after the last one seen. */
async function* keysetPages<R>(next: (after: R | null) => R[]): AsyncGenerator<R[]> {
  let after: R | null = null;
  for (;;) {
    const page = next(after);
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE_ROWS) return;
    after = page[page.length - 1]!;
  }
}

const checkSize = (n: number) => {
  if (n > MAX_EXPORT_ROWS) throw new JiuzhuError('EXPORT_TOO_MANY_ROWS', { count: String(n), max: String(MAX_EXPORT_ROWS) });
};

/** The file name the renderer saves: <what>_<today>.xlsx, e.g. 低保在册对象_2026-11-29.xlsx. */
const fileName = (what: string, today: string) => `${what}_${today}.xlsx`;

/**
 * One list or table of the app as an .xlsx workbook (one sheet, Chinese headers, dates as dates,
 * amounts in 元). Personal data is masked unless `full` — the caller has checked export.full.
 */
export async function exportTable(svc: CaseService, request: ExportRequest): Promise<{ fileName: string; bytes: Buffer; rows: number }> {
  const db = svc.db;
  const repo = new ExportRepo(db);
  const stats = new StatsRepo(db);
  const today = svc.today();
  const mask = request.full ? FULL : MASKED;
  switch (request.table) {
    case 'cases': {
      const filter: CaseListFilter = {
        query: request.query,
        states: request.states,
        types: request.types,
        relatedParty: request.relatedParty,
      };
      if (request.deadline === 'overdue') filter.deadline = { before: today };
      if (request.deadline === 'due_soon')
        filter.deadline = { from: today, until: svc.withCalendar((c) => c.addWorkingDays(today, svc.settings().dueSoonWorkingDays)) };
      checkSize(repo.countCases(filter));
      const name = translate('stats.sheet.cases');
      const out = await writeSheet(
        name,
        caseColumns(mask, stats.accountNames()),
        keysetPages((after) => repo.casePage(filter, after, PAGE_ROWS)),
      );
      return { fileName: fileName(name, today), ...out };
    }
    case 'roster': {
      const soon = addDays(today, REVIEW_DUE_WINDOW_DAYS);
      const dueBy = request.filter === 'overdue' ? addDays(today, -1) : soon;
      checkSize(repo.countRoster(request.filter, dueBy));
      const name = translate('stats.sheet.roster');
      const out = await writeSheet(
        name,
        rosterColumns(mask, today, soon),
        keysetPages((after) => repo.rosterPage(request.filter, dueBy, after, PAGE_ROWS)),
      );
      return { fileName: fileName(name, today), ...out };
    }
    case 'warnings': {
      checkSize(repo.countWarnings(request.status));
      const name = translate('stats.sheet.warnings');
      const out = await writeSheet(
        name,
        warningColumns(mask, stats.accountNames()),
        keysetPages((after) => repo.warningPage(request.status, after, PAGE_ROWS)),
      );
      return { fileName: fileName(name, today), ...out };
    }
    case 'stats': {
      const o = overview(stats, svc.counter(), today, { from: request.from, to: request.to });
      const sheet = statsSheet(o, request.section);
      const out = await writeSheet(sheet.title, sheet.columns, [sheet.rows]);
      return { fileName: fileName(`${translate('stats.title')}_${sheet.title.replace(/（.*$/, '')}`, today), ...out };
    }
  }
}
