import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderExclusions, productionPayload } from './appPayload';
import { onlyThrough, type Lock } from './onlyThrough';

const root = join(import.meta.dirname, '..', '..');
const exclusions = builderExclusions(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const excluded = (path: string) => exclusions.some((x) => x.test(path));

describe('what the app ships of node_modules', () => {
  it('leaves out SQLite sources and build leftovers, the test extension and foreign prebuilds, and keeps what runs', () => {
    expect(excluded('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c')).toBe(true);
    expect(excluded('node_modules/better-sqlite3-multiple-ciphers/build/Release/obj.target/better_sqlite3/src/addon.o')).toBe(true);
    expect(excluded('node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node')).toBe(true);
    expect(excluded('node_modules/@serialport/bindings-cpp/prebuilds/android-arm/@serialport+bindings-cpp.armv7.node')).toBe(true);
    expect(excluded('something.js.map')).toBe(true);
    expect(excluded('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(false);
    expect(excluded('node_modules/better-sqlite3-multiple-ciphers/lib/database.js')).toBe(false);
    expect(excluded('node_modules/pdfkit/js/pdfkit.js')).toBe(false);
  });

  it('the renderer-only and platform-only packages are not production dependencies', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const name of ['@vladmandic/human', 'fastify', 'exceljs', 'antd', 'react'])
      expect(lock.packages[`node_modules/${name}`]?.dev, name).toBe(true);
    const packed = productionPayload(root, undefined, exclusions);
    const all = productionPayload(root);
    expect(packed.files).toBeLessThan(all.files);
    // qrcode's command-line tree (yargs and the packages only it needs) is not shipped at all.
    expect(all.packages - packed.packages).toBe(onlyThrough(lock as Lock, 'node_modules/yargs').length);
  });
});
