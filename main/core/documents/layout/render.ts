/**
 * Lays a list of blocks out on GB/T 9704 pages with pdfkit. Text sits on the 22-line grid, its
 * characters at the 28-per-line pitch; lines are broken by layout/lineBreak.ts and justified;
 * tables, images and the QR code flow between grid lines; page numbers (— 1 —) go below the block,
 * outside on odd pages right, on even pages left.
 */
import PDFDocument from 'pdfkit';
import { JiuzhuError } from '../../../../common/contract/errors';
import type { DocumentFonts } from '../fonts';
import { breakLines } from './lineBreak';
import { BLOCK, EM_ASCENT, PAGE, RED, mm } from './page';
import {
  headingFont,
  type Block,
  type DocumentLayout,
  type FontKey,
  type ImagesBlock,
  type ParagraphBlock,
  type QrBlock,
  type SignatureBlock,
  type TableBlock,
  type TableCell,
} from './blocks';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

export interface LayoutOptions {
  /** Written into the PDF's metadata; fixed dates make identical input give identical bytes. */
  creationDate?: Date;
  /** Extra ASCII entries of the PDF Info dictionary (e.g. the certificate payload for `verify --file`). */
  metadata?: Record<string, string>;
}

const EPS = 1e-3;
/** Thrown inside an attempt whose seal would land on a page of its own. */
const ORPHANED = Symbol('orphaned signature');
const count = (s: string) => Array.from(s).length;

/**
 * Widths of strings per font face and size, shared by every document of the process: line breaking
 * measures every candidate line, and shaping them again for each notice was a third of its time.
 * A width depends only on the face, the size and the string, so the PDFs are the same bytes with a
 * warm or a cold cache (render.test.ts). Bounded: cleared when it reaches MAX_CACHED_WIDTHS strings.
 */
const WIDTHS = new WeakMap<object, Map<string, number>>();
const MAX_CACHED_WIDTHS = 50_000;
function widthsOf(face: object): Map<string, number> {
  let m = WIDTHS.get(face);
  if (!m) WIDTHS.set(face, (m = new Map()));
  return m;
}
/** Forget the measured widths (tests: render with a cold cache). */
export function clearWidthCache(faces: DocumentFonts['faces']): void {
  for (const face of Object.values(faces)) WIDTHS.get(face)?.clear();
}

/**
 * Bold (station header, title, level-2 headings) is the regular serif face filled and stroked with a
 * line of BOLD_STROKE em (text render mode 2): its glyphs are mostly the body's, so a notice embeds
 * two subsets (serif, sans) instead of three — a third subset was what put most notices over 40 KB.
 * Noto Serif SC Bold's stems are ~0.045 em heavier than Regular's.
 */
const BOLD_STROKE = 0.04;
const drawnWith = (key: FontKey): Exclude<FontKey, 'serifBold'> => (key === 'serifBold' ? 'serif' : key);

class PageWriter {
  readonly doc: PDFKit.PDFDocument;
  /** Top of the free space on the current page, in points. */
  y: number = BLOCK.top;
  /** The grid line height: 225 mm / 22, tightened only to keep the seal on the body's page. */
  readonly pitch: number;
  readonly lines: number;
  /** Set when the issuer and seal did not fit under the body and went to a page of their own. */
  orphanedSignature = false;
  /** Abandon the attempt at once when the seal would be orphaned (a tighter grid follows). */
  retryOnOrphan = false;

  constructor(
    doc: PDFKit.PDFDocument,
    private readonly faces: DocumentFonts['faces'],
    pitchScale = 1,
  ) {
    this.doc = doc;
    this.pitch = BLOCK.pitch * pitchScale;
    this.lines = Math.floor(PAGE.blockHeight / this.pitch + EPS);
  }

