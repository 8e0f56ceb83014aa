import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** How a column's cells are typed and shown in Excel. */
export type CellKind = 'text' | 'int' | 'decimal' | 'yuan' | 'percent' | 'date' | 'datetime';
export type CellValue = string | number | Date | null;

export interface SheetColumn<R> {
  header: string;
  kind: CellKind;
  width?: number;
  value(row: R): CellValue;
}

const NUM_FMT: Record<CellKind, string | undefined> = {
  text: undefined,
  int: '0',
  decimal: '0.0',
  yuan: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
const WIDTH: Record<CellKind, number> = { text: 16, int: 10, decimal: 12, yuan: 16, percent: 12, date: 12, datetime: 18 };

/** A YYYY-MM-DD date as the Excel date of that day (exceljs counts dates in UTC). */
export const excelDate = (date: string | null): Date | null => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null);

/** An instant as its China (UTC+8) wall-clock time, for an Excel date-time cell. */
export const excelChinaTime = (iso: string | null): Date | null => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms + 8 * 3_600_000);
};

/** Fen as yuan for a 元 column (two decimals shown by the cell format). */
export const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * One worksheet written with exceljs's streaming WorkbookWriter: each row is committed as it is
 * written and the event loop turns between pages, so the zip stream drains and memory holds one
 * page of rows plus the compressed output — whatever the number of rows. Returns the .xlsx bytes.
 */
export async function writeSheet<R>(sheetName: string, columns: ReadonlyArray<SheetColumn<R>>, pages: AsyncIterable<readonly R[]> | Iterable<readonly R[]>): Promise<{ bytes: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.once('end', resolve);
    out.once('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '救助通工作站';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ key: `c${i}`, header: c.header, width: c.width ?? Math.max(WIDTH[c.kind], [...c.header].length * 2 + 2), style: { numFmt: NUM_FMT[c.kind] } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  let rows = 0;
  for await (const page of pages) {
    for (const r of page) {
      ws.addRow(columns.map((c) => c.value(r) ?? null)).commit();
      rows++;
    }
    await yieldToLoop();
  }
  ws.commit();
  await wb.commit();
  await ended;
  return { bytes: Buffer.concat(chunks), rows };
}
