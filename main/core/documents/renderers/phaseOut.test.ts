import { beforeAll, describe, expect, it } from 'vitest';
import { isJiuzhuError } from '../../../../common/contract/errors';
import { renderDocument } from '../render';
import type { DocumentFonts } from '../fonts';
import { SAMPLES, testFonts } from '../testing/fixtures';
import { readPdf } from '../testing/pdfText';

/** 渐退通知书 rendered and parsed back: the period, the amounts, the stop month, the redress route. */
let fonts: DocumentFonts;
beforeAll(() => {
  fonts = testFonts();
});

const render = (data: unknown) => renderDocument('phase-out', data, { fonts, creationDate: new Date('2027-12-01T00:00:00Z') });
const flat = (s: string) => s.replace(/\s+/g, '');

describe('phase-out notice (渐退通知书)', () => {
  it('prints the N-month period, the reduced amount in capitals, the stop month and the redress route', async () => {
    const doc = await render(SAMPLES['phase-out']);
    const pages = await readPdf(doc.pdf);
    expect(pages).toHaveLength(1);
    const t = flat(pages[0]!.text);
    expect(t).toContain('渐退通知书');
    expect(t).toContain('王小文：');
    expect(t).toContain('给予3个月渐退期');
    expect(t).toContain('自二〇二八年一月起至二〇二八年三月止');
    expect(t).toContain('由每月1,200.50元调整为每月600.00元（人民币陆佰元整）');
    expect(t).toContain('自二〇二八年四月起停止发放');
    expect(t).toContain('经复核，家庭人均收入已超过当地低保标准');
    expect(t).toContain('《最低生活保障审核确认办法》第三十一条');
    expect(t).toContain('向重庆市渝北区人民政府申请行政复议');
    expect(t).toContain('向重庆市渝北区人民法院提起行政诉讼');
  });

  it('an unchanged amount is paid "按原标准"; a period ending in December stops in January', async () => {
    const doc = await render({ ...SAMPLES['phase-out'], amountFen: 120050, months: 6, startMonth: '2027-07', endMonth: '2027-12' });
    const t = flat((await readPdf(doc.pdf))[0]!.text);
    expect(t).toContain('按原标准每月1,200.50元');
    expect(t).toContain('自二〇二八年一月起停止发放');
  });

  it.each([
    ['months', { months: 7 }],
    ['amountFen', { amountFen: 130000 }],
    ['reasons', { reasons: [] }],
    ['endMonth', { startMonth: '2028-03', endMonth: '2028-01' }],
  ])('refuses bad data (%s): no PDF', async (path, patch) => {
    const err = await render({ ...SAMPLES['phase-out'], ...patch }).catch((e: unknown) => e);
    expect(isJiuzhuError(err) && err.code).toBe('DOC_INVALID_DATA');
    expect((err as Error).message + JSON.stringify((err as { details?: unknown }).details ?? {})).toContain(path);
  });
});
