import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { FaceCapture } from '../../common/capture/schemas';
import { faceCapture, intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import type { api } from './intakeSupport';

/**
 * Steps after acceptance shared by the end-to-end specs (roster.spec.ts, afterAcceptanceChain.spec.ts):
 * the accepted case through the API, 初审意见 / 公示 / 异议 / 民主评议 on the case page, and a
 * warning verified and closed with outcome stop on the warnings page.
 */

/** Today in China (the station's calendar), as YYYY-MM-DD. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** `promise`, or a failure naming `what` after `ms` (instead of a silent wait until the test's timeout). */
export async function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Type a date into an antd DatePicker of the open dialog. */
export async function fillDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

export async function submitDialog(page: Page): Promise<void> {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

/** The intake's face capture of someone whose photo is the JPEG at `jpegPath`: it becomes the enrolled photo. */
export function enrolledFace(jpegPath: string): FaceCapture {
  const jpeg = readFileSync(jpegPath);
  return { ...faceCapture(), image: { mime: 'image/jpeg', base64: jpeg.toString('base64'), bytes: jpeg.length, width: 180, height: 180 } };
}

/**
 * The three-person 低保 household (张建国, 李秀英 and their child) submitted, authorized by both
 * adults and accepted: case version 2. `applicantFace` is the husband's intake face, if any.
 */
export async function acceptedCase(call: ReturnType<typeof api>, applicantFace: FaceCapture | null = null): Promise<string> {
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  await call('intake.authorize', {
    caseId: saved.caseId,
    signerIdNumber: HUSBAND.idNumber,
    signature: intakeSignature(saved.caseId, HUSBAND),
    face: applicantFace,
  });
  await call('intake.authorize', {
    caseId: saved.caseId,
    signerIdNumber: WIFE.idNumber,
    signature: intakeSignature(saved.caseId, WIFE),
    face: null,
  });
  await call('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'accept' } });
  return saved.caseId;
}

/**
 * On the open case page of an investigated case: the station's opinion (680 元/月) → 公示 → an
 * objection → 民主评议 (the case stays disputed) → a NEW 初审意见 (650 元/月) → the second 公示
 * running (审核确认办法 art. 19). Ending it needs its 7 days.
 */
export async function publicityObjectionReview(page: Page, today: string): Promise<void> {
  const view = page.getByTestId('case-view');
  const panel = page.getByTestId('after-acceptance');
  const dialog = page.getByRole('dialog');
  await expect(view).toHaveAttribute('data-state', 'investigating');

  await panel.getByRole('button', { name: /提出初审意见/ }).click();
  await dialog.getByLabel(/拟保障月金额/).fill('680');
  await dialog.getByLabel(/理由/).fill('家庭人均收入低于低保标准');
  await dialog.getByLabel(/公示地点/).fill('桥头镇新街社区');
  await submitDialog(page);
  await expect(view).toHaveAttribute('data-state', 'publicity');
  await expect(panel).toContainText('公示期');

  await panel.getByRole('button', { name: /登记异议/ }).click();
  await dialog.getByLabel('异议人').fill('邻居赵某');
  await dialog.getByLabel('异议内容').fill('反映其家中有经营收入');
  await fillDate(page, '收到日期', today);
  await submitDialog(page);
  await expect(view).toHaveAttribute('data-state', 'disputed');

  await panel.getByRole('button', { name: /民主评议/ }).click();
  await fillDate(page, '评议日期', today);
  await dialog.getByLabel(/参加人员/).fill('村委会主任\n居民代表甲\n居民代表乙');
  await dialog.getByLabel('评议情况').fill('经评议，核减经营收入后重新核定');
  await submitDialog(page);
  // Upheld or not, the objection is answered by a new opinion, never by going up.
  await expect(view).toHaveAttribute('data-state', 'disputed');
  await expect(panel.getByTestId('publicity-rounds')).toContainText('有异议');

  await panel.getByRole('button', { name: /重新提出初审意见/ }).click();
  await dialog.getByLabel(/拟保障月金额/).fill('650');
  await dialog.getByLabel(/理由/).fill('经民主评议，核减经营收入后重新核定');
  await dialog.getByLabel(/公示地点/).fill('桥头镇新街社区');
  await submitDialog(page);
  await expect(view).toHaveAttribute('data-state', 'publicity');
  await expect(panel).toContainText('第 2 次公示');
  await expect(panel.getByTestId('publicity-rounds').locator('[data-round="2"]')).toHaveAttribute('data-status', 'running');
}

/**
 * On the warnings page: verify the warning in `row` (a home visit on `today`), then close it with
 * outcome stop — first without reasons (refused in zh-CN), then with reasons and legal basis.
 */
export async function verifyAndStop(page: Page, row: Locator, today: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(row).toContainText('待核查');
  await row.getByRole('button', { name: /登记核查/ }).click();
  await fillDate(page, '核查日期', today);
  await dialog.getByLabel('核查方式').fill('入户核实');
  await dialog.getByLabel('核查情况').fill('经核实已死亡');
  await submitDialog(page);
  await expect(row).toContainText('已核查');

  await row.getByRole('button', { name: /处理结论/ }).click();
  await dialog.getByLabel('停发待遇').check();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('理由和法律依据');
  await dialog.getByLabel(/^理由/).fill('家庭成员死亡，保障条件发生变化');
  await dialog.getByLabel(/法律依据/).fill('《社会救助暂行办法》第十三条');
  await submitDialog(page);
  await expect(row).toContainText('已办结');
  await expect(row).toContainText('停发待遇');
}
