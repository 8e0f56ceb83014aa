import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { launchShell, type LaunchedShell } from '../tests/e2e/browserShell';
import { chromiumPath } from '../tests/e2e/chromium';
import { api } from '../tests/e2e/intakeSupport';
import { ADMIN } from '../tests/e2e/station';
import { row, type Benchmark, type BenchRow } from './types';

const RUNS = 3;
const CASES = 2_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;

async function stopShell(shell: LaunchedShell): Promise<void> {
  if (shell.child.exitCode !== null) return;
  const exited = new Promise((r) => shell.child.once('exit', r));
  shell.child.kill('SIGTERM');
  await exited;
}

/**
 * App start to the login screen, and login to a usable home page (issue 21), through the browser shell
 * (the desktop shell's binary is absent here): each run is a cold start of the built out/main/browser.js
 * on a station of 2,000 demo cases — the shell's process until it serves its address, Debian's Chromium
 * opening it until the login form is on screen, then the login until the home page has its facts and its
 * deadline lists (the first screen a clerk can work from). Medians of three runs, the spread beside them.
 */
export const benchmark: Benchmark = {
  name: 'startup',
  summary: 'App start to the login screen and login to a usable home page (browser shell, Chromium, 2,000 cases)',
  async run() {
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('startup: Debian Chromium is needed (apt-get install chromium)');
    const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-startup-'));
    try {
      const setup = await launchShell(dataDir);
      const call = api(setup, 'bench-startup');
      await call('setup.init', { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: ADMIN });
      await call('session.login', { username: ADMIN.username, password: ADMIN.password });
      // The station head at the counter: the home page shows the deadline lists (an admin-only account sees none).
      const accounts = await call<Array<{ id: string; username: string }>>('accounts.list');
      await call('accounts.setRoles', {
        accountId: accounts.find((a) => a.username === ADMIN.username)!.id,
        roles: ['admin', 'head', 'clerk'],
      });
      await call('demo.seed', { count: CASES, seed: 21 });
      await call('session.logout');
      await stopShell(setup);

      const toAddress: number[] = [];
      const toLogin: number[] = [];
      const toHome: number[] = [];
      const load0 = loadavg()[0]!;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const shell = await launchShell(dataDir);
        toAddress.push(performance.now() - t0);
        const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
        try {
          const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
          await page.goto(shell.url);
          await page.getByLabel('用户名').waitFor();
          toLogin.push(performance.now() - t0);
          const t1 = performance.now();
          await page.getByLabel('用户名').fill(ADMIN.username);
          await page.getByLabel('密码').fill(ADMIN.password);
          await page.getByRole('button', { name: /登\s*录/ }).click();
          await page.getByTestId('app-info').waitFor();
          await page.getByTestId('overdue-card').waitFor();
          await page.getByTestId('overdue-card').locator('.ant-card-loading-content, .ant-skeleton').first().waitFor({ state: 'detached' });
          toHome.push(performance.now() - t1);
        } finally {
          await browser.close();
          await stopShell(shell);
        }
      }
      const load = `load ${load0.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`;
      const rows: BenchRow[] = [
        row('startup: shell process to its address (core up)', `median of ${RUNS}, ${spread(toAddress)}, ${load}`, median(toAddress), 'ms'),
        row(
          'startup: app start to the login screen',
          `median of ${RUNS}, ${spread(toLogin)}, shell + Chromium + page`,
          median(toLogin),
          'ms',
        ),
        row(
          `startup: login to a usable home page (${CASES.toLocaleString('en')} cases)`,
          `median of ${RUNS}, ${spread(toHome)}, facts + deadline lists shown`,
          median(toHome),
          'ms',
        ),
      ];
      return rows;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
