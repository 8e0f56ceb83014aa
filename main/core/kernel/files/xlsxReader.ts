import { JiuzhuError } from '../../../../common/contract/errors';
import { DEFAULT_ZIP_LIMITS, ZipReader, type ZipLimits } from './zipReader';
import { attr, scanXml } from './xmlScan';

/**
 * A cell as the sheet stores it: text (shared, inline or a formula's string result), a number (as
 * the XML wrote it too, so a caller can tell digits that a float cannot hold), a boolean or an
 * error value. Dates are numbers (serial days; see `serialToIsoDate`): only the caller knows which
 * columns are dates.
 */
export type XlsxCell = { t: 's'; v: string } | { t: 'n'; v: number; raw: string } | { t: 'b'; v: boolean } | { t: 'e'; v: string };

export interface XlsxRow {
  /** The row's number in the sheet (1-based), as Excel shows it. */
  r: number;
  /** Cells by column (0 = A); a gap is undefined. */
  cells: Array<XlsxCell | undefined>;
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** The workbook counts dates from 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The 0-based column of a cell reference ("C7" → 2), or -1 when it has none. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** A serial day number as YYYY-MM-DD (the fraction, a time of day, is dropped), or null when it is no plausible date. */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const day = Math.floor(serial) + (date1904 ? 1462 : 0);
  // Excel's day 60 is the 29 February 1900 that never was; from day 61 on, day 0 is 1899-12-30.
  const ms = Date.UTC(1899, 11, day < 61 ? 31 : 30) + day * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (ST_Xstring).
const unescapeOoxml = (s: string) =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

function text(zip: ZipReader, name: string): string | null {
  const b = zip.read(name);
  return b === null ? null : b.toString('utf8');
}

/** The strings of a string item (<si> or <is>): every <t>, except the phonetic runs (<rPh>) Excel keeps for 拼音/ふりがな. */
function collectStrings(xml: string, item: 'si'): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _a, self) {
      if (name === item && !self) cur = '';
      else if (name === item) out.push('');
      else if (name === 'rPh' && !self) phonetic++;
      else if (name === 't' && !self) inT = true;
    },
    close(name) {
      if (name === item && cur !== null) {
        out.push(unescapeOoxml(cur));
        cur = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(t) {
      if (inT && phonetic === 0 && cur !== null) cur += t;
    },
  });
  return out;
}

function relTargets(zip: ZipReader): Map<string, string> {
  const xml = text(zip, 'xl/_rels/workbook.xml.rels');
  const out = new Map<string, string>();
  if (xml === null) return out;
  scanXml(xml, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = attr(a, 'Id');
      const target = attr(a, 'Target');
      if (id && target) out.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
    },
    close() {},
    text() {},
  });
  return out;
}

function readSheet(xml: string, name: string, shared: readonly string[]): XlsxSheet {
  const rows: XlsxRow[] = [];
  let row: XlsxRow | null = null;
  let nextRow = 1;
  let col = 0;
  let type = 'n';
  let value: string | null = null;
  let inline: string | null = null;
  let inV = false;
  let inT = false;
  let phonetic = 0;
  scanXml(xml, {
    open(tag, a, self) {
      switch (tag) {
        case 'row': {
          const r = Number(attr(a, 'r') ?? nextRow);
          row = { r, cells: [] };
          nextRow = r + 1;
          col = 0;
          if (self) {
            rows.push(row);
            row = null;
          }
          return;
        }
        case 'c': {
          const ref = attr(a, 'r');
          const at = ref ? columnIndex(ref) : -1;
          if (at >= 0) col = at;
          type = attr(a, 't') ?? 'n';
          value = null;
          inline = null;
          if (self) col++;
          return;
        }
        case 'v':
          if (!self) {
            inV = true;
            value = '';
          }
          return;
        case 'is':
          inline = '';
          return;
        case 'rPh':
          if (!self) phonetic++;
          return;
        case 't':
          if (!self && inline !== null) inT = true;
          return;
      }
    },
    close(tag) {
      if (tag === 'v') inV = false;
      else if (tag === 't') inT = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'c') {
        const cell = toCell(type, value, inline, shared);
        if (row && cell) row.cells[col] = cell;
        col++;
      } else if (tag === 'row' && row) {
        rows.push(row);
        row = null;
      }
    },
    text(t) {
      if (inV) value += t;
      else if (inT && phonetic === 0 && inline !== null) inline += t;
    },
  });
  return { name, rows };
}

