import { expect, test } from '@playwright/test';
import { EmulatedReader, hkmotwCard, residentCard } from '../../tools/samEmulator/index';
import { startShell, type RunningShell } from './browserShell';
import { createStaff, firstLogIn, logOut, openAndLogIn, setUpStation } from './station';

/** The clerk puts a card on the reader (the byte-level emulator on a pty) and presses 读卡. */
let shell: RunningShell;
let reader: EmulatedReader;
const card = residentCard({ seed: 21 });

test.beforeAll(async () => {
  reader = await EmulatedReader.start({ card });
  shell = await startShell(['--emulated-reader', reader.hostPath]);
  await setUpStation(shell);
});
test.afterAll(async () => {
  await shell.stop();
  await reader.stop();
});

test('读卡 fills the card fields; automatic reading picks up the next card', async ({ page }) => {
  test.setTimeout(90_000);
  // The admin chooses the reader in 读卡器设置: the listing works without udev, a typed path is checked.
  await openAndLogIn(page, shell);
  await page.getByRole('menuitem', { name: /读卡器设置/ }).click();
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'not-configured');
  const typed = page.getByLabel('手工填写串口路径');
  await typed.fill('ttyUSB0');
  await page.getByRole('button', { name: /使用此串口/ }).click();
  await expect(page.getByText('串口路径“ttyUSB0”无效：请填写读卡器串口设备的完整路径，例如 /dev/ttyUSB0 或 COM3。')).toBeVisible();
  await typed.fill('/etc/passwd');
  await page.getByRole('button', { name: /使用此串口/ }).click();
  await expect(page.getByTestId('reader-setup-error')).toContainText('“/etc/passwd”不是串口设备');
  await page.locator('.ant-radio-button-wrapper', { hasText: '厂商读卡库' }).click();
  await page.getByRole('combobox', { name: '厂商读卡库' }).click();
  await expect(page.locator('.ant-select-item-option').filter({ hasText: 'libtermb.so（未安装）' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('library-folder')).toContainText('idcard-sdk');
  await page.locator('.ant-radio-button-wrapper', { hasText: '串口读卡器' }).click();
  await page.getByLabel('读卡器串口').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '模拟读卡器' }).click();
  await page.getByRole('button', { name: /使用此读卡器/ }).click();
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByText('当前是模拟读卡器（演示用）')).toBeVisible();

  await createStaff(page, { username: 'clerk2', displayName: '张窗口', roles: ['clerk'], password: 'Temp#pass2026' });
  await logOut(page);
  await firstLogIn(page, { username: 'clerk2', password: 'Temp#pass2026' }, 'Clerk#Counter9');

  // The clerk reads cards; choosing the reader is not theirs.
  await page.getByRole('menuitem', { name: /读\s*卡/ }).click();
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByText('读卡器由管理员在“读卡器设置”中选择。')).toBeVisible();
  await expect(page.getByTestId('reader-setup')).toHaveCount(0);

  await page.getByRole('button', { name: /读卡（F2）/ }).click();
  const view = page.getByTestId('card-view');
  await expect(view.locator('[data-field="idNumber"]')).toHaveText(card.expected.idNumber);
  await expect(view.locator('[data-field="name"]')).toHaveText(card.expected.name);
  await expect(view).toContainText('居民身份证');
  await expect(page.getByTestId('photo-placeholder')).toHaveText('照片需厂商解码库');
  await expect(page.getByTestId('on-file')).toHaveText('本站尚无此人记录。');

  await page.getByRole('switch', { name: '自动读卡' }).click();
  reader.removeCard();
  const next = hkmotwCard({ seed: 22 });
  await page.waitForTimeout(700);
  reader.placeCard(next);
  await expect(view.locator('[data-field="idNumber"]')).toHaveText(next.expected.idNumber, { timeout: 10_000 });
  await expect(view).toContainText('港澳台居民居住证');
});
