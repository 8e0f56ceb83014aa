import { beforeAll, describe, expect, it } from 'vitest';
import { isJiuzhuError } from '../../../../common/contract/errors';
import { renderDocument } from '../render';
import type { DocumentFonts } from '../fonts';
import { SAMPLES, testFonts } from '../testing/fixtures';
import { readPdf } from '../testing/pdfText';

/**
 * The notices of approvals that are not a monthly payment, rendered and parsed back: 临时救助 (the
 * total, the form, the instalments, the 先行救助 already given) and 低保边缘 / 刚性支出 (monitored, no
 * monthly amount unless the county pays one).
 */
let fonts: DocumentFonts;
beforeAll(() => {
  fonts = testFonts();
});

const render = (kind: 'relief-approval' | 'monitoring-approval', data: unknown) =>
  renderDocument(kind, data, { fonts, creationDate: new Date('2027-02-20T00:00:00Z') });
const text = async (kind: 'relief-approval' | 'monitoring-approval', data: unknown) =>
  (await readPdf((await render(kind, data)).pdf)).map((p) => p.text.replace(/\s+/g, '')).join('');

describe('临时救助审核确认通知书', () => {
  it('prints the total in figures and capitals, the in-kind goods, the instalments and the advance already paid; never a monthly payment', async () => {
    const t = await text('relief-approval', SAMPLES['relief-approval']);
    expect(t).toContain('临时救助审核确认通知书');
    expect(t).toContain('王小文：');
    expect(t).toContain('临时救助（急难型）（编号：LX-2027-0031）');
    expect(t).toContain('核定临时救助金额1,500.00元（人民币壹仟伍佰元整），以实物方式（大米50斤、棉被2床）分2次发放');
    expect(t).toContain('本机关已于二〇二七年二月三日以现金方式先行救助800.00元（人民币捌佰元整）');
    expect(t).toContain('不按月发放');
    expect(t).toContain('《社会救助暂行办法》第四十九条');
    expect(t).not.toContain('每月');
  });

  it('a one-off transfer without an advance', async () => {
    const { inKind: _drop, advance: _none, ...rest } = SAMPLES['relief-approval'] as Record<string, unknown>;
    const t = await text('relief-approval', { ...rest, form: 'transfer', payments: 1, amountFen: 30000 });
    expect(t).toContain('核定临时救助金额300.00元（人民币叁佰元整），通过银行转账方式一次性发放');
    expect(t).not.toContain('先行救助');
  });

  it.each([
    ['inKind', { form: 'cash' }],
    ['inKind', { inKind: undefined }],
    ['payments', { payments: 13 }],
    ['amountFen', { amountFen: 0 }],
    ['category', { category: 'dibao-urban' }],
  ])('refuses bad data (%s): no PDF', async (path, patch) => {
    const err = await render('relief-approval', { ...SAMPLES['relief-approval'], ...patch }).catch((e: unknown) => e);
    expect(isJiuzhuError(err) && err.code).toBe('DOC_INVALID_DATA');
    expect(JSON.stringify((err as { details?: unknown }).details ?? {})).toContain(path);
  });
});

describe('审核确认通知书（纳入监测）', () => {
  it('a 低保边缘 household: monitored, no monthly amount, the review date', async () => {
    const t = await text('monitoring-approval', SAMPLES['monitoring-approval']);
    expect(t).toContain('审核确认通知书');
    expect(t).toContain('符合低保边缘家庭认定条件，纳入低收入人口动态监测范围');
    expect(t).toContain('纳入低收入人口动态监测，不发放月度金额');
    expect(t).toContain('二〇二八年三月一日前');
    expect(t).not.toContain('每月');
  });

  it('where the county pays the type a monthly amount, it is printed with its first month', async () => {
    const t = await text('monitoring-approval', {
      ...SAMPLES['monitoring-approval'],
      category: 'rigid-expense',
      monthlyAmountFen: 20000,
      startMonth: '2027-03',
    });
    expect(t).toContain('符合刚性支出困难家庭认定条件');
    expect(t).toContain('自二〇二七年三月起按月发放救助金，每月200.00元（人民币贰佰元整）');
    expect(t).not.toContain('不发放月度金额');
  });

  it('refuses an amount without its first month, and a 低保 category', async () => {
    for (const patch of [{ monthlyAmountFen: 20000 }, { category: 'dibao-urban' }]) {
      const err = await render('monitoring-approval', { ...SAMPLES['monitoring-approval'], ...patch }).catch((e: unknown) => e);
      expect(isJiuzhuError(err) && err.code).toBe('DOC_INVALID_DATA');
    }
  });
});
