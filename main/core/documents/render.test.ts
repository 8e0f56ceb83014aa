import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../common/documents/index';
import { isJiuzhuError } from '../../../common/contract/errors';
import { checkDocumentGlyphs, renderDocument, type RenderedDocument } from './render';
import { findMissingGlyphs } from './glyphCheck';
import { BLOCK, PAGE } from './layout/page';
import { clearWidthCache } from './layout/render';
import { NO_LINE_END, NO_LINE_START } from './layout/lineBreak';
import { SAMPLES, applicant, station, testFonts, testKeys } from './testing/fixtures';
import { poppler, readPdf, type PdfPage } from './testing/pdfText';
import type { DocumentFonts } from './fonts';

let fonts: DocumentFonts;
const keys = testKeys();
const rendered = new Map<DocumentKind, { doc: RenderedDocument; pages: PdfPage[] }>();
const ctx = () => ({ fonts, signingKey: keys.privateKey, creationDate: new Date('2026-11-29T00:00:00Z') });

async function render(kind: DocumentKind, input: unknown) {
  const doc = await renderDocument(kind, input, ctx());
  return { doc, pages: await readPdf(doc.pdf) };
}

const isPageNumber = (s: string) => /^— \d+ —$/.test(s);

beforeAll(async () => {
  fonts = testFonts();
  for (const kind of DOCUMENT_KINDS) rendered.set(kind, await render(kind, SAMPLES[kind]));
});

const get = (kind: DocumentKind) => rendered.get(kind)!;

describe('every document kind', () => {
  it.each(DOCUMENT_KINDS)('%s: one A4 page, numbered — 1 —, titled, every word inside the text block', (kind) => {
    const { doc, pages } = get(kind);
    expect(doc.pages).toBe(1);
    expect(pages).toHaveLength(1);
    expect(doc.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const items = pages[0]!.items;
    expect(items.filter((i) => isPageNumber(i.str)).map((i) => i.str)).toEqual(['— 1 —']);
    for (const it of items) {
      if (isPageNumber(it.str)) {
        // Page numbers sit below the block, on odd pages at the right.
        expect(it.baseline).toBeGreaterThan(BLOCK.bottom);
        expect(it.x + it.width).toBeLessThanOrEqual(BLOCK.right + 0.5);
        expect(it.x).toBeGreaterThan(BLOCK.left + PAGE.blockWidth / 2);
        continue;
      }
      const emTop = it.baseline - 0.88 * it.size;
      const emBottom = it.baseline + 0.12 * it.size;
      expect(it.x, it.str).toBeGreaterThanOrEqual(BLOCK.left - 0.5);
      expect(it.x + it.width, it.str).toBeLessThanOrEqual(BLOCK.right + 1);
      expect(emTop, it.str).toBeGreaterThanOrEqual(BLOCK.top - 0.5);
      expect(emBottom, it.str).toBeLessThanOrEqual(BLOCK.bottom + 0.5);
    }
  });

  it.each(DOCUMENT_KINDS)('%s: fonts are embedded as subsets', (kind) => {
    const table = poppler('pdffonts', get(kind).doc.pdf);
    const rows = table.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    }
    // A subset of a 14 MB font: a notice stays small.
    expect(get(kind).doc.pdf.length).toBeLessThan(120_000);
  });

  it.each(DOCUMENT_KINDS)('%s: no body line starts or ends with a forbidden mark', (kind) => {
    for (const it of get(kind).pages[0]!.items) {
      if (isPageNumber(it.str)) continue;
      const chars = Array.from(it.str.trim());
      expect(NO_LINE_START.has(chars[0]!), `line starts badly: ${it.str}`).toBe(false);
      expect(NO_LINE_END.has(chars.at(-1)!), `line ends badly: ${it.str}`).toBe(false);
    }
  });

  it('body text sits on the 22-line grid at 16 pt with 28 characters a line', () => {
    const items = get('refusal').pages[0]!.items.filter((i) => i.size === 16);
    const baselines = [...new Set(items.map((i) => i.baseline.toFixed(2)))].map(Number);
    for (const b of baselines) {
      const line = (b - BLOCK.top - (BLOCK.pitch - 16) / 2 - 0.88 * 16) / BLOCK.pitch;
      expect(Math.abs(line - Math.round(line))).toBeLessThan(0.01);
    }
    // A full CJK line: 28 characters filling 156 mm.
    const full = items.find((i) => Array.from(i.str).length === 28 && /^[\u4e00-\u9fff（），：；。]+$/.test(i.str));
    expect(full, 'a full line of 28 characters').toBeTruthy();
    expect(full!.x).toBeCloseTo(BLOCK.left, 0);
    expect(full!.width).toBeGreaterThan(PAGE.blockWidth - 1);
  });
});

