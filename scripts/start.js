// `npm start`: the desktop app when the Electron binary is installed; otherwise one line saying
// so, and the same app through the browser shell (with Chromium opened when --open is given).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildElectronSqlite } from './native/sqliteBuilds.js';
import { startDemoReader } from './demoReader.js';
import { electronBinary } from './electronBinary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = process.argv.includes('--demo');
const args = process.argv.slice(2).filter((a) => a !== '--demo');
const electron = electronBinary();

// --demo: attach the reader emulator as a clearly labelled 模拟读卡器 (for demos without a reader).
const demoReader = demo ? await startDemoReader(root) : null;

const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, {
    cwd: root,
    stdio: demoReader ? ['ignore', 'inherit', 'inherit'] : 'inherit',
    env: { ...process.env, ...(demoReader ? { JIUZHU_EMULATED_READER: demoReader.link } : {}) },
  });
  child.on('exit', (code, signal) => {
    demoReader?.child.kill();
    process.exit(signal ? 1 : (code ?? 0));
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
};

if (electron) {
  // The desktop app loads its own Electron-ABI build of SQLite; the Node build stays for tests and the CLI.
  buildElectronSqlite();
  run(electron, ['.', ...args.filter((a) => a !== '--open')]);
} else {
  console.log('未安装 Electron 可执行文件（Electron binary not installed），改用浏览器模式启动；离线安装方法见 README。');
  run(process.execPath, ['out/main/browser.js', ...args, ...(demoReader ? ['--emulated-reader', demoReader.link] : [])]);
}
