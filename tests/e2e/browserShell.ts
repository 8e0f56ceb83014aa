import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LaunchedShell {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
}

export interface RunningShell extends LaunchedShell {
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '../..');
/** The build under test: out/, or the folder JIUZHU_OUT names (relative to the repository). */
const outDir = join(root, process.env.JIUZHU_OUT ?? 'out');

/** Start the built browser shell (out/main/browser.js) on a data directory, as a user would, and read its printed URL. */
export async function launchShell(dataDir: string, extraArgs: string[] = []): Promise<LaunchedShell> {
  const child: ChildProcess = spawn(process.execPath, [join(outDir, 'main/browser.js'), '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = stdout.match(/(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`browser shell exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), dataDir, child };
}

/** A browser shell on a fresh data directory, removed again by stop(). */
export async function startShell(extraArgs: string[] = []): Promise<RunningShell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-'));
  const shell = await launchShell(dataDir, extraArgs);
  return {
    ...shell,
    stop: async () => {
      if (shell.child.exitCode === null) {
        const exited = new Promise<void>((r) => shell.child.once('exit', () => r()));
        shell.child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
