import { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules must fire. Each fixture is linted as if it stood at a path inside a layer
 * (lintText with filePath), so the real config decides; a fixture that passes is a broken rule.
 */
const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const PATHS = 'import-x/no-restricted-paths';
const PACKAGES = 'layers/allowed-packages';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** Lints one fixture through the eslint command line started in `cwd`, as a developer would from another folder. */
function lintFromShell(cwd: string, args: string[], code: string): { status: number | null; ruleIds: string[] } {
  const bin = join(root, 'node_modules/eslint/bin/eslint.js');
  const run = spawnSync(process.execPath, [bin, '--format', 'json', ...args], { cwd, input: code, encoding: 'utf8' });
  const results = JSON.parse(run.stdout || '[]') as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return { status: run.status, ruleIds: results.flatMap((r) => r.messages.map((m) => m.ruleId ?? m.message)) };
}

describe('layer rules', () => {
  const forbidden: Array<[string, string, string, typeof PATHS | typeof PACKAGES]> = [
    ['renderer importing main/core', 'renderer-imports-core.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing node:fs', 'imports-node-fs.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing node:fs dynamically', 'imports-node-fs-dynamic.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing electron', 'imports-electron.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing electron/renderer', 'imports-electron-renderer.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing the preload', 'renderer-imports-preload.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing city-platform', 'renderer-imports-platform.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing tools', 'renderer-imports-tools.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing serialport', 'imports-serialport.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing pdfkit', 'imports-pdfkit.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    [
      "a renderer feature importing another feature's inner folder",
      'renderer-feature-imports-inner.ts',
      'renderer/src/stats/__fixture__.tsx',
      PATHS,
    ],
    ['common importing main/core', 'common-imports-core.ts', 'common/__fixture__.ts', PATHS],
    ['common importing node:fs', 'imports-node-fs.ts', 'common/__fixture__.ts', PACKAGES],
    ['common importing city-platform', 'common-imports-platform.ts', 'common/__fixture__.ts', PATHS],
    ['common importing tools', 'common-imports-tools.ts', 'common/__fixture__.ts', PATHS],
    ['common importing react', 'imports-react.ts', 'common/__fixture__.ts', PACKAGES],
    ['main/core importing electron', 'imports-electron.ts', 'main/core/__fixture__.ts', PACKAGES],
    ['main/core importing electron/main', 'imports-electron-main.ts', 'main/core/__fixture__.ts', PACKAGES],
    ['main/core importing antd', 'imports-antd.ts', 'main/core/__fixture__.ts', PACKAGES],
    ["main/core importing the platform's fastify", 'imports-fastify.ts', 'main/core/__fixture__.ts', PACKAGES],
    ['main/core importing a shell', 'core-imports-shell.ts', 'main/core/__fixture__.ts', PATHS],
    ['main/core importing city-platform', 'core-imports-platform.ts', 'main/core/cases/__fixture__.ts', PATHS],
    ["a core feature importing another feature's inner folder", 'core-feature-imports-inner.ts', 'main/core/stats/__fixture__.ts', PATHS],
    ['browser shell importing electron', 'imports-electron.ts', 'main/browser/__fixture__.ts', PACKAGES],
    ['browser shell importing the electron shell', 'browser-imports-electron-shell.ts', 'main/browser/__fixture__.ts', PATHS],
    ["browser shell importing core's inner folders", 'shell-imports-core-inner.ts', 'main/browser/__fixture__.ts', PATHS],
    ["electron shell importing core's inner folders", 'shell-imports-core-inner.ts', 'main/electron/__fixture__.ts', PATHS],
    ["cli importing core's inner folders", 'shell-imports-core-inner.ts', 'main/cli/__fixture__.ts', PATHS],
    ['cli importing the browser shell', 'cli-imports-browser.ts', 'main/cli/__fixture__.ts', PATHS],
    ["browser shell importing the CLI's part of core (cliSupport)", 'cli-support.ts', 'main/browser/__fixture__.ts', PATHS],
    ["electron shell importing the CLI's part of core (cliSupport)", 'cli-support.ts', 'main/electron/__fixture__.ts', PATHS],
    ['preload importing main/core', 'preload-imports-core.ts', 'preload/__fixture__.ts', PATHS],
    ['preload importing node:fs', 'imports-node-fs.ts', 'preload/__fixture__.ts', PACKAGES],
    ['city-platform importing main/core', 'common-imports-core.ts', 'city-platform/__fixture__.ts', PATHS],
    ['sync-protocol importing main/core', 'common-imports-core.ts', 'sync-protocol/__fixture__.ts', PATHS],
    ['sync-protocol importing city-platform', 'common-imports-platform.ts', 'sync-protocol/__fixture__.ts', PATHS],
    ['sync-protocol importing react', 'imports-react.ts', 'sync-protocol/__fixture__.ts', PACKAGES],
  ];
  for (const [what, file, at, rule] of forbidden) {
    it(`refuses ${what}`, async () => {
      expect(await ruleIdsFor(fixture(file), at)).toContain(rule);
    });
  }

  it('refuses a package named by every form of import, one report each', async () => {
    const rules = await ruleIdsFor(fixture('imports-every-form.ts'), 'common/__fixture__.ts');
    expect(rules.filter((r) => r === PACKAGES)).toHaveLength(7);
  });

  const allowed: Array<[string, string, string]> = [
    ['a common test using vitest and node:fs', 'common-test-allowed.ts', 'common/__fixture__.test.ts'],
    ['main/electron importing electron and core', 'electron-shell-allowed.ts', 'main/electron/__fixture__.ts'],
    ['a shell importing main/core/index', 'shell-allowed.ts', 'main/cli/__fixture__.ts'],
    ['the cli importing its part of core (cliSupport)', 'cli-support.ts', 'main/cli/__fixture__.ts'],
    ['renderer importing common', 'renderer-allowed.ts', 'renderer/src/__fixture__.ts'],
    [
      "a renderer feature importing its packages and another feature's public face",
      'renderer-feature-allowed.ts',
      'renderer/src/stats/__fixture__.tsx',
    ],
    [
      "a core feature importing its packages, its own inner folder and another feature's public face",
      'core-feature-allowed.ts',
      'main/core/documents/__fixture__.ts',
    ],
    ['city-platform importing sync-protocol and common', 'platform-imports-protocol.ts', 'city-platform/__fixture__.ts'],
    [
      'a core test bringing up the reference platform and the link proxy',
      'core-test-imports-platform.ts',
      'main/core/cases/__fixture__.test.ts',
    ],
  ];
  for (const [what, file, at] of allowed) {
    it(`allows ${what}`, async () => {
      expect(await ruleIdsFor(fixture(file), at)).toEqual([]);
    });
  }

  describe('run from another folder', () => {
    const code = fixture('renderer-imports-preload.ts');

    it('refuses renderer importing the preload when eslint runs inside renderer/', () => {
      const run = lintFromShell(join(root, 'renderer'), ['--stdin', '--stdin-filename', 'src/__fixture__.ts'], code);
      expect(run.ruleIds).toContain(PATHS);
      expect(run.status).toBe(1);
    });

    it('refuses renderer importing the preload when eslint runs from the parent folder with --config', () => {
      const file = join(basename(root), 'renderer/src/__fixture__.ts');
      const run = lintFromShell(dirname(root), ['--config', join(root, 'eslint.config.js'), '--stdin', '--stdin-filename', file], code);
      expect(run.ruleIds).toContain(PATHS);
      expect(run.status).toBe(1);
    });

    it('refuses renderer importing node:fs when eslint runs from the parent folder with --config', () => {
      const file = join(basename(root), 'renderer/src/__fixture__.ts');
      const run = lintFromShell(
        dirname(root),
        ['--config', join(root, 'eslint.config.js'), '--stdin', '--stdin-filename', file],
        fixture('imports-node-fs.ts'),
      );
      expect(run.ruleIds).toContain(PACKAGES);
      expect(run.status).toBe(1);
    });
  });
});
