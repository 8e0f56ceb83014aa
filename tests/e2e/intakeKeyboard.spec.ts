import { expect, test } from '@playwright/test';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { api, launch, logIn, newDataDir, removeDataDir, saved, setUpIntakeStation, step, stop, type Shell } from './intakeSupport';

/** The intake with the keyboard only, a crash in the middle of it, and the bad inputs it must refuse. */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const APPLICANT = { id: makeIdNumber('500110', '1975-03-15', 31, '男'), name: '刘大山' };
const SPOUSE = { id: makeIdNumber('500110', '1977-08-20', 44, '女'), name: '黄小梅' };

let shell: Shell;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  await setUpIntakeStation(shell);
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

test('the whole intake with the keyboard only, to 补正 with the notice queued', async ({ page }) => {
  await logIn(page, shell);
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await expect(page.getByTestId('new-intake')).toBeFocused();
  await page.keyboard.press('Enter');
  await step(page, 'applicant');
  await expect(page.locator('#applicant-id')).toBeFocused();
  await page.keyboard.type(APPLICANT.id);
  await page.keyboard.press('Tab');
  await page.keyboard.type(APPLICANT.name);
  await page.keyboard.press('Alt+N');
  await step(page, 'members');
  await expect(page.locator('#member-id')).toBeFocused();
  await page.keyboard.type(SPOUSE.id);
  await page.keyboard.press('Tab');
  await page.keyboard.type(SPOUSE.name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');
  await page.keyboard.press('Alt+N');
  await step(page, 'type');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Alt+N');
  await step(page, 'money');
  await expect(page.locator('#income-amount')).toBeFocused();
  await page.keyboard.type('800');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('income-table')).toContainText('800.00');
  await page.keyboard.press('Alt+N');
  await step(page, 'materials');
  await page.keyboard.press('Alt+N');
  await step(page, 'authorization');
  await page.keyboard.press('Alt+N');
  await step(page, 'decision');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count', '0');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('submitted-case-no')).toContainText('500110-2026-');
  // 受理 is focused; the arrow key moves to 补正; Tab to the list (prefilled), Tab to 确定.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('missing-list')).toContainText('最低生活保障申请书');
  await expect(page.getByTestId('missing-list')).toContainText('刘大山签署的家庭经济状况核对授权书');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-queued')).toContainText('补正材料通知书已送入打印队列');
});

test('a crash mid-intake (the shell killed) loses nothing: the draft resumes where it was', async ({ page }) => {
  await logIn(page, shell);
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await page.getByTestId('new-intake').click();
  const id = makeIdNumber('500110', '1969-11-11', 77, '女');
  await page.locator('#applicant-id').fill(id);
  await page.locator('#applicant-name').fill('孙玉兰');
  await page.locator('#applicant-phone').fill('13700001111');
  await page.keyboard.press('Alt+N');
  await step(page, 'members');
  await page.locator('#member-id').fill(makeIdNumber('500110', '2012-06-01', 5, '男'));
  await page.locator('#member-name').fill('孙小虎');
  await page.getByTestId('add-member').click();
  await saved(page);

  await stop(shell, 'SIGKILL');
  shell = await launch(dataDir);
  await logIn(page, shell);
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await expect(page.getByTestId('drafts')).toContainText('孙玉兰');
  await page.locator('[data-testid^="resume-"]').first().click();
  await step(page, 'members');
  await expect(page.getByTestId('member-table')).toContainText('孙小虎');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');
  await page.keyboard.press('Alt+B');
  await expect(page.locator('#applicant-phone')).toHaveValue('13700001111');
});

test('bad inputs are refused inline in words, and a bad application is never submitted', async ({ page }) => {
  await logIn(page, shell);
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await page.getByTestId('new-intake').click();
  const id = makeIdNumber('500110', '1980-01-20', 90, '男');
  await page.locator('#applicant-id').fill(id.slice(0, 17) + (id[17] === '0' ? '1' : '0'));
  await expect(page.getByTestId('id-number-feedback')).toHaveText('校验位不符：号码中有一位输错了，请逐位核对证件');
  await page.locator('#applicant-id').fill(id);
  await page.locator('#applicant-name').fill('钱多多');
  await page.getByLabel('证件有效期至').fill('2020-01-01');
  await page.keyboard.press('Alt+N');
  await step(page, 'members');
  // The applicant again: a member twice.
  await page.locator('#member-id').fill(id);
  await page.locator('#member-name').fill('钱多多');
  await page.getByTestId('add-member').click();
  await expect(page.getByTestId('member-error')).toContainText('重复登记');
  // A birth date in the future (in the number).
  await page.locator('#member-id').fill(makeIdNumber('500110', '2030-01-01', 3, '男'));
  await expect(page.getByTestId('member-id').getByTestId('id-number-feedback')).toHaveText('号码中的出生日期晚于今天，请核对第 7 至 14 位');
  await page.getByTestId('add-member').click();
  await expect(page.getByTestId('member-error')).toContainText('出生日期晚于今天');
  await expect(page.getByTestId('member-table')).toContainText('共 1 人');
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+N');
  await step(page, 'money');
  for (const bad of ['-5', '12.345', 'abc', '9999999999999']) {
    await page.locator('#income-amount').fill(bad);
    await page.getByTestId('add-income').click();
    await expect(page.getByTestId('money-error')).toHaveText('金额应为不小于 0 的数字，最多两位小数');
  }
  await page.locator('#income-amount').fill('2000000');
  await page.getByTestId('add-income').click();
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+N');
  await step(page, 'decision');
  const problems = page.getByTestId('problems');
  for (const code of ['CARD_EXPIRED', 'TYPE_MISSING', 'REASONS_MISSING', 'AMOUNT_ABSURD'])
    await expect(problems.locator(`[data-code="${code}"]`)).toHaveCount(1);
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('submit-error')).toContainText('申请信息还有');
  const caseId = await page.getByTestId('intake-wizard').getAttribute('data-case-id');
  const call = api(shell, 'intake-e2e-check');
  await call('session.login', { username: 'admin', password: 'Qiaotou#2026' });
  const d = await call<{ state: string; caseNo: string | null }>('cases.get', { caseId });
  expect(d).toMatchObject({ state: 'draft', caseNo: null });
});
