import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { type DocumentKind } from '../common/capture/documentKinds';
import { photographPage, rotatedQuad, textPage } from '../common/capture/image/synthetic';
import type { Quad } from '../common/capture/image/types';
import { documentCaptureSchema, type DocumentPage } from '../common/capture/schemas';
import { syntheticApplication } from '../main/core/cases/demo/synthetic';
import { caseStation } from '../main/core/cases/testing/station';
import { GBT9704, PAGE, PAGE_QUAD } from '../tests/e2e/captureFixtures';
import { chromiumPath } from '../tests/e2e/chromium';
import { serveRenderer } from './rendererPage';
import { row, type Benchmark, type BenchRow } from './types';

/**
 * Counter capture, measured on this machine (the face checks are bench/face.ts):
 * - documents: the renderer's processPage (find → deskew → levels → WebP search → SSIM), bundled
 *   for a small standalone page in headless Chromium, on a generated fixture set of photographed A4
 *   pages; bytes per page;
 * - capture → stored: processPage time + `intake.addMaterial` (CaseService.addMaterial: encrypted
 *   attachment, link, audit) in Node against a real encrypted store.
 */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The page's own code: processPage from the renderer. */
const PAGE_ENTRY = `
import { processPage } from '../renderer/src/capture/document/processPage';
const w = window as unknown as Record<string, unknown>;
w.benchDocument = async (b64: string, width: number, height: number, kind: string, index: number) => {
  const grey = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) { rgba[j] = rgba[j + 1] = rgba[j + 2] = grey[i]!; rgba[j + 3] = 255; }
  const frame = new ImageData(rgba, width, height);
  const t0 = performance.now();
  const page = await processPage(frame, kind as never, index, 'camera');
  return { ms: performance.now() - t0, page };
};
`;

/** The fixture set: official letters (GB/T 9704) and dense 10.5 pt pages, photographed at various angles on a 1920×1440 desk. */
function documentFixtures(): { name: string; kind: DocumentKind; grey: Uint8ClampedArray }[] {
  const quads: Quad[] = [
    PAGE_QUAD,
    rotatedQuad(960, 720, 920, 1300, -6),
    rotatedQuad(960, 720, 900, 1270, 4),
    rotatedQuad(980, 700, 880, 1245, 9),
  ];
  const out: { name: string; kind: DocumentKind; grey: Uint8ClampedArray }[] = [];
  quads.forEach((quad, i) => {
    for (const dense of [false, true]) {
      const page = textPage({ width: PAGE.width, height: PAGE.height, seed: 300 + i * 2 + (dense ? 1 : 0), ...(dense ? {} : GBT9704) });
      const scene = photographPage(page, { width: 1920, height: 1440, quad, desk: 40 + i * 5, noise: 10, seed: 11 + i });
      out.push({
        name: `${dense ? 'dense 10.5 pt' : 'GB/T 9704 letter'} #${i + 1}`,
        kind: dense ? 'medical' : 'incomeProof',
        grey: scene.data,
      });
    }
  });
  return out;
}

export const benchmark: Benchmark = {
  name: 'capture',
  summary: 'document page processing in headless Chromium, capture → encrypted attachment, bytes per A4 page',
  async run(): Promise<BenchRow[]> {
    const exe = chromiumPath();
    if (!exe) throw new Error('capture bench needs /usr/bin/chromium (or CHROME_PATH)');
    const bundled = await build({
      stdin: { contents: PAGE_ENTRY, loader: 'ts', resolveDir: import.meta.dirname },
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      logLevel: 'silent',
    });
    const { server, origin } = await serveRenderer(bundled.outputFiles[0]!.text);
    const browser = await chromium.launch({ executablePath: exe });
    const rows: BenchRow[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-capture-'));
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/bench.html`);

      // Documents: processPage in the page, then the store in Node.
      const { svc, actor, t } = caseStation(dir, '2026-06-15T02:00:00Z');
      const today = svc.today();
      const saved = svc.saveDraft(actor, {
        application: { ...syntheticApplication({ seed: 4242, today, size: 3, type: 'dibao' }), materials: [] },
      });
      const code = svc.checklist().types.dibao[0]!.code;
      const processMs: number[] = [];
      const storeMs: number[] = [];
      const bytes: number[] = [];
      const ssims: number[] = [];
      for (const [i, fx] of documentFixtures().entries()) {
        const b64 = Buffer.from(fx.grey.buffer, fx.grey.byteOffset, fx.grey.byteLength).toString('base64');
        const r = await page.evaluate(
          ([b, k, n]) =>
            (window as unknown as { benchDocument: (...a: unknown[]) => Promise<{ ms: number; page: DocumentPage }> }).benchDocument(
              b,
              1920,
              1440,
              k,
              n,
            ),
          [b64, fx.kind, i] as const,
        );
        processMs.push(r.ms);
        bytes.push(r.page.image.bytes);
        ssims.push(r.page.ssim);
        if (r.page.image.width !== PAGE.width || !r.page.quad)
          process.stderr.write(`  ${fx.name}: ${r.page.image.width}×${r.page.image.height}, page ${r.page.quad ? 'found' : 'NOT found'}\n`);
        const capture = documentCaptureSchema.parse({
          kind: 'document',
          documentKind: fx.kind,
          capturedAt: new Date().toISOString(),
          pages: [{ ...r.page, index: 0 }],
        });
        const a = performance.now();
        svc.addMaterial(actor, saved.caseId, code, capture);
        storeMs.push(performance.now() - a);
      }
      t.auth.close();
      const n = bytes.length;
      rows.push(
        row(
          'capture: document page processing (find, deskew, WebP search, SSIM)',
          `median of ${n} pages 1920×1440`,
          median(processMs),
          'ms',
        ),
      );
      rows.push(row('capture: page → encrypted attachment (intake.addMaterial)', `median of ${n} pages`, median(storeMs), 'ms'));
      rows.push(
        row(
          'capture: capture → stored attachment (processing + store)',
          `median of ${n} pages`,
          median(processMs.map((p, i) => p + storeMs[i]!)),
          'ms',
        ),
      );
      rows.push(row('capture: bytes per A4 page, median', `${n} pages, 150 dpi grey`, median(bytes) / 1024, 'KB', 120));
      rows.push(row('capture: bytes per A4 page, max', `${n} pages, 150 dpi grey`, Math.max(...bytes) / 1024, 'KB', 120));
      rows.push(row('capture: ink SSIM of stored pages, min', `${n} pages`, Math.min(...ssims), 'SSIM', 0.9));
      return rows;
    } finally {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
