import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electronBinary.js';
import { PRINT_PARTITION } from '../../main/electron/sessionPermissions';

/**
 * The desktop shell, the same flow as the browser tests. Where the Electron binary is absent
 * (this build machine) the test skips and says so; it is never faked.
 */
const binary = electronBinary() as string | null;
const reason = 'Electron binary not installed (node_modules/electron/dist missing); see README "Offline install"';
if (!binary) console.log(`[electron e2e] skipped: ${reason}`);

test.describe('desktop shell', () => {
  test.skip(!binary, reason);

  test('opens sandboxed with its own menu, shows app info, checks an ID number and refuses over-deep input', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(import.meta.dirname, '../..'), '--no-sandbox'],
      env: { ...process.env, JIUZHU_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('app-info')).toContainText('桌面程序');
      await expect(page.getByTestId('app-info')).toContainText(dataDir);
      // The page has the bridge and nothing of Node.
      expect(
        await page.evaluate(() => [
          typeof (window as unknown as { jiuzhu?: { invoke?: unknown } }).jiuzhu?.invoke,
          typeof (globalThis as { require?: unknown }).require,
          typeof (globalThis as { process?: unknown }).process,
        ]),
      ).toEqual(['function', 'undefined', 'undefined']);
      await page.getByLabel('公民身份号码').fill('11010519491231002X');
      await expect(page.getByTestId('id-number-feedback')).toContainText('号码有效');
      await page.getByLabel('公民身份号码').fill('110105194912310021');
      await expect(page.getByTestId('id-number-feedback')).toHaveText('校验位不符：号码中有一位输错了，请逐位核对证件');
      // Over-deep input through the bridge gets the typed refusal, never INTERNAL (the limit is 64 levels).
      const deep = await page.evaluate(async () => {
        let input: unknown = '11010519491231002X';
        for (let i = 0; i < 100; i++) input = { a: input };
        return (window as unknown as { jiuzhu: { invoke(method: string, input: unknown): Promise<unknown> } }).jiuzhu.invoke(
          'idNumber.check',
          { idNumber: input },
        );
      });
      expect(deep).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE' } });
      // The application menu is the app's own (main/electron/menu.ts), labelled from the catalog, not Electron's default.
      const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
      // The print windows' session answers permissions as the app's session does (sessionPermissions.ts),
      // from the start: a page of another origin loaded in it (a loopback page, a secure context) is granted nothing.
      const server = createServer((_req, res) => res.end('<!doctype html><title>print</title>'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        const states = await app.evaluate(
          async ({ BrowserWindow }, { partition, url }) => {
            const win = new BrowserWindow({ show: false, webPreferences: { partition, sandbox: true, contextIsolation: true } });
            try {
              await win.loadURL(url);
              return (await win.webContents.executeJavaScript(
                `Promise.all(['camera', 'microphone', 'geolocation', 'notifications'].map((name) => navigator.permissions.query({ name }).then((s) => s.state)))`,
              )) as string[];
            } finally {
              win.destroy();
            }
          },
          { partition: PRINT_PARTITION, url },
        );
        expect(states).toEqual(['denied', 'denied', 'denied', 'denied']);
      } finally {
        server.close();
      }
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