describe('what each document says', () => {
  const text = (kind: DocumentKind) => get(kind).pages[0]!.text;

  it('acceptance: header, 文号, title, dates in Chinese, materials, issuer', () => {
    const t = text('acceptance');
    const order = [
      '重庆市渝北区龙溪街道办事处',
      '龙溪救受〔2026〕12号',
      '受理通知书',
      '王小文：',
      '二〇二六年十一月二十七日',
      '予以受理',
      '1. 最低生活保障申请书',
      '4. 残疾人证复印件',
      '12349',
    ];
    let at = -1;
    for (const w of order) {
      const next = t.indexOf(w, at + 1);
      expect(next, w).toBeGreaterThan(at);
      at = next;
    }
    expect(t.endsWith('重庆市渝北区龙溪街道办事处二〇二六年十一月二十九日— 1 —')).toBe(true);
  });

  it('supplement lists every missing item', () => {
    const t = text('supplement');
    expect(t).toContain('共3项');
    expect(t).toContain('1. 配偶李秀英的家庭经济状况核对授权书（须本人签字）');
    expect(t).toContain('2. 长子王强的在校证明（由就读学校出具）');
    expect(t).toContain('3. 近6个月的医疗费用票据');
    expect(t).toContain('二〇二六年十二月十三日前');
  });

  it('rejection, refusal and termination give reasons, basis and the redress route', () => {
    for (const kind of ['rejection', 'refusal', 'termination'] as const) {
      const t = text(kind);
      expect(t).toContain('理由：');
      expect(t).toMatch(/依据：《.+》第.+条/);
      expect(t).toContain('60日内向重庆市渝北区人民政府申请行政复议');
      expect(t).toContain('6个月内向重庆市渝北区人民法院提起行政诉讼');
    }
    expect(text('refusal')).toContain('一是家庭人均月收入1,850.00元');
  });

  it('approval gives the amount in figures and capitals', () => {
    const t = text('approval');
    expect(t).toContain('每月1,200.50元（人民币壹仟贰佰元伍角）');
    expect(t).toContain('二〇二七年一月起');
    expect(t).toContain('共3人');
  });

  it('termination (adjust) gives old and new amounts', () => {
    expect(text('termination')).toContain('由每月1,200.50元调整为每月800.00元（人民币捌佰元整）');
  });

  it('authorization: the signer, the authorization text, signature, photo and time', () => {
    const t = text('authorization');
    expect(t).toContain('本人李秀英（公民身份号码：500112199203154321）');
    expect(t).toContain('查询、核对本人的户籍、收入、财产');
    expect(t).toContain('授权人签名');
    expect(t).toContain('签署时间：2026年11月29日 09:05');
    // Two images are placed (signature and face).
    expect(
      get('authorization')
        .doc.pdf.toString('latin1')
        .match(/\/Subtype \/Image/g)?.length,
    ).toBe(2);
  });

  it('visit form: every member and both investigators', () => {
    const t = text('visit-form');
    for (const w of ['王小文', '李秀英', '王强', '张建国、刘芳', '500112201505052345', '1,200.00', '调查人员', '家庭成员'])
      expect(t).toContain(w);
  });

  it('certificate: holder, category, amount, since, review, validity, hotline', () => {
    const t = text('certificate');
    for (const w of [
      '救助证明',
      '证明编号：JZ500112-2026-000123',
      '城市最低生活保障',
      '1,200.50元（人民币壹仟贰佰元伍角）',
      '二〇二七年一月起',
      '下次复核时间：二〇二七年六月三十日',
      '社会救助服务热线：12349',
    ]) {
      expect(t).toContain(w);
    }
  });
});

