// `npm start`: the desktop app when the Electron binary is installed; otherwise one line saying
// so, and the same app through the browser shell (with Chromium opened when --open is given).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildElectronSqlite } from './build-native-electron.js';
import { electronBinary } from './electronBinary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const electron = electronBinary();

const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
};

if (electron) {
  // The desktop app loads its own Electron-ABI build of SQLite; the Node build stays for tests and the CLI.
  buildElectronSqlite();
  run(electron, ['.', ...args.filter((a) => a !== '--open')]);
} else {
  console.log('未安装 Electron 可执行文件（Electron binary not installed），改用浏览器模式启动；离线安装方法见 README。');
  run(process.execPath, ['out/main/browser.js', ...args]);
}
