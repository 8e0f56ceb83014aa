import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** Build test/fixtures/<name>.c into <outDir>/lib<name>.so with the system C compiler. */
export async function compileFixture(name: string, outDir: string): Promise<string> {
  const out = join(outDir, `lib${name}.so`);
  await run('cc', ['-shared', '-fPIC', '-O1', '-Wall', '-Werror', '-o', out, join(here, 'fixtures', `${name}.c`)]);
  return out;
}

let gbkTable: Map<string, number[]> | undefined;

/** Encode text as GBK, as vendor getters return it (Node has a GBK decoder but no encoder). */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}