describe('privacy', () => {
  it('public copies mask names, ID numbers and addresses; the applicant copy shows them', async () => {
    const input = { ...(SAMPLES['visit-form'] as object), copy: 'public' };
    const pub = (await render('visit-form', input)).pages[0]!.text;
    const own = get('visit-form').pages[0]!.text;
    expect(own).toContain('500112199001011234');
    expect(own).toContain('松石北路128号');
    expect(pub).not.toMatch(/\d{17}[\dX]/);
    expect(pub).toContain('500112********1234');
    expect(pub).toContain('王*文');
    expect(pub).not.toContain('王小文');
    expect(pub).not.toContain('松石北路128号');
    expect(pub).toContain('138****5678');
    expect(pub).toContain('公开副本（个人信息已隐去）');
    expect(pub).not.toContain('1,200.00'); // member incomes are not shown to third parties
  });

  it('a county may mask to the surname only', async () => {
    const input = { ...(SAMPLES.acceptance as object), copy: 'public', station: { ...station, nameMask: 'surname-only' } };
    expect((await render('acceptance', input)).pages[0]!.text).toContain('王**：');
  });

  it('the 公示 list shows only name, household size and amount', () => {
    const t = get('publicity').pages[0]!.text;
    expect(t).toContain('王小文');
    expect(t).toContain('1,200.50');
    expect(t).not.toMatch(/\d{15,18}|\*{4}/);
    expect(t).not.toContain('松石北路');
    expect(t).not.toMatch(/收入|疾病|残疾|病/);
  });

  it('the 公示 schema refuses any other field', async () => {
    const rows = [{ name: '王小文', householdSize: 3, amountFen: 120050, idNumber: applicant.idNumber }];
    await expect(renderDocument('publicity', { ...(SAMPLES.publicity as object), rows }, ctx())).rejects.toMatchObject({
      code: 'DOC_INVALID_DATA',
      details: { path: 'rows.0' },
    });
    const extra = { ...(SAMPLES.publicity as object), address: applicant.address };
    await expect(renderDocument('publicity', extra, ctx())).rejects.toMatchObject({ code: 'DOC_INVALID_DATA' });
  });

  it('a 公示 list of 120 households runs over pages with the header repeated and — n — numbers', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      name: `张${'一二三四五六七八九十'[i % 10]}${i}`,
      householdSize: 1 + (i % 5),
      amountFen: 50000 + i * 100,
    }));
    const { doc, pages } = await render('publicity', { ...(SAMPLES.publicity as object), rows });
    expect(doc.pages).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((p, i) => {
      const num = p.items.find((it) => isPageNumber(it.str))!;
      expect(num.str).toBe(`— ${i + 1} —`);
      // Odd pages right, even pages left.
      if ((i + 1) % 2 === 1) expect(num.x).toBeGreaterThan(BLOCK.left + PAGE.blockWidth / 2);
      else expect(num.x).toBeLessThan(BLOCK.left + PAGE.blockWidth / 2);
      expect(p.text).toContain('申请人姓名');
      for (const it of p.items) if (!isPageNumber(it.str)) expect(it.baseline + 0.12 * it.size).toBeLessThanOrEqual(BLOCK.bottom + 0.5);
    });
    const all = pages.map((p) => p.text).join('');
    expect(all).toContain('张一0');
    expect(all).toContain('张十119');
    expect(all.indexOf('张一0')).toBeLessThan(all.indexOf('张十119'));
  });
});

