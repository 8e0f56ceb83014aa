import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSheet } from '../../stats/xlsx';
import { ZipWriter } from './zip';
import { ZipReader, DEFAULT_ZIP_LIMITS } from './zipReader';
import { columnIndex, readXlsx, serialToIsoDate, type XlsxSheet } from './xlsxReader';

/** A ZIP written by hand, so each header field can be set (or lied about) on purpose. */
function handZip(entries: Array<{ name: string; data: Buffer; method?: 0 | 8; size?: number; crc?: number; flags?: number }>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const packed = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const fields = { crc: e.crc ?? crc32(e.data) >>> 0, size: e.size ?? e.data.length, packed: packed.length, flags: e.flags ?? 0x0800 };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(fields.flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.packed, 18);
    local.writeUInt32LE(fields.size, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(fields.flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(fields.crc, 16);
    c.writeUInt32LE(fields.packed, 20);
    c.writeUInt32LE(fields.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    parts.push(local, name, packed);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
};

const rowValues = (s: XlsxSheet) => s.rows.map((r) => [r.r, r.cells.map((c) => (c === undefined ? null : c.v))]);

describe('ZipReader', () => {
  it('reads stored and deflated entries and checks their CRC-32 and size', () => {
    const zip = new ZipReader(
      handZip([
        { name: 'a.txt', data: Buffer.from('保障名单'), method: 0 },
        { name: 'b/c.xml', data: Buffer.from('<x>'.repeat(1000)) },
      ]),
    );
    expect(zip.names()).toEqual(['a.txt', 'b/c.xml']);
    expect(zip.read('a.txt')!.toString('utf8')).toBe('保障名单');
    expect(zip.read('b/c.xml')!.length).toBe(3000);
    expect(zip.read('missing')).toBeNull();
    expect(code(() => new ZipReader(handZip([{ name: 'a', data: Buffer.from('abc'), crc: 1234 }])).read('a'))).toBe('FILE_ZIP_INVALID');
  });

  it('reads what our own ZipWriter writes, streamed entries with data descriptors included', async () => {
    const w = new ZipWriter();
    w.add('one.txt', Buffer.from('一'), new Date());
    await w.addStream('two.txt', new Date(), async (write) => {
      for (let i = 0; i < 100; i++) await write(`第${i}行\n`);
    });
    const zip = new ZipReader(w.finish());
    expect(zip.read('one.txt')!.toString()).toBe('一');
    expect(zip.read('two.txt')!.toString().split('\n')[99]).toBe('第99行');
  });

  it('never inflates past the declared size, and refuses entries over the limits or inflating out of proportion', () => {
    // 50 MB of zeros declared as 1,000 bytes: inflate stops at 1,001 and the entry is refused.
    const bomb = handZip([{ name: 'x', data: Buffer.alloc(50 * 1024 * 1024), size: 1000 }]);
    const before = process.memoryUsage().arrayBuffers;
    expect(code(() => new ZipReader(bomb).read('x'))).toBe('FILE_ZIP_INVALID');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(40 * 1024 * 1024);
    expect(code(() => new ZipReader(handZip([{ name: 'x', data: Buffer.from('a'), size: 0x7fffffff }])).read('x'))).toBe(
      'FILE_ZIP_TOO_LARGE',
    );
    const zeros = handZip([{ name: 'z', data: Buffer.alloc(5 * 1024 * 1024) }]);
    expect(code(() => new ZipReader(zeros, { ...DEFAULT_ZIP_LIMITS, maxRatio: 100 }).read('z'))).toBe('FILE_ZIP_BOMB');
    expect(code(() => new ZipReader(zeros, { ...DEFAULT_ZIP_LIMITS, maxRatio: 1e6, maxTotalBytes: 1024 * 1024 }).read('z'))).toBe(
      'FILE_ZIP_TOO_LARGE',
    );
    const many = handZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('a') })));
    expect(code(() => new ZipReader(many, { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 }))).toBe('FILE_ZIP_TOO_MANY');
  });

  it('refuses encrypted entries, other methods and what is not a ZIP', () => {
    expect(code(() => new ZipReader(handZip([{ name: 'a', data: Buffer.from('x'), flags: 0x0801 }])))).toBe('FILE_ZIP_UNSUPPORTED');
    const bzip = handZip([{ name: 'a', data: Buffer.from('x'), method: 0 }]);
    bzip.writeUInt16LE(12, bzip.length - 22 - 46 - 1 + 10);
    expect(code(() => new ZipReader(bzip))).toBe('FILE_ZIP_UNSUPPORTED');
    expect(code(() => new ZipReader(Buffer.from('not a zip at all, just text')))).toBe('FILE_ZIP_INVALID');
    const cut = handZip([{ name: 'a', data: Buffer.from('hello') }]);
    expect(code(() => new ZipReader(cut.subarray(0, cut.length - 5)))).toBe('FILE_ZIP_INVALID');
  });
});

