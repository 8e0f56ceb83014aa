import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  APP_VERSION,
  createStderrLogger,
  dataLocation,
  findChromium,
  machineScopeOptions,
  readPreset,
  startWorkerCore,
} from '../core/index';

import { startBrowserShell } from './server';
import { parseClockOption } from './clockOption';
import { writeLaunchPage, type LaunchPage } from './launchPage';

/**
 * `npm run start:browser -- --port N --data DIR [--open]`: core in a worker thread, the renderer and
 * the API on 127.0.0.1, and the URL (with the per-launch token) printed for the clerk or a test.
 * `--open` starts Chromium on a private launch page, so the token never appears in a process list.
 */
const USAGE =
  '用法: start:browser [--port 端口] [--data 数据目录] [--open] [--emulated-reader 模拟读卡器串口] [--idle-lock-minutes 分钟] [--clock 测试时间，须 JIUZHU_ALLOW_CLOCK=1] [--update-key 更新签名公钥文件]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        data: { type: 'string' },
        open: { type: 'boolean', default: false },
        'emulated-reader': { type: 'string' },
        'idle-lock-minutes': { type: 'string' },
        clock: { type: 'string' },
        'update-key': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`参数有误：${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口必须是 0–65535 之间的整数（0 表示自动选择）\n${USAGE}\n`);
    process.exit(2);
  }
  const idle = values['idle-lock-minutes'] === undefined ? undefined : Number(values['idle-lock-minutes']);
  if (idle !== undefined && !(idle > 0 && idle <= 120)) {
    process.stderr.write(`--idle-lock-minutes 应为 0 到 120 之间的分钟数\n${USAGE}\n`);
    process.exit(2);
  }
  const clock = values.clock === undefined ? undefined : parseClockOption(values.clock, process.env);
  if (clock && !clock.ok) {
    process.stderr.write(`${clock.message}\n`);
    process.exit(2);
  }
  if (clock?.ok) process.stdout.write(`${clock.warning}\n`);
  // The preset's data scope: this account's folder, or the station the PC's staff accounts share.
  const location = dataLocation(readPreset().preset);
  const dataDir = values.data ?? location.dataDir;
  const here = fileURLToPath(new URL('.', import.meta.url));
  const logger = createStderrLogger();
  const shared = values.data ? {} : machineScopeOptions(location, logger);
  mkdirSync(dataDir, { recursive: true });
  const core = await startWorkerCore({
    script: new URL('./coreWorker.js', import.meta.url),
    core: {
      shell: 'browser',
      dataDir,
      version: APP_VERSION,
      ...shared,
      // A county that builds and signs its own releases (and the tests' feed server) names its release key here.
      ...(values['update-key'] ? { releaseKeyPem: readFileSync(values['update-key'], 'utf8') } : {}),
      ...(values['emulated-reader'] ? { emulatedReaderPath: values['emulated-reader'] } : {}),
      ...(idle !== undefined ? { auth: { idleLockMinutes: idle } } : {}),
      ...(clock?.ok ? { clockOffsetMs: clock.offsetMs } : {}),
    },
    logger,
  });
  // --open: the token reaches Chromium through a private launch page, never its command line (launchPage.ts).
  let launch: LaunchPage | null = null;
  const removeLaunchPage = () => {
    launch?.remove();
    launch = null;
  };
  const shell = await startBrowserShell({ core, rendererDir: join(here, '../renderer'), logger, port, onTokenUsed: removeLaunchPage });
  process.stdout.write(`救助通工作站（浏览器模式）已启动：${shell.url}\n`);

  if (values.open) {
    const chromium = findChromium();
    if (!chromium) process.stdout.write('未找到 Chromium 浏览器，请手动在浏览器中打开上面的地址。\n');
    else {
      launch = writeLaunchPage(shell.url);
      const profile = join(dataDir, 'browser-profile');
      spawn(chromium, [`--app=${launch.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking'], {
        detached: true,
        stdio: 'ignore',
      }).unref();
    }
  }

  const stop = async () => {
    removeLaunchPage();
    await shell.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  process.stderr.write(`浏览器模式启动失败：${(error as Error).message}\n`);
  process.exit(1);
});