describe('bad input: a typed error and no PDF', () => {
  it('names the broken field', async () => {
    const input = { ...(SAMPLES.acceptance as object), applicant: { ...applicant, idNumber: '12345' } };
    const err = await renderDocument('acceptance', input, ctx()).catch((e: unknown) => e);
    expect(isJiuzhuError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'DOC_INVALID_DATA', details: { path: 'applicant.idNumber' } });
    expect((err as Error).message).toContain('受理通知书');
  });

  it('refuses a supplement notice with nothing missing and a visit by one person', async () => {
    await expect(renderDocument('supplement', { ...(SAMPLES.supplement as object), missing: [] }, ctx())).rejects.toMatchObject({
      details: { path: 'missing' },
    });
    await expect(
      renderDocument('visit-form', { ...(SAMPLES['visit-form'] as object), investigators: ['张建国'] }, ctx()),
    ).rejects.toMatchObject({
      details: { path: 'investigators' },
    });
  });

  it('detects a rare character the fonts lack before rendering, naming the field', async () => {
    const rare = '𪚥'; // U+2AA65, CJK extension B
    expect(fonts.faces.serif.hasGlyphForCodePoint(rare.codePointAt(0)!)).toBe(false);
    const input = { ...(SAMPLES.acceptance as object), applicant: { ...applicant, name: `王${rare}文` } };
    const err = await renderDocument('acceptance', input, ctx()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DOC_MISSING_GLYPH', details: { chars: [rare], fields: ['applicant.name'] } });
    expect((err as Error).message).toContain(rare);
  });

  it('checks free text and a whole document for missing glyphs without rendering', () => {
    expect(findMissingGlyphs('王小文 欧阳春华', fonts)).toEqual([]);
    expect(findMissingGlyphs('李𪚥𠀀明', fonts)).toEqual(['𪚥', '𠀀']);
    expect(checkDocumentGlyphs('acceptance', SAMPLES.acceptance, { fonts })).toBeNull();
    const input = { ...(SAMPLES.publicity as object), rows: [{ name: '张𪚥', householdSize: 1, amountFen: 100 }] };
    expect(checkDocumentGlyphs('publicity', input, { fonts })).toEqual({ chars: ['𪚥'], fields: ['rows[0].name'] });
  });

  it('refuses a corrupt signature image', async () => {
    const bad = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png')]);
    await expect(renderDocument('authorization', { ...(SAMPLES.authorization as object), signaturePng: bad }, ctx())).rejects.toMatchObject(
      {
        code: 'DOC_BAD_IMAGE',
        details: { field: 'signaturePng' },
      },
    );
    await expect(
      renderDocument('authorization', { ...(SAMPLES.authorization as object), facePhoto: Buffer.from('GIF89a') }, ctx()),
    ).rejects.toMatchObject({
      code: 'DOC_INVALID_DATA',
      details: { path: 'facePhoto' },
    });
  });

  it('a certificate needs the station key', async () => {
    await expect(renderDocument('certificate', SAMPLES.certificate, { fonts })).rejects.toMatchObject({ code: 'DOC_NO_SIGNING_KEY' });
  });
});

describe('reprints and determinism', () => {
  it('marks a reprint 补打', async () => {
    expect((await render('approval', { ...(SAMPLES.approval as object), reprint: true })).pages[0]!.text.startsWith('补打')).toBe(true);
  });

  it('the same input and date give the same bytes (the audited hash is stable)', async () => {
    const again = await renderDocument('approval', SAMPLES.approval, ctx());
    expect(again.sha256).toBe(get('approval').doc.sha256);
  });

  it('the process-wide width cache changes no byte: every kind rendered with a cold and a warm cache is the same PDF', async () => {
    for (const kind of DOCUMENT_KINDS) {
      clearWidthCache(fonts.faces);
      const cold = await renderDocument(kind, SAMPLES[kind], ctx());
      // warm: the widths of this kind and of every kind rendered before it are cached
      const warm = await renderDocument(kind, SAMPLES[kind], ctx());
      expect(warm.sha256, kind).toBe(cold.sha256);
      expect(warm.sha256, kind).toBe(get(kind).doc.sha256);
    }
  });

  it('bold is the regular serif face filled and stroked: no bold subset is embedded, the title is drawn in render mode 2', () => {
    for (const kind of DOCUMENT_KINDS) {
      const pdf = get(kind).doc.pdf;
      const fontsUsed = [...new Set(pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [])].map((f) =>
        f.replace(/.*\+/, ''),
      );
      expect(fontsUsed, kind).not.toContain('NotoSerifSC-Bold');
      expect(fontsUsed, kind).toContain('NotoSerifSC-Regular');
      const streams = [...pdf.toString('latin1').matchAll(/stream\r?\n/g)].map((m) => {
        const start = m.index + m[0].length;
        try {
          return inflateSync(pdf.subarray(start, pdf.indexOf('endstream', start))).toString('latin1');
        } catch {
          return '';
        }
      });
      expect(
        streams.some((c) => /^2 Tr$/m.test(c)),
        kind,
      ).toBe(true);
    }
  });

  it('keeps the seal on the body page by tightening the grid (GB/T 9704 7.3.5)', () => {
    // The sample acceptance notice fills the page so that issuer and date would fall on page 2
    // at the standard pitch; the layout tightens the line pitch instead.
    const { doc, pages } = get('acceptance');
    expect(doc.pages).toBe(1);
    const body = pages[0]!.items.filter((i) => i.size === 16).map((i) => i.baseline);
    const pitch = body.at(-1)! - body.at(-2)!;
    expect(pitch).toBeLessThan(BLOCK.pitch - 0.5);
    expect(pitch).toBeGreaterThan(BLOCK.pitch * 0.85);
    expect(pages[0]!.text).toContain('重庆市渝北区龙溪街道办事处二〇二六年十一月二十九日');
  });
});