function toCell(type: string, value: string | null, inline: string | null, shared: readonly string[]): XlsxCell | undefined {
  switch (type) {
    case 'inlineStr':
      return inline === null ? undefined : { t: 's', v: unescapeOoxml(inline) };
    case 's': {
      const s = value === null ? undefined : shared[Number(value)];
      if (value !== null && s === undefined) throw new JiuzhuError('FILE_XLSX_INVALID', {}, { reason: `shared string ${value}` });
      return s === undefined ? undefined : { t: 's', v: s };
    }
    case 'str':
      return value === null ? undefined : { t: 's', v: unescapeOoxml(value) };
    case 'b':
      return value === null ? undefined : { t: 'b', v: value.trim() === '1' };
    case 'e':
      return value === null ? undefined : { t: 'e', v: value };
    default: {
      if (value === null || value.trim() === '') return undefined;
      const v = Number(value);
      if (!Number.isFinite(v)) throw new JiuzhuError('FILE_XLSX_INVALID', {}, { reason: 'number' });
      return { t: 'n', v, raw: value.trim() };
    }
  }
}

/**
 * Every worksheet of an .xlsx workbook (Office Open XML, ECMA-376 part 1 §18) in the workbook's
 * order: shared strings, inline strings, formula results, numbers, booleans and errors. Refuses an
 * old binary .xls (OLE2) and anything that is not a workbook, with a message saying what to do.
 */
export function readXlsx(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): XlsxWorkbook {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2)) throw new JiuzhuError('FILE_XLSX_OLD_FORMAT');
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new JiuzhuError('FILE_XLSX_INVALID', {}, { reason: 'not a ZIP archive' });
  const zip = new ZipReader(bytes, limits);
  const workbook = text(zip, 'xl/workbook.xml');
  if (workbook === null) throw new JiuzhuError('FILE_XLSX_INVALID', {}, { reason: 'no xl/workbook.xml' });
  try {
    const rels = relTargets(zip);
    const listed: Array<{ name: string; part: string }> = [];
    let date1904 = false;
    scanXml(workbook, {
      open(name, a) {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(a, 'date1904') ?? '');
        if (name !== 'sheet') return;
        const id = attr(a, 'r:id') ?? attr(a, 'id');
        const part = id ? rels.get(id) : undefined;
        if (part) listed.push({ name: attr(a, 'name') ?? '', part });
      },
      close() {},
      text() {},
    });
    const sharedXml = text(zip, 'xl/sharedStrings.xml');
    const shared = sharedXml === null ? [] : collectStrings(sharedXml, 'si');
    const sheets: XlsxSheet[] = [];
    for (const s of listed) {
      const xml = text(zip, s.part);
      // A chart sheet or a dialog sheet is listed too, but has no worksheet part of that kind: skipped.
      if (xml !== null && xml.includes('<sheetData')) sheets.push(readSheet(xml, s.name, shared));
    }
    if (sheets.length === 0) throw new JiuzhuError('FILE_XLSX_INVALID', {}, { reason: 'no worksheet' });
    return { sheets, date1904 };
  } catch (e) {
    if (e instanceof JiuzhuError) throw e;
    throw new JiuzhuError('FILE_XLSX_INVALID', {}, { reason: e instanceof Error ? e.message : 'XML' });
  }
}
