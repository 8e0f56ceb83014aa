/**
 * The browser shell's printing: the page prints the PDFs core handed it. Each page is drawn by
 * pdf.js at 300 dpi into an image of a print-only layer (the app itself is hidden in print), the
 * paper size is set with @page, and the browser's print dialog — where the clerk picks the
 * printer — prints them all in one job. No iframe or plug-in: the CSP allows neither, and this
 * works the same in every browser. A5 prints the A4 pages scaled (A5 is A4 at 1/√2).
 */
import type { Paper } from '../../../common/contract/methods/documents/print';
import { base64ToBytes, drawPage, openPdf } from './pdf';

const LAYER_ID = 'jz-print-layer';
const DPI = 300;
const SIZE: Record<Paper, { w: number; h: number }> = { A4: { w: 210, h: 297 }, A5: { w: 148, h: 210 } };

async function pageImages(pdfBase64: string): Promise<string[]> {
  const doc = await openPdf(base64ToBytes(pdfBase64));
  const urls: string[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const canvas = await drawPage(doc, i, DPI);
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas'))), 'image/png'),
      );
      canvas.width = 0;
      urls.push(URL.createObjectURL(blob));
    }
  } finally {
    await doc.destroy();
  }
  return urls;
}

/** Print the PDFs in one browser print job; resolves when the dialog closed. */
export async function printInBrowser(pdfs: Array<{ pdfBase64: string; title: string }>, paper: Paper): Promise<{ pages: number }> {
  const urls: string[] = [];
  for (const p of pdfs) urls.push(...(await pageImages(p.pdfBase64)));
  const { w, h } = SIZE[paper];
  document.getElementById(LAYER_ID)?.remove();
  const layer = document.createElement('div');
  layer.id = LAYER_ID;
  layer.dataset.paper = paper;
  layer.dataset.documents = String(pdfs.length);
  const style = document.createElement('style');
  style.textContent = `
    #${LAYER_ID} { display: none; }
    @media print {
      @page { size: ${paper}; margin: 0; }
      body > *:not(#${LAYER_ID}) { display: none !important; }
      #${LAYER_ID} { display: block; }
      #${LAYER_ID} img { display: block; width: ${w}mm; height: ${h}mm; break-after: page; }
    }`;
  layer.appendChild(style);
  for (const url of urls) {
    const img = document.createElement('img');
    img.src = url;
    layer.appendChild(img);
  }
  document.body.appendChild(layer);
  await Promise.all([...layer.querySelectorAll('img')].map((img) => img.decode()));
  const title = document.title;
  if (pdfs.length === 1) document.title = pdfs[0]!.title;
  try {
    window.print();
  } finally {
    document.title = title;
    layer.remove();
    for (const url of urls) URL.revokeObjectURL(url);
  }
  return { pages: urls.length };
}
