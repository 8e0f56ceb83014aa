import { beforeAll, describe, expect, it } from 'vitest';
import { approvalSchema } from '../../../../common/documents/approval';
import type { DocumentFonts } from '../fonts';
import { renderDocument } from '../render';
import { SAMPLES, testFonts } from '../testing/fixtures';
import { readPdf } from '../testing/pdfText';

/** 审核确认通知书 with the linked benefits (一件事一次办 / 免申即享), read back from the PDF. */
let fonts: DocumentFonts;
beforeAll(() => {
  fonts = testFonts();
});

const BENEFITS = [
  { code: 'medical-assistance', name: '医疗救助', department: '医疗保障局' },
  { code: 'pension-premium', name: '城乡居民基本养老保险费代缴', department: '人力资源和社会保障局' },
  { code: 'cable-tv-fee', name: '有线电视收视费减免' },
];

async function text(data: Record<string, unknown>) {
  const doc = await renderDocument('approval', data, { fonts, creationDate: new Date('2026-11-29T00:00:00Z') });
  const pages = await readPdf(doc.pdf);
  return {
    doc,
    text: pages.map((p) => p.text).join('\n'),
    rows: pages.flatMap((p, i) => p.items.map((it) => ({ ...it, baseline: it.baseline + i * 10_000 }))),
  };
}

describe('approval notice: linked benefits', () => {
  it('prints each benefit with the department that handles it, in order, and says no new application is needed', async () => {
    const { doc, text: all, rows } = await text({ ...SAMPLES.approval, linkedBenefits: BENEFITS });
    // The section adds a table: the notice may run onto a second page, never further.
    expect(doc.pages).toBeLessThanOrEqual(2);
    expect(all).toContain('无需另行申请');
    expect(all).toContain('一件事一次办');
    for (const h of ['序号', '项目', '办理部门']) expect(all).toContain(h);
    // Each benefit and its department sit on one table row (same baseline), numbered 1, 2, 3.
    const baselineOf = (s: string) => rows.find((r) => r.str.includes(s))?.baseline;
    for (const [i, b] of BENEFITS.entries()) {
      const y = baselineOf(b.name);
      expect(y, b.name).toBeDefined();
      const onRow = rows
        .filter((r) => Math.abs(r.baseline - y!) < 1)
        .map((r) => r.str)
        .join('');
      expect(onRow).toContain(String(i + 1));
      expect(onRow).toContain(b.department ?? '民政部门协调办理');
    }
    expect(baselineOf('医疗救助')!).toBeLessThan(baselineOf('城乡居民基本养老保险费代缴')!);
    // The section comes after the amount and before the legal basis.
    expect(all.indexOf('每月')).toBeLessThan(all.indexOf('无需另行申请'));
    expect(all.indexOf('有线电视收视费减免')).toBeLessThan(all.indexOf('依据'));
  });

  it('keeps notices without the field valid and prints no section for them', async () => {
    const { linkedBenefits: _none, ...old } = { ...SAMPLES.approval, linkedBenefits: undefined };
    expect(approvalSchema.parse(old).linkedBenefits).toEqual([]);
    const { text: all } = await text(old);
    expect(all).toContain('予以批准');
    expect(all).not.toContain('无需另行申请');
    expect(all).not.toContain('办理部门');
  });

  it('refuses a benefit without a name', () => {
    const r = approvalSchema.safeParse({ ...SAMPLES.approval, linkedBenefits: [{ code: 'x', name: ' ' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['linkedBenefits', 0, 'name']);
  });
});