  /** Width of `s` in `font` at `size`, laid at the body's character pitch when `grid` is set. */
  measure(key: FontKey, size: number, spacing = 0): (s: string) => number {
    const font = drawnWith(key);
    const widths = widthsOf(this.faces[font]);
    return (s: string) => {
      const key = `${size}|${s}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = this.doc.font(font).fontSize(size).widthOfString(s);
        if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
        widths.set(key, w);
      }
      return w + spacing * count(s);
    };
  }

  newPage(): void {
    this.doc.addPage();
    this.y = BLOCK.top;
  }

  /** Index of the next free grid line, starting a new page when the block is full. */
  nextGridLine(needed = 1): number {
    let line = Math.ceil((this.y - BLOCK.top - EPS) / this.pitch);
    if (line + needed > this.lines) {
      this.newPage();
      line = 0;
    }
    return line;
  }

  /** Baseline that centres a `size` em box in grid line `line` (spanning `span` lines). */
  baseline(line: number, size: number, span = 1): number {
    return BLOCK.top + line * this.pitch + (span * this.pitch - size) / 2 + EM_ASCENT * size;
  }

  draw(text: string, x: number, baseline: number, key: FontKey, size: number, spacing = 0, color = 'black'): void {
    const bold = key === 'serifBold';
    if (bold)
      this.doc
        .save()
        .lineWidth(size * BOLD_STROKE)
        .lineJoin('round')
        .strokeColor(color);
    this.doc
      .font(drawnWith(key))
      .fontSize(size)
      .fillColor(color)
      .text(text, x, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: spacing,
        ...(bold ? { fill: true, stroke: true } : {}),
      });
    if (bold) this.doc.restore();
  }
}

/** The spacing that sets body characters at the grid pitch (15.79 pt for a 16 pt face). */
const gridSpacing = (size: number) => (size === PAGE.bodySize ? BLOCK.charPitch - PAGE.bodySize : 0);

function paragraph(w: PageWriter, b: ParagraphBlock, size = PAGE.bodySize): void {
  const font = b.font ?? 'serif';
  const spacing = gridSpacing(size);
  const cp = BLOCK.charPitch;
  const indent = (b.indent ?? 0) * cp;
  const hanging = (b.hangingIndent ?? 0) * cp;
  const measure = w.measure(font, size, spacing);
  const lines = breakLines(b.text, PAGE.blockWidth - hanging, measure, { firstLineWidth: PAGE.blockWidth - indent });
  lines.forEach((line, i) => {
    const start = i === 0 ? indent : hanging;
    const avail = PAGE.blockWidth - start;
    const n = count(line.text);
    let x = BLOCK.left + start;
    let extra = 0;
    if (b.align === 'center') x = BLOCK.left + (PAGE.blockWidth - line.width) / 2;
    else if (b.align === 'right') x = BLOCK.right - line.width;
    else if (!line.last && n > 1) {
      extra = (avail - line.width) / (n - 1);
      if (extra > size / 2) extra = 0; // a very short line (long Latin run pushed down): leave it ragged
    }
    const row = w.nextGridLine();
    w.draw(line.text, x, w.baseline(row, size), font, size, spacing + extra);
    w.y = BLOCK.top + (row + 1) * w.pitch;
  });
}

function header(w: PageWriter, lines: string[], docNo: string | undefined): void {
  for (const text of lines) {
    const row = w.nextGridLine();
    const width = w.measure('serifBold', PAGE.headerSize, 2)(text);
    const x = BLOCK.left + Math.max(0, (PAGE.blockWidth - width) / 2);
    w.draw(text, x, w.baseline(row, PAGE.headerSize), 'serifBold', PAGE.headerSize, 2, RED);
    w.y = BLOCK.top + (row + 1) * w.pitch;
  }
  if (docNo) paragraph(w, { kind: 'paragraph', text: docNo, align: 'center' });
  const ruleY = w.y + mm(1.5);
  w.doc.save().lineWidth(1.2).strokeColor(RED).moveTo(BLOCK.left, ruleY).lineTo(BLOCK.right, ruleY).stroke().restore();
  w.y = ruleY + 1;
}

function title(w: PageWriter, text: string): void {
  const size = PAGE.titleSize;
  const measure = w.measure('serifBold', size);
  const lines = breakLines(text, PAGE.blockWidth - 4 * BLOCK.charPitch, measure);
  for (const line of lines) {
    const row = w.nextGridLine(lines.length > 1 ? 1 : 2);
    w.draw(line.text, BLOCK.left + (PAGE.blockWidth - line.width) / 2, w.baseline(row, size), 'serifBold', size);
    w.y = BLOCK.top + (row + 1) * w.pitch;
  }
  w.y += w.pitch; // one blank line under the title
}

function table(w: PageWriter, b: TableBlock): void {
  const size = b.size ?? PAGE.tableSize;
  const lh = size * 1.45;
  const pad = 4;
  const total = b.columns.reduce((a, c) => a + c, 0);
  const colW = b.columns.map((c) => (c / total) * PAGE.blockWidth);
  const measure = w.measure('sans', size);
  const bold = w.measure('sans', size);

  const layoutRow = (cells: TableCell[]) => {
    let col = 0;
    let x = BLOCK.left;
    const placed = cells.map((cell) => {
      const span = cell.span ?? 1;
      const width = colW.slice(col, col + span).reduce((a, c) => a + c, 0);
      const lines = breakLines(cell.text, width - 2 * pad, cell.bold ? bold : measure);
      const out = { cell, x, width, lines };
      col += span;
      x += width;
      return out;
    });
    const height = Math.max(...placed.map((p) => Math.max(p.lines.length, p.cell.minLines ?? 1))) * lh + 2 * pad;
    return { placed, height };
  };

  const drawRow = (cells: TableCell[], shaded: boolean) => {
    const { placed, height } = layoutRow(cells);
    if (w.y + height > BLOCK.bottom + EPS) {
      w.newPage();
      if (b.header && !shaded) drawRow(b.header, true);
    }
    const top = w.y;
    for (const p of placed) {
      if (shaded) w.doc.save().rect(p.x, top, p.width, height).fill('#EEEEEE').restore();
      w.doc.save().lineWidth(0.6).strokeColor('black').rect(p.x, top, p.width, height).stroke().restore();
      p.lines.forEach((line, i) => {
        const align = p.cell.align ?? 'left';
        const x = align === 'center' ? p.x + (p.width - line.width) / 2 : align === 'right' ? p.x + p.width - pad - line.width : p.x + pad;
        const base = top + pad + i * lh + (lh - size) / 2 + EM_ASCENT * size;
        w.doc.font('sans').fontSize(size).fillColor('black');
        w.doc.text(line.text, x, base, {
          lineBreak: false,
          baseline: 'alphabetic',
          ...(p.cell.bold ? { fill: true, stroke: true } : {}),
        });
      });
    }
    w.y = top + height;
  };

  w.y += mm(1.5);
  if (w.y + 3 * lh > BLOCK.bottom) w.newPage();
  if (b.header) drawRow(b.header, true);
  for (const row of b.rows) drawRow(row, false);
  w.y += mm(2);
}

function images(w: PageWriter, b: ImagesBlock): void {
  const labelH = PAGE.tableSize * 1.6;
  const boxH = Math.max(...b.items.map((i) => mm(i.heightMm))) + labelH;
  const row = w.nextGridLine(Math.ceil(boxH / w.pitch));
  let x = BLOCK.left + 2 * BLOCK.charPitch;
  const top = BLOCK.top + row * w.pitch;
  for (const item of b.items) {
    const iw = mm(item.widthMm);
    const ih = mm(item.heightMm);
    w.draw(item.label, x, top + EM_ASCENT * PAGE.tableSize + 2, 'sans', PAGE.tableSize);
    try {
      w.doc.image(Buffer.from(item.data.buffer, item.data.byteOffset, item.data.byteLength), x, top + labelH, {
        fit: [iw, ih],
        align: 'center',
        valign: 'center',
      });
    } catch (e) {
      throw new JiuzhuError('DOC_BAD_IMAGE', { field: item.label }, { field: item.field, cause: String(e) });
    }
    w.doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#888888')
      .rect(x, top + labelH, iw, ih)
      .stroke()
      .restore();
    x += iw + mm(12);
  }
  w.y = top + boxH + mm(2);
  if (b.caption) paragraph(w, { kind: 'paragraph', text: b.caption, indent: 2 });
}

function qr(w: PageWriter, b: QrBlock): void {
  const size = mm(b.sizeMm);
  const row = w.nextGridLine(Math.ceil(size / w.pitch));
  const top = BLOCK.top + row * w.pitch;
  const n = b.modules.length;
  const m = size / n;
  const x0 = BLOCK.left;
  const doc = w.doc.save().fillColor('black');
  b.modules.forEach((cells, r) => {
    // One rectangle per horizontal run of dark modules keeps the PDF small and the edges clean.
    for (let c = 0; c < n;) {
      if (!cells[c]) {
        c++;
        continue;
      }
      let end = c;
      while (end < n && cells[end]) end++;
      doc.rect(x0 + c * m, top + r * m, (end - c) * m, m);
      c = end;
    }
  });
  doc.fill().restore();
  const captionX = x0 + size + mm(6);
  b.caption.forEach((line, i) => {
    w.draw(line, captionX, top + mm(4) + i * PAGE.tableSize * 1.7 + EM_ASCENT * PAGE.tableSize, 'sans', PAGE.tableSize);
  });
  w.y = top + size + mm(2);
}

function signature(w: PageWriter, b: SignatureBlock): void {
  // One blank line, the issuer, the date, and a line below for the seal that covers both.
  let row = Math.ceil((w.y - BLOCK.top - EPS) / w.pitch) + 1;
  if (row + 3 > w.lines) {
    w.orphanedSignature = true;
    if (w.retryOnOrphan) throw ORPHANED;
    w.newPage();
    row = 1;
  }
  const size = PAGE.bodySize;
  const spacing = gridSpacing(size);
  const measure = w.measure('serif', size, spacing);
  const dateW = measure(b.date);
  const dateX = BLOCK.right - 4 * BLOCK.charPitch - dateW;
  const issuerW = measure(b.issuer);
  const issuerX = Math.max(BLOCK.left, Math.min(dateX + dateW / 2 - issuerW / 2, BLOCK.right - issuerW));
  w.draw(b.issuer, issuerX, w.baseline(row, size), 'serif', size, spacing);
  w.draw(b.date, dateX, w.baseline(row + 1, size), 'serif', size, spacing);
  w.y = BLOCK.top + (row + 3) * w.pitch;
}

function block(w: PageWriter, b: Block): void {
  switch (b.kind) {
    case 'header':
      return header(w, b.lines, b.docNo);
    case 'marks':
      return paragraph(w, { kind: 'paragraph', text: b.text, font: 'sans' });
    case 'title':
      return title(w, b.text);
    case 'paragraph':
      return paragraph(w, b);
    case 'heading':
      return paragraph(w, { kind: 'paragraph', text: b.text, indent: 2, font: headingFont(b.level) });
    case 'table':
      return table(w, b);
    case 'images':
      return images(w, b);
    case 'qr':
      return qr(w, b);
    case 'signature':
      return signature(w, b);
    case 'spacer':
      w.y = BLOCK.top + (Math.ceil((w.y - BLOCK.top - EPS) / w.pitch) + b.lines) * w.pitch;
      if (w.y > BLOCK.bottom) w.newPage();
      return;
  }
}

function pageNumbers(doc: PDFKit.PDFDocument): number {
  const range = doc.bufferedPageRange();
  const size = PAGE.pageNumberSize;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const text = `— ${i + 1} —`;
    const width = doc.font('serif').fontSize(size).widthOfString(text);
    const odd = (i + 1) % 2 === 1;
    const x = odd ? BLOCK.right - size - width : BLOCK.left + size;
    doc.fillColor('black').text(text, x, BLOCK.bottom + PAGE.pageNumberGap + EM_ASCENT * size, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
  }
  return range.count;
}

/** Tighter grids tried, in order, when the seal would otherwise sit on a page without body text. */
const PITCH_SCALES = [1, 0.96, 0.92, 0.88];

export async function renderLayout(layout: DocumentLayout, fonts: DocumentFonts, opts: LayoutOptions = {}): Promise<RenderedPdf> {
  for (let i = 0; ; i++) {
    const scale = PITCH_SCALES[i]!;
    const last = i === PITCH_SCALES.length - 1;
    // GB/T 9704 7.3.5: the seal must share a page with the body; adjust the line spacing to make it so.
    const result = await attempt(layout, fonts, opts, scale, last);
    if (result) return result;
  }
}

function attempt(
  layout: DocumentLayout,
  fonts: DocumentFonts,
  opts: LayoutOptions,
  scale: number,
  last: boolean,
): Promise<RenderedPdf | null> {
  const doc = new PDFDocument({
    // No default font: pdfkit would parse Helvetica's metrics and write its font object into every
    // PDF, though only the registered CJK faces ever draw.
    font: null as unknown as string,
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: layout.title,
      Author: layout.author,
      Creator: '救助通工作站',
      CreationDate: opts.creationDate ?? new Date(),
      ...opts.metadata,
    } as PDFKit.DocumentInfo,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // The parsed fontkit faces are shared by every document (pdfkit accepts a font object): their
  // tables and glyph caches are read once per process; each document still makes its own subset.
  for (const key of ['serif', 'sans'] as const) doc.registerFont(key, fonts.faces[key] as unknown as Buffer);
  const w = new PageWriter(doc, fonts.faces, scale);
  w.retryOnOrphan = !last;
  try {
    for (const b of layout.blocks) block(w, b);
  } catch (e) {
    // An abandoned attempt is never ended: nothing was subset or written, the garbage collector takes it.
    if (e === ORPHANED) return Promise.resolve(null);
    doc.end();
    return done.then(() => Promise.reject(e));
  }
  const pages = pageNumbers(doc);
  doc.end();
  return done.then((pdf) => ({ pdf, pages }));
}
