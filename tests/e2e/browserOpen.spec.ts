import { chromium as playwrightChromium, expect, test } from '@playwright/test';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchShell, type LaunchedShell } from './browserShell';
import { chromiumPath } from './chromium';
import { setUpStation } from './station';

/**
 * `--open` used to start Chromium with the token URL on its command line, where any local user
 * reads it (`ps`, /proc/<pid>/cmdline) and, with it, the whole API on 127.0.0.1. Now Chromium is
 * given a private launch page; the test starts the built shell with --open, Chromium (headless,
 * through a wrapper that records its arguments) opens the app, and the token is nowhere in any
 * process's command line.
 */
const real = chromiumPath();
const reason = 'Chromium not installed (set CHROME_PATH)';
if (!real) console.log(`[browser-open e2e] skipped: ${reason}`);
test.skip(!real, reason);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** The first non-null answer of `probe`, asked every 200 ms. */
async function eventually<T>(probe: () => Promise<T | null> | T | null, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every process's command line this user can see, as `ps` shows them. */
function allCommandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // The process ended meanwhile.
    }
  }
  return lines;
}

test('--open gives Chromium a private launch page, never the token; the page still gets its session', async () => {
  test.setTimeout(90_000);
  const work = mkdtempSync(join(tmpdir(), 'jiuzhu-open-e2e-'));
  const dataDir = join(work, 'data');
  const debugPort = await freePort();
  const argsFile = join(work, 'chromium-args');
  const pidFile = join(work, 'chromium-pid');
  const wrapper = join(work, 'chromium');
  writeFileSync(
    wrapper,
    `#!/bin/sh\necho $$ > '${pidFile}'\nprintf '%s\\n' "$@" > '${argsFile}'\nexec '${real}' --headless=new --no-sandbox --disable-gpu --remote-debugging-port=${debugPort} "$@"\n`,
  );
  chmodSync(wrapper, 0o700);

  const previous = process.env.CHROME_PATH;
  process.env.CHROME_PATH = wrapper;
  let shell: LaunchedShell | undefined;
  try {
    // A station to open: the page then shows the login form only if its calls carry the token.
    const first = await launchShell(dataDir);
    await setUpStation({ ...first, stop: async () => undefined });
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));

    shell = await launchShell(dataDir, ['--open']);
    const token = shell.token;
    await expect.poll(() => existsSync(argsFile), { timeout: 20_000 }).toBe(true);
    const args = readFileSync(argsFile, 'utf8');
    expect(args).not.toContain(token);
    const app = /^--app=(file:\/\/\S+)$/m.exec(args)?.[1];
    expect(app).toBeDefined();
    const launchFile = fileURLToPath(app!);

    // The attacker's view: no process's command line holds the token.
    for (const line of allCommandLines()) expect(line).not.toContain(token);

    // Chromium follows the launch page to the app, which has the token and a working session gate.
    const browser = await eventually(() => playwrightChromium.connectOverCDP(`http://127.0.0.1:${debugPort}`).catch(() => null));
    try {
      const page = await eventually(
        () =>
          browser
            .contexts()
            .flatMap((c) => c.pages())
            .find((p) => p.url().startsWith(shell!.origin)) ?? null,
      );
      await expect(page.getByLabel('用户名')).toBeVisible();
      expect(page.url()).not.toContain(token);
      expect(await page.evaluate(() => sessionStorage.getItem('jiuzhu.token'))).toBe(token);
    } finally {
      await browser.close();
    }
    // Once the page has used the token, the launch page is gone.
    await expect.poll(() => existsSync(launchFile), { timeout: 10_000 }).toBe(false);
    for (const line of allCommandLines()) expect(line).not.toContain(token);
  } finally {
    if (previous === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = previous;
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      // Chromium writes its profile while it shuts down: wait for it to be gone (then force it) before removing the folder.
      for (let waited = 0; alive() && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      if (alive()) process.kill(pid, 'SIGKILL');
    }
    if (shell && shell.child.exitCode === null) {
      shell.child.kill('SIGTERM');
      await new Promise((r) => shell!.child.once('exit', r));
    }
    // Chromium's helper processes may still be writing its profile for a moment after it was told to stop.
    rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  }
});

test('the launch page is a private file in a private folder and forwards to the token URL', async () => {
  const { writeLaunchPage } = await import('../../main/browser/launchPage');
  const url = 'http://127.0.0.1:43210/#token=abcDEF_-123';
  const previous = process.umask(0o000);
  try {
    const page = writeLaunchPage(url);
    try {
      expect(statSync(page.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(page.path, '..')).mode & 0o777).toBe(0o700);
      expect(page.url).toMatch(/^file:\/\//);
      expect(page.url).not.toContain('abcDEF');
      expect(readFileSync(page.path, 'utf8')).toContain(`content="0;url=${url}"`);
    } finally {
      page.remove();
    }
    expect(existsSync(page.path)).toBe(false);
  } finally {
    process.umask(previous);
  }
});
