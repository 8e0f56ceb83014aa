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
const SQL = 'layers/sql-in-repos';

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
    ['renderer importing main/core', 'rendererImportsCore.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing node:fs', 'importsNodeFs.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing node:fs dynamically', 'importsNodeFsDynamic.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing electron', 'importsElectron.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing electron/renderer', 'importsElectronRenderer.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing the preload', 'rendererImportsPreload.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing city-platform', 'rendererImportsPlatform.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing tools', 'rendererImportsTools.ts', 'renderer/src/__fixture__.ts', PATHS],
    ['renderer importing serialport', 'importsSerialport.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    ['renderer importing pdfkit', 'importsPdfkit.ts', 'renderer/src/__fixture__.ts', PACKAGES],
    [
      "a renderer feature importing another feature's inner folder",
      'rendererFeatureImportsInner.ts',
      'renderer/src/stats/__fixture__.tsx',
      PATHS,
    ],
    ['common importing main/core', 'commonImportsCore.ts', 'common/__fixture__.ts', PATHS],
    ['common importing node:fs', 'importsNodeFs.ts', 'common/__fixture__.ts', PACKAGES],
    ['common importing city-platform', 'commonImportsPlatform.ts', 'common/__fixture__.ts', PATHS],
    ['common importing tools', 'commonImportsTools.ts', 'common/__fixture__.ts', PATHS],
    ['common importing react', 'importsReact.ts', 'common/__fixture__.ts', PACKAGES],
    ['main/core importing electron', 'importsElectron.ts', 'main/core/__fixture__.ts', PACKAGES],
    ['main/core importing electron/main', 'importsElectronMain.ts', 'main/core/__fixture__.ts', PACKAGES],
    ['main/core importing antd', 'importsAntd.ts', 'main/core/__fixture__.ts', PACKAGES],
    ["main/core importing the platform's fastify", 'importsFastify.ts', 'main/core/__fixture__.ts', PACKAGES],
    ['main/core importing a shell', 'coreImportsShell.ts', 'main/core/__fixture__.ts', PATHS],
    ['main/core importing city-platform', 'coreImportsPlatform.ts', 'main/core/cases/__fixture__.ts', PATHS],
    ["a core feature importing another feature's inner folder", 'coreFeatureImportsInner.ts', 'main/core/stats/__fixture__.ts', PATHS],
    ['browser shell importing electron', 'importsElectron.ts', 'main/browser/__fixture__.ts', PACKAGES],
    ['browser shell importing the electron shell', 'browserImportsElectronShell.ts', 'main/browser/__fixture__.ts', PATHS],
    ["browser shell importing core's inner folders", 'shellImportsCoreInner.ts', 'main/browser/__fixture__.ts', PATHS],
    ["electron shell importing core's inner folders", 'shellImportsCoreInner.ts', 'main/electron/__fixture__.ts', PATHS],
    ["cli importing core's inner folders", 'shellImportsCoreInner.ts', 'main/cli/__fixture__.ts', PATHS],
    ['cli importing the browser shell', 'cliImportsBrowser.ts', 'main/cli/__fixture__.ts', PATHS],
    ["browser shell importing the CLI's part of core (cliSupport)", 'cliSupport.ts', 'main/browser/__fixture__.ts', PATHS],
    ["electron shell importing the CLI's part of core (cliSupport)", 'cliSupport.ts', 'main/electron/__fixture__.ts', PATHS],
    ['preload importing main/core', 'preloadImportsCore.ts', 'preload/__fixture__.ts', PATHS],
    ['preload importing node:fs', 'importsNodeFs.ts', 'preload/__fixture__.ts', PACKAGES],
    ['city-platform importing main/core', 'commonImportsCore.ts', 'city-platform/__fixture__.ts', PATHS],
    ['sync-protocol importing main/core', 'commonImportsCore.ts', 'sync-protocol/__fixture__.ts', PATHS],
    ['sync-protocol importing city-platform', 'commonImportsPlatform.ts', 'sync-protocol/__fixture__.ts', PATHS],
    ['sync-protocol importing react', 'importsReact.ts', 'sync-protocol/__fixture__.ts', PACKAGES],
  ];
  for (const [what, file, at, rule] of forbidden) {
    it(`refuses ${what}`, async () => {
      expect(await ruleIdsFor(fixture(file), at)).toContain(rule);
    });
  }

  it('refuses a package named by every form of import, one report each', async () => {
    const rules = await ruleIdsFor(fixture('importsEveryForm.ts'), 'common/__fixture__.ts');
    expect(rules.filter((r) => r === PACKAGES)).toHaveLength(7);
  });

  const allowed: Array<[string, string, string]> = [
    ['a common test using vitest and node:fs', 'commonTestAllowed.ts', 'common/__fixture__.test.ts'],
    ['main/electron importing electron and core', 'electronShellAllowed.ts', 'main/electron/__fixture__.ts'],
    ['a shell importing main/core/index', 'shellAllowed.ts', 'main/cli/__fixture__.ts'],
    ['the cli importing its part of core (cliSupport)', 'cliSupport.ts', 'main/cli/__fixture__.ts'],
    ['renderer importing common', 'rendererAllowed.ts', 'renderer/src/__fixture__.ts'],
    [
      "a renderer feature importing its packages and another feature's public face",
      'rendererFeatureAllowed.ts',
      'renderer/src/stats/__fixture__.tsx',
    ],
    [
      "a core feature importing its packages, its own inner folder and another feature's public face",
      'coreFeatureAllowed.ts',
      'main/core/documents/__fixture__.ts',
    ],
    ['city-platform importing sync-protocol and common', 'platformImportsProtocol.ts', 'city-platform/__fixture__.ts'],
    [
      'a core test bringing up the reference platform and the link proxy',
      'coreTestImportsPlatform.ts',
      'main/core/cases/__fixture__.test.ts',
    ],
  ];
  for (const [what, file, at] of allowed) {
    it(`allows ${what}`, async () => {
      expect(await ruleIdsFor(fixture(file), at)).toEqual([]);
    });
  }

  describe('SQL only in repositories', () => {
    it('refuses SQL text in .prepare, .pragma and .exec (string, template and concatenation) in a core module, one report each', async () => {
      const rules = await ruleIdsFor(fixture('coreSqlOutsideRepo.ts'), 'main/core/sync/engine/__fixture__.ts');
      expect(rules.filter((r) => r === SQL)).toHaveLength(4);
    });

    it('refuses it in a kernel module outside the store too', async () => {
      expect(await ruleIdsFor(fixture('coreSqlOutsideRepo.ts'), 'main/core/kernel/audit/__fixture__.ts')).toContain(SQL);
    });

    const allowedSql: Array<[string, string]> = [
      ['a *Repo.ts file', 'main/core/sync/engine/__fixtureRepo.ts'],
      ['a repo.ts file', 'main/core/certification/repo.ts'],
      ['the store layer', 'main/core/kernel/store/__fixture__.ts'],
      ['a migration', 'main/core/kernel/store/migrations/9999Fixture.ts'],
      ['a test', 'main/core/backup/__fixture__.test.ts'],
      ['test support', 'main/core/sync/engine/testing/engineFixture.ts'],
      ['code outside main/core', 'city-platform/store/__fixture__.ts'],
    ];
    for (const [what, at] of allowedSql) {
      it(`allows SQL in ${what}`, async () => {
        expect(await ruleIdsFor(fixture('coreRepoAllowed.ts'), at)).not.toContain(SQL);
      });
    }

    it('allows RegExp#exec on a string in a core module', async () => {
      expect(await ruleIdsFor(fixture('coreRegexpExecAllowed.ts'), 'main/core/sync/engine/__fixture__.ts')).toEqual([]);
    });
  });

  describe('run from another folder', () => {
    const code = fixture('rendererImportsPreload.ts');

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
        fixture('importsNodeFs.ts'),
      );
      expect(run.ruleIds).toContain(PACKAGES);
      expect(run.status).toBe(1);
    });
  });
});
