import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningShell } from './browserShell';
import { fakeCameraArgs } from './captureFixtures';
import { chromiumPath } from './chromium';
import { ADMIN, openAndLogIn, setUpStation } from './station';

/**
 * A new station whose administrator also holds the counter clerk's role: the capture page asks
 * for 'person.read', which the admin role alone does not grant. Done through the API, as a
 * station's admin would in the staff page.
 */
export async function setUpCounterStation(shell: RunningShell): Promise<void> {
  await setUpStation(shell);
  const headers = { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', 'X-Jiuzhu-Window': 'capture-e2e-setup' };
  const api = async (method: string, input: unknown) => {
    const body = (await (
      await fetch(`${shell.origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) })
    ).json()) as { ok: boolean; result: unknown };
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`);
    return body.result;
  };
  await api('session.login', { username: ADMIN.username, password: ADMIN.password });
  const accounts = (await api('accounts.list', {})) as { id: string; username: string }[];
  const admin = accounts.find((a) => a.username === ADMIN.username);
  if (!admin) throw new Error('admin account missing');
  await api('accounts.setRoles', { accountId: admin.id, roles: ['admin', 'clerk'] });
  await api('session.logout', {}).catch(() => undefined);
}

/** Log in, open the capture page on a tab, and record every request the page makes (for the no-network check). */
export async function openCaptureTab(
  page: Page,
  shell: RunningShell,
  tab: '摄像头设置' | '人脸采集' | '材料拍摄' | '签名',
): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openAndLogIn(page, shell);
  await page.evaluate(() => (window.location.hash = '#/capture'));
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  return requests;
}

/** Requests that left the app's own origin (in-page data: and blob: URLs are not requests out). */
export function offOrigin(requests: string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/**
 * A page in a browser of its own whose fake camera plays `file` (the file is a launch flag, so each
 * scene needs its own browser); the browser is closed after each test.
 */
export function fakeCameraPages(): (file: string) => Promise<Page> {
  let browser: Browser | null = null;
  test.afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  return async (file) => {
    browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: fakeCameraArgs(file) });
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return context.newPage();
  };
}
