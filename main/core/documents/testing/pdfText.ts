/** Read a generated PDF back with pdfjs: the text items of each page with their positions. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  /** Left edge and baseline, in points from the page's top-left corner. */
  x: number;
  baseline: number;
  width: number;
  size: number;
}

export interface PdfPage {
  items: TextItem[];
  text: string;
}

export async function readPdf(pdf: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.view[3]!;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      const [a, , , d, e, f] = it.transform as number[];
      items.push({ str: it.str, x: e!, baseline: height - f!, width: it.width, size: Math.abs(d! || a!) });
    }
    items.sort((p, q) => p.baseline - q.baseline || p.x - q.x);
    pages.push({ items, text: items.map((t) => t.str).join('') });
  }
  await doc.destroy();
  return pages;
}

/** Run a poppler tool on the PDF in a scratch directory; returns stdout. */
export function poppler(tool: 'pdffonts' | 'pdftotext' | 'pdfinfo', pdf: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'jz-doc-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync(`/usr/bin/${tool}`, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Render one page to an 8-bit grey raster with pdftoppm. */
export function rasterize(pdf: Uint8Array, page: number, dpi: number): { width: number; height: number; data: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'jz-ras-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync('/usr/bin/pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', file], {
      maxBuffer: 256 * 1024 * 1024,
    });
    // PGM (P5): header "P5\n<w> <h>\n255\n" then bytes.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(out.subarray(0, 64).toString('latin1'))!;
    const offset = header[0].length;
    return { width: Number(header[1]), height: Number(header[2]), data: out.subarray(offset) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
