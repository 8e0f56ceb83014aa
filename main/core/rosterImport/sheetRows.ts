import { JiuzhuError } from '../../../common/contract/errors';
import { columnOf, DATE_COLUMNS, ROSTER_COLUMNS, type RosterColumn } from '../../../common/rosterImport/columns';
import { serialToIsoDate, type XlsxCell, type XlsxSheet, type XlsxWorkbook } from '../kernel/files/xlsxReader';

/** A data row of a roster sheet: its cells as text, by column, with the headers as written. */
export interface SheetRow {
  sheet: string;
  row: number;
  get(column: RosterColumn): string;
  header(column: RosterColumn): string;
}

export interface RosterSheet {
  name: string;
  kind: 'member-rows' | 'households' | 'members';
  headers: Map<RosterColumn, string>;
  rows: SheetRow[];
}

const ID_COLUMNS: ReadonlySet<RosterColumn> = new Set(['headIdNumber', 'idNumber']);
const MONTH_COLUMNS: ReadonlySet<RosterColumn> = new Set(['since']);
/** The header row is looked for in the first rows (exports put a title such as “××镇低保对象花名册” above it). */
const HEADER_SEARCH_ROWS = 10;
export const MAX_DATA_ROWS = 100_000;
/** The canonical header of a column (the first accepted one), for messages about a column the file lacks. */
const ROSTER_LABEL = (c: RosterColumn): string => ROSTER_COLUMNS[c][0];

/** A cell as text for its column: dates from serials, months from serials or 202103, numbers as written. */
function cellText(
  cell: XlsxCell | undefined,
  column: RosterColumn,
  date1904: boolean,
  where: { sheet: string; row: number; header: string },
): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return cell.v.trim();
    case 'b':
      return cell.v ? '是' : '否';
    case 'e':
      return '';
    case 'n': {
      // 18 digits do not fit a double: Excel kept 15 significant ones and the rest is gone.
      if (ID_COLUMNS.has(column))
        throw new JiuzhuError('ROSTER_IMPORT_ID_AS_NUMBER', { sheet: where.sheet, row: String(where.row), column: where.header });
      if (DATE_COLUMNS.has(column)) return serialToIsoDate(cell.v, date1904) ?? cell.raw;
      // A double such as 680.29999999999995 is the 680.30 the clerk typed; more than fen is left for the check to refuse.
      if (column === 'amount' && Math.abs(cell.v * 100 - Math.round(cell.v * 100)) < 1e-6)
        return (Math.round(cell.v * 100) / 100).toFixed(2);
      if (MONTH_COLUMNS.has(column)) {
        if (Number.isInteger(cell.v) && cell.v >= 190001 && cell.v <= 209912) return cell.raw;
        return serialToIsoDate(cell.v, date1904)?.slice(0, 7) ?? cell.raw;
      }
      return cell.raw;
    }
  }
}

function headerRow(sheet: XlsxSheet): { index: number; headers: Map<number, RosterColumn>; written: Map<RosterColumn, string> } | null {
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); i++) {
    const headers = new Map<number, RosterColumn>();
    const written = new Map<RosterColumn, string>();
    sheet.rows[i]!.cells.forEach((c, col) => {
      if (c?.t !== 's') return;
      const column = columnOf(c.v);
      if (column && !written.has(column)) {
        headers.set(col, column);
        written.set(column, c.v.trim());
      }
    });
    if (headers.size >= 3) return { index: i, headers, written };
  }
  return null;
}

const isTotalsLine = (first: string) => /^(合计|总计|小计)/.test(first);

/**
 * The roster sheets of a workbook: each sheet's header row (the first of its first ten rows naming
 * three or more known columns), what kind of sheet it is, and its data rows as text. Sheets without
 * such a header are not roster sheets and are left out; blank rows and a 合计 line are skipped.
 */
export function rosterSheets(book: XlsxWorkbook): RosterSheet[] {
  const out: RosterSheet[] = [];
  let total = 0;
  for (const sheet of book.sheets) {
    const found = headerRow(sheet);
    if (!found) continue;
    const has = (c: RosterColumn) => found.written.has(c);
    const household = has('category');
    const member = has('idNumber');
    if (!household && !member) continue;
    const kind: RosterSheet['kind'] = household && member ? 'member-rows' : household ? 'households' : 'members';
    const need: RosterColumn[] =
      kind === 'households'
        ? ['headIdNumber', 'category']
        : kind === 'members'
          ? ['headIdNumber', 'idNumber', 'name']
          : ['headIdNumber', 'category', 'idNumber', 'name'];
    for (const c of need)
      if (!has(c)) throw new JiuzhuError('ROSTER_IMPORT_MISSING_COLUMN', { sheet: sheet.name, column: ROSTER_LABEL(c) });
    const rows: SheetRow[] = [];
    for (const r of sheet.rows.slice(found.index + 1)) {
      const values = new Map<RosterColumn, string>();
      for (const [col, column] of found.headers) {
        const v = cellText(r.cells[col], column, book.date1904, { sheet: sheet.name, row: r.r, header: found.written.get(column)! });
        if (v !== '') values.set(column, v);
      }
      const first = r.cells.find((c) => c !== undefined);
      if (values.size === 0 || (first?.t === 's' && isTotalsLine(first.v.trim()) && !values.has('headIdNumber') && !values.has('idNumber')))
        continue;
      if (++total > MAX_DATA_ROWS)
        throw new JiuzhuError('ROSTER_IMPORT_TOO_MANY_ROWS', { count: `${MAX_DATA_ROWS} 以上`, max: String(MAX_DATA_ROWS) });
      rows.push({ sheet: sheet.name, row: r.r, get: (c) => values.get(c) ?? '', header: (c) => found.written.get(c) ?? ROSTER_LABEL(c) });
    }
    out.push({ name: sheet.name, kind, headers: found.written, rows });
  }
  return out;
}
