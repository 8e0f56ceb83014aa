import { expect, test } from '@playwright/test';
import { EmulatedReader, residentCard } from '../../tools/samEmulator/index';
import { api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';

/**
 * A reader the port scan does not find (the shell is not told of the emulator's pseudo-terminal, as a
 * machine without udev or a by-id link would not show it): the admin types its path in 读卡器设置; core
 * refuses a folder, and a character device where no reader answers, in words; the reader's real path is
 * taken, remembered, and the card reads with F2.
 */
let reader: EmulatedReader;
let shell: Shell;
let dataDir: string;
const card = residentCard({ seed: 33 });

test.beforeAll(async () => {
  reader = await EmulatedReader.start({ card });
  dataDir = newDataDir();
  shell = await launch(dataDir);
  await setUpIntakeStation(shell);
});
test.afterAll(async () => {
  await stop(shell);
  await reader.stop();
  removeDataDir(dataDir);
});

test('a typed port path where the scan finds no reader: checked by core, then used to read a card', async ({ page }) => {
  test.setTimeout(90_000);
  const call = api(shell, 'typed-port-check');
  await call('session.login', { username: 'admin', password: 'Qiaotou#2026' });
  const scanned = await call<Array<{ path: string; ok: boolean }>>('idcard.ports');
  // The scan does not find this reader: no listed port is it, and none answers as a reader.
  expect(scanned.map((p) => p.path)).not.toContain(reader.hostPath);
  expect(scanned.filter((p) => p.ok)).toEqual([]);

  await logIn(page, shell);
  // F2 on the 读卡 page before any reader is chosen says why it cannot read (it used to do nothing).
  await page.evaluate(() => (window.location.hash = '#/idcard'));
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'not-configured');
  await page.keyboard.press('F2');
  await expect(page.getByText('本机还没有设置读卡器，按 F2 无法读卡。请管理员先在“读卡器设置”中选择读卡器。')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/admin/reader'));
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'not-configured');
  if (scanned.length === 0)
    await expect(page.getByText('没有发现串口。请插好读卡器（USB）后点“重新查找”，或在下面手工填写串口路径。')).toBeVisible();
  const typed = page.getByLabel('手工填写串口路径');

  // A folder is not a device; a character device with no reader behind it does not answer. Core says so; nothing is remembered.
  await typed.fill('/dev');
  await typed.press('Enter');
  await expect(page.getByTestId('reader-setup-error')).toContainText('“/dev”不是串口设备');
  await typed.fill('/dev/null');
  await typed.press('Enter');
  await expect(page.getByTestId('reader-setup-error')).toContainText('/dev/null');
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'not-configured');

  // The reader's own path, typed: taken, and shown as the reader (not the demo emulator).
  await typed.fill(reader.hostPath);
  await typed.press('Enter');
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await expect(page.getByTestId('reader-setup-error')).toHaveCount(0);
  await expect(page.getByText('当前是模拟读卡器（演示用）')).toHaveCount(0);
  expect(await call('idcard.status')).toMatchObject({
    status: 'connected',
    emulated: false,
    reader: expect.stringContaining(reader.hostPath),
  });

  // The counter reads the card through it.
  await page.evaluate(() => (window.location.hash = '#/idcard'));
  // As a clerk does: F2 once the page's button saying F2 is there and enabled (the reader's state is in).
  await expect(page.getByRole('button', { name: /读卡（F2）/ })).toBeEnabled();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('card-view').locator('[data-field="name"]')).toHaveText(card.expected.name, { timeout: 15_000 });
  await expect(page.getByTestId('card-view').locator('[data-field="idNumber"]')).toHaveText(card.expected.idNumber);
});
