import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builderExclusions } from './appPayload';
import { onlyThrough, type Lock } from './onlyThrough';

const root = join(import.meta.dirname, '..', '..');
const builderYml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const exclusions = builderExclusions(builderYml);
const excluded = (path: string) => exclusions.some((x) => x.test(path));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;
const cliOnly = onlyThrough(lock, 'node_modules/yargs');
const temp = mkdtempSync(join(tmpdir(), 'jiuzhu-qrcode-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Draw a QR code with qrcode's API, as documents/certificate/qr.ts does, from the node_modules under `dir`. */
/** A path under node_modules as electron-builder.yml's patterns see it: a folder is left out when "<folder>/" matches. */
const excludedFolderOrFile = (source: string) => {
  const rel = `node_modules/${source.slice(join(root, 'node_modules').length + 1).replaceAll('\\', '/')}`;
  return excluded(rel) || excluded(`${rel}/`);
};

const drawFrom = (dir: string) =>
  execFileSync(
    process.execPath,
    [
      '-e',
      "const q = require('qrcode').create('JZ-CERT-500110-2026-000123', { errorCorrectionLevel: 'M' }); process.stdout.write(q.version + ':' + Buffer.from(q.modules.data).toString('base64'))",
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    },
  );

describe("qrcode's command line is not packed", () => {
  it('the yargs tree, reachable only through qrcode, is excluded folder by folder; qrcode and what its API needs stay', () => {
    expect(cliOnly).toContain('node_modules/yargs');
    expect(cliOnly).toContain('node_modules/cliui');
    for (const path of cliOnly) expect(excluded(`${path}/package.json`), path).toBe(true);
    expect(excluded('node_modules/qrcode/bin/qrcode')).toBe(true);
    // Exactly those: a package another production dependency needs must not be caught by the same line.
    const topLevelExcluded = Object.keys(lock.packages).filter(
      (p) => /^node_modules\/[^/]+$/.test(p) && !lock.packages[p]!.dev && excluded(`${p}/package.json`),
    );
    expect(topLevelExcluded.sort()).toEqual(cliOnly);
    for (const kept of ['node_modules/qrcode/lib/index.js', 'node_modules/dijkstrajs/dijkstra.js', 'node_modules/pngjs/lib/png.js'])
      expect(excluded(kept), kept).toBe(false);
  });

  it("qrcode's API loads and draws the same code from a copy of its packages as packed", () => {
    const packed = join(temp, 'app');
    for (const name of ['qrcode', 'dijkstrajs', 'pngjs', ...cliOnly.map((p) => p.slice('node_modules/'.length))]) {
      cpSync(join(root, 'node_modules', name), join(packed, 'node_modules', name), {
        recursive: true,
        filter: (source) => !excludedFolderOrFile(source),
      });
    }
    expect(existsSync(join(packed, 'node_modules', 'qrcode', 'lib', 'index.js'))).toBe(true);
    expect(existsSync(join(packed, 'node_modules', 'yargs'))).toBe(false);
    expect(existsSync(join(packed, 'node_modules', 'qrcode', 'bin'))).toBe(false);
    const drawn = drawFrom(packed);
    expect(drawn).toMatch(/^\d+:[A-Za-z0-9+/]+=*$/);
    expect(drawn).toBe(drawFrom(root));
  });
});
