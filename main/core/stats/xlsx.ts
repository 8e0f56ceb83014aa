import { ZipWriter } from '../kernel/files/zip';

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

/** A YYYY-MM-DD date as the Excel date of that day (written as the UTC day's serial number). */
export const excelDate = (date: string | null): Date | null =>
  date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;

/** An instant as its China (UTC+8) wall-clock time, for an Excel date-time cell. */
export const excelChinaTime = (iso: string | null): Date | null => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms + 8 * 3_600_000);
};

/** Fen as yuan for a 元 column (two decimals shown by the cell format). */
export const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/** Cell styles (xl/styles.xml cellXfs): 0 default, 1 bold header, then one per kind. */
const STYLE: Record<CellKind, number> = { text: 0, int: 2, decimal: 3, yuan: 4, percent: 5, date: 6, datetime: 7 };
const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="4"><numFmt numFmtId="164" formatCode="${NUM_FMT.decimal}"/><numFmt numFmtId="165" formatCode="${NUM_FMT.percent}"/><numFmt numFmtId="166" formatCode="${NUM_FMT.date}"/><numFmt numFmtId="167" formatCode="${NUM_FMT.datetime}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  // int: built-in 1 (0); yuan: built-in 4 (#,##0.00); the others custom above.
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

// XML 1.0 cannot hold most control characters even escaped: they are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xml = (text: string) =>
  text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30 (Excel's day 0), from the UTC clock of the Date. */
const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

function cellXml(ref: string, kind: CellKind, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `<c r="${ref}" s="${STYLE[kind]}"><v>${serial(value)}</v></c>`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}" s="${STYLE[kind]}"><v>${value}</v></c>` : '';
  return `<c r="${ref}" t="inlineStr"${kind === 'text' ? '' : ` s="${STYLE[kind]}"`}><is><t xml:space="preserve">${xml(value)}</t></is></c>`;
}

const PARTS = (sheetName: string, created: string) => ({
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>救助通工作站</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  'xl/styles.xml': STYLES_XML,
});

/**
 * One worksheet as an .xlsx workbook (SpreadsheetML written directly: a frozen bold header row, typed
 * cells with their number formats, inline strings). The sheet streams through deflate page by page and
 * the event loop turns between pages, so memory holds one page of rows plus the compressed output —
 * whatever the number of rows. Returns the .xlsx bytes.
 */
export async function writeSheet<R>(
  sheetName: string,
  columns: ReadonlyArray<SheetColumn<R>>,
  pages: AsyncIterable<readonly R[]> | Iterable<readonly R[]>,
): Promise<{ bytes: Buffer; rows: number }> {
  const now = new Date();
  const zip = new ZipWriter();
  for (const [name, text] of Object.entries(PARTS(sheetName, now.toISOString().replace(/\.\d{3}Z$/, 'Z'))))
    zip.add(name, Buffer.from(text, 'utf8'), now);
  const refs = columns.map((_, i) => columnName(i));
  let rows = 0;
  await zip.addStream('xl/worksheets/sheet1.xml', now, async (write) => {
    const widths = columns
      .map(
        (c, i) =>
          `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.max(WIDTH[c.kind], [...c.header].length * 2 + 2)}" customWidth="1"${STYLE[c.kind] ? ` style="${STYLE[c.kind]}"` : ''}/>`,
      )
      .join('');
    await write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
        `<cols>${widths}</cols><sheetData><row r="1">${columns.map((c, i) => `<c r="${refs[i]}1" t="inlineStr" s="1"><is><t>${xml(c.header)}</t></is></c>`).join('')}</row>`,
    );
    for await (const page of pages) {
      let text = '';
      for (const r of page) {
        const n = rows + 2;
        text += `<row r="${n}">${columns.map((c, i) => cellXml(`${refs[i]}${n}`, c.kind, c.value(r) ?? null)).join('')}</row>`;
        rows++;
      }
      await write(text);
      await yieldToLoop();
    }
    await write('</sheetData></worksheet>');
  });
  return { bytes: zip.finish(), rows };
}
