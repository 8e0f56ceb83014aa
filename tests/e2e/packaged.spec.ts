import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatedReader, residentCard } from '../../tools/samEmulator/index';

/**
 * The release smoke test of an unfused `electron-builder --dir` build (docs/RELEASE.md): the packed
 * app starts, a station is set up and an admin logs in through the UI, the reader emulator's pty is
 * chosen by its typed path and a card is read, and the admin CLI inside the app (`--admin`) prints a
 * notice to PDF that poppler reads back. JIUZHU_PACKAGED_APP names the packed executable; without it
 * (here: Electron cannot be downloaded) the test skips and says so.
 */
const executable = process.env.JIUZHU_PACKAGED_APP;
const reason = 'JIUZHU_PACKAGED_APP is not set: this runs in the release workflow on the unpacked build (docs/RELEASE.md)';
if (!executable) console.log(`[packaged smoke] skipped: ${reason}`);

const PASSWORD = 'Qiaotou#2026';

test.describe('packaged app', () => {
  test.skip(!executable, reason);

  test('starts, sets up, logs in, reads the emulated card, prints a notice with --admin', async () => {
    test.setTimeout(180_000);
    expect(existsSync(executable!)).toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-packaged-'));
    const card = residentCard({ seed: 5 });
    const reader = await EmulatedReader.start({ card });
    const env = { ...process.env, JIUZHU_DATA_DIR: dataDir };
    const app = await electron.launch({ executablePath: executable!, args: process.platform === 'linux' ? ['--no-sandbox'] : [], env });
    try {
      const page = await app.firstWindow();
      await page.getByLabel('工作站名称').fill('桥头镇社会救助工作站');
      await page.getByLabel('行政区划代码（6 位，GB/T 2260）').fill('500110');
      await page.getByRole('button', { name: /下一步/ }).click();
      await page.getByLabel('管理员用户名').fill('admin');
      await page.getByLabel('管理员姓名').fill('王站长');
      await page.getByLabel('密码（至少 10 位，不能全是数字，不能与用户名相同）').fill(PASSWORD);
      await page.getByLabel('再次输入密码').fill(PASSWORD);
      await page.getByRole('button', { name: /完成设置/ }).click();
      await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}/);
      await page.getByText('我已妥善保存恢复码').click();
      await page.getByRole('button', { name: /去登录/ }).click();
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await expect(page.getByTestId('user-menu')).toContainText('王站长');

      // A packaged app has no emulated reader of its own: the admin types the pty's path, as for a real one.
      await page.getByRole('menuitem', { name: /读卡器设置/ }).click();
      await page.getByLabel('手工填写串口路径').fill(reader.hostPath);
      await page.getByRole('button', { name: /使用此串口/ }).click();
      await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'connected');
      await page.getByRole('menuitem', { name: /读\s*卡/ }).click();
      await page.getByRole('button', { name: /读卡（F2）/ }).click();
      await expect(page.getByTestId('card-view').locator('[data-field="idNumber"]')).toHaveText(card.expected.idNumber);
    } finally {
      await app.close();
      await reader.stop();
    }
    try {
      const pdf = join(dataDir, 'sample.pdf');
      execFileSync(
        executable!,
        [...(process.platform === 'linux' ? ['--no-sandbox'] : []), '--admin', 'documents', 'sample', '--kind', 'acceptance', '--out', pdf],
        { env, timeout: 60_000 },
      );
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('受理通知书');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
