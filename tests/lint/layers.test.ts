import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules must fire. Each fixture is linted as if it stood at a path inside a layer
 * (lintText with filePath), so the real config decides; a fixture that passes is a broken rule.
 */
const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  const forbidden: Array<[string, string, string]> = [
    ['renderer importing main/core', 'renderer-imports-core.ts', 'renderer/src/__fixture__.ts'],
    ['renderer importing node:fs', 'imports-node-fs.ts', 'renderer/src/__fixture__.ts'],
    ['renderer importing electron', 'imports-electron.ts', 'renderer/src/__fixture__.ts'],
    ['common importing main/core', 'common-imports-core.ts', 'common/__fixture__.ts'],
    ['common importing node:fs', 'imports-node-fs.ts', 'common/__fixture__.ts'],
    ['main/core importing electron', 'imports-electron.ts', 'main/core/__fixture__.ts'],
    ['main/core importing a shell', 'core-imports-shell.ts', 'main/core/__fixture__.ts'],
    ['browser shell importing electron', 'imports-electron.ts', 'main/browser/__fixture__.ts'],
    ['browser shell importing the electron shell', 'browser-imports-electron-shell.ts', 'main/browser/__fixture__.ts'],
    ['cli importing the browser shell', 'cli-imports-browser.ts', 'main/cli/__fixture__.ts'],
    ['preload importing main/core', 'preload-imports-core.ts', 'preload/__fixture__.ts'],
  ];
  for (const [what, file, at] of forbidden) {
    it(`refuses ${what}`, async () => {
      const rules = await ruleIdsFor(fixture(file), at);
      expect(rules.some((r) => r === 'import-x/no-restricted-paths' || r === 'no-restricted-imports')).toBe(true);
    });
  }

  const allowed: Array<[string, string, string]> = [
    ['main/electron importing electron and core', 'electron-shell-allowed.ts', 'main/electron/__fixture__.ts'],
    ['renderer importing common', 'renderer-allowed.ts', 'renderer/src/__fixture__.ts'],
  ];
  for (const [what, file, at] of allowed) {
    it(`allows ${what}`, async () => {
      expect(await ruleIdsFor(fixture(file), at)).toEqual([]);
    });
  }
});
