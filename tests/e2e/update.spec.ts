import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFeedServer, type FeedServer } from '../../main/core/updates/testing/feedServer';
import { startShell, type RunningShell } from './browserShell';
import { findLeaks, screenTexts } from './screenWords';
import { openAndLogIn, setUpStation } from './station';

/**
 * 程序更新 in Chromium through the browser shell: the admin sets the county's address, checks (a
 * newer signed release on a feed server on 127.0.0.1), downloads it (verified), and 安装并重启 says
 * plainly that installing needs the desktop app, with the verified file's path for IT.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let feed: FeedServer;
let shell: RunningShell;
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'jiuzhu-update-e2e-'));
  feed = await startFeedServer(root);
  const key = join(root, 'release-key.pem');
  writeFileSync(key, feed.publicKeyPem);
  shell = await startShell(['--update-key', key]);
  await setUpStation(shell);
});
test.afterAll(async () => {
  await shell?.stop();
  await feed?.close();
  rmSync(root, { recursive: true, force: true });
});

test('check → download → 安装并重启 says it needs the desktop app and names the verified installer', async ({ page }) => {
  const name = feed.publish('99.0.0', randomBytes(300_000));
  await openAndLogIn(page, shell);
  await page.getByRole('menuitem', { name: /程序更新/ }).click();
  const status = page.getByTestId('update-status');
  await expect(status).toContainText('未设置');
  await expect(page.getByRole('button', { name: '检查更新' })).toBeDisabled();
  await expect(page.getByTestId('update-needs-desktop')).toContainText('浏览器模式');

  await page.getByLabel('更新服务器地址').fill(feed.url);
  await page.getByRole('button', { name: '保存地址' }).click();
  await expect(status).toContainText(feed.url);

  await page.getByRole('button', { name: '检查更新' }).click();
  await expect(page.getByTestId('update-check')).toContainText('有新版本 99.0.0');
  const findings = (await screenTexts(page)).flatMap(findLeaks);
  await page.getByRole('button', { name: '下载版本 99.0.0' }).click();
  await expect(page.getByTestId('update-downloaded')).toContainText('版本 99.0.0 已下载并验证通过');
  expect(feed.served).toContain(name);

  const install = page.getByTestId('update-install');
  await expect(install).toHaveText('安装并重启（需要桌面程序）');
  await install.click();
  await page.getByRole('dialog').getByRole('button', { name: '安装并重启' }).click();
  const error = page.getByTestId('update-install-error');
  await expect(error).toContainText('安装新版本需要在桌面程序');
  await expect(error).toContainText(join(shell.dataDir, 'updates', '99.0.0', name));
  findings.push(...(await screenTexts(page)).flatMap(findLeaks));
  expect(findings).toEqual([]);
});