describe('readXlsx', () => {
  it('reads a workbook written by exceljs: shared and rich strings, numbers, dates, booleans, formulas, two sheets in order', async () => {
    const wb = new ExcelJS.Workbook();
    const households = wb.addWorksheet('户表');
    households.addRow(['户主姓名', '户主身份证号码', '月保障金额', '批准日期', '是否在册']);
    households.addRow(['张建国', '50011019650312001X', 680.5, new Date(Date.UTC(2021, 2, 5)), true]);
    households.getCell('A3').value = { richText: [{ text: '李' }, { font: { bold: true }, text: '秀英 & <儿>' }] };
    households.getCell('B3').value = Number('500110196503120012');
    households.getCell('C3').value = { formula: 'C2*2', result: 1361 };
    households.getCell('E3').value = { formula: 'A3&"户"', result: '李秀英户' };
    const members = wb.addWorksheet('成员表');
    members.getCell('C4').value = '隔行隔列';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const book = readXlsx(bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(['户表', '成员表']);
    const [h, m] = book.sheets as [XlsxSheet, XlsxSheet];
    expect(rowValues(h)[0]).toEqual([1, ['户主姓名', '户主身份证号码', '月保障金额', '批准日期', '是否在册']]);
    expect(h.rows[1]!.cells[0]).toEqual({ t: 's', v: '张建国' });
    expect(h.rows[1]!.cells[1]).toEqual({ t: 's', v: '50011019650312001X' });
    expect(h.rows[1]!.cells[2]).toMatchObject({ t: 'n', v: 680.5 });
    expect(serialToIsoDate((h.rows[1]!.cells[3] as { v: number }).v, book.date1904)).toBe('2021-03-05');
    expect(h.rows[1]!.cells[4]).toEqual({ t: 'b', v: true });
    expect(h.rows[2]!.cells[0]).toEqual({ t: 's', v: '李秀英 & <儿>' });
    // The 18-digit number came back with digits lost: the caller must refuse it, not trust it.
    const asNumber = h.rows[2]!.cells[1] as { t: 'n'; v: number; raw: string };
    expect(asNumber.t).toBe('n');
    expect(asNumber.raw).not.toBe('500110196503120012');
    expect(h.rows[2]!.cells[2]).toMatchObject({ t: 'n', v: 1361 });
    expect(h.rows[2]!.cells[4]).toEqual({ t: 's', v: '李秀英户' });
    expect(m.rows).toEqual([{ r: 4, cells: [undefined, undefined, { t: 's', v: '隔行隔列' }] }]);
  });

  it('reads what our own writer writes (inline strings, a streamed sheet part)', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ name: `成员${i}`, amount: i * 1.5, on: '2024-07-01' }));
    const { bytes } = await writeSheet(
      '在册对象',
      [
        { header: '成员姓名', kind: 'text', value: (r: (typeof rows)[number]) => r.name },
        { header: '月保障金额', kind: 'yuan', value: (r) => r.amount },
        { header: '批准日期', kind: 'date', value: (r) => new Date(`${r.on}T00:00:00Z`) },
      ],
      [rows],
    );
    const book = readXlsx(bytes);
    const s = book.sheets[0]!;
    expect(s.name).toBe('在册对象');
    expect(s.rows).toHaveLength(2501);
    expect(s.rows[2500]).toEqual({
      r: 2501,
      cells: [
        { t: 's', v: '成员2499' },
        { t: 'n', v: 3748.5, raw: '3748.5' },
        { t: 'n', v: 45474, raw: '45474' },
      ],
    });
    expect(serialToIsoDate(45474)).toBe('2024-07-01');
  });

  it('refuses an old .xls, a ZIP that is no workbook, text, and a cell naming a shared string that is not there, each with its code', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(code(() => readXlsx(ole))).toBe('FILE_XLSX_OLD_FORMAT');
    expect(code(() => readXlsx(handZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }])))).toBe('FILE_XLSX_INVALID');
    expect(code(() => readXlsx(Buffer.from('户主姓名,身份证号码\n')))).toBe('FILE_XLSX_INVALID');
    const broken = handZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>') },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>'),
      },
    ]);
    expect(code(() => readXlsx(broken))).toBe('FILE_XLSX_INVALID');
  });

  it('turns serial days into dates as Excel counts them (the 1900 leap-year slot, the 1904 system)', () => {
    expect(serialToIsoDate(1)).toBe('1900-01-01');
    expect(serialToIsoDate(59)).toBe('1900-02-28');
    expect(serialToIsoDate(61)).toBe('1900-03-01');
    expect(serialToIsoDate(44197.75)).toBe('2021-01-01');
    expect(serialToIsoDate(1, true)).toBe('1904-01-02');
    expect(serialToIsoDate(-3)).toBeNull();
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AA12')).toBe(26);
    expect(columnIndex('XFD1')).toBe(16383);
  });
});
