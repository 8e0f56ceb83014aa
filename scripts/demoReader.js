// Demo mode: the byte-level reader emulator on a pty, clearly labelled 模拟读卡器 in the app.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startDemoReader(root) {
  const link = join(mkdtempSync(join(tmpdir(), 'jiuzhu-demo-reader-')), 'reader');
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/samEmulator/cli.ts', '--link', link, '--card', 'resident'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('card:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`模拟读卡器未能启动（退出码 ${code}）`)));
  });
  console.log(`演示模式：模拟读卡器在 ${link}（在“读卡”页选择它；在本终端输入 place / remove 放卡、取卡）`);
  process.stdin.pipe(child.stdin);
  return { link, child };
}
