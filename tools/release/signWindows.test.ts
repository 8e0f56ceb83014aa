import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The custom Windows signer electron-builder calls per file, with a real child process as the signing tool. */
const require = createRequire(import.meta.url);
const { default: sign } = require('../../build/signWindows.cjs') as {
  default: (c: { path: string }, env: Record<string, string>) => Promise<void>;
};
const dir = mkdtempSync(join(tmpdir(), 'sign-windows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const exe = join(dir, '救助通工作站 Setup.exe');
writeFileSync(exe, 'MZ');
const signer = join(dir, 'signer.cjs');
writeFileSync(
  signer,
  "require('node:fs').appendFileSync(process.argv[2], 'signed ' + process.argv[3] + '\\n'); process.exit(process.argv[3].includes('fail') ? 3 : 0);",
);

describe('Windows signing', () => {
  it('runs the configured tool with the file in place of {file}, spaces and all', async () => {
    const log = join(dir, 'log.txt');
    await sign({ path: exe }, { JIUZHU_SIGN_COMMAND: `"${process.execPath}" "${signer}" "${log}" {file}` });
    expect(readFileSync(log, 'utf8')).toBe(`signed ${exe}\n`);
  });

  it('fails the build when the tool fails, when a release has no tool, or when the command forgets {file}', async () => {
    const log = join(dir, 'log2.txt');
    await expect(
      sign({ path: join(dir, 'fail.exe') }, { JIUZHU_SIGN_COMMAND: `"${process.execPath}" "${signer}" "${log}" {file}` }),
    ).rejects.toThrow(/exited with 3/);
    await expect(sign({ path: exe }, { JIUZHU_REQUIRE_SIGNING: '1' })).rejects.toThrow(/signing is required/);
    await expect(sign({ path: exe }, { JIUZHU_SIGN_COMMAND: `"${process.execPath}" "${signer}" "${log}"` })).rejects.toThrow(
      /must contain \{file\}/,
    );
    await expect(sign({ path: exe }, {})).resolves.toBeUndefined();
  });
});
