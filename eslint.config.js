// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Layer rules (docs/ARCHITECTURE.md): renderer → common; preload → common; main/core → common;
 * main/electron, main/browser, main/cli → main/core + common. Only main/electron (and the preload,
 * which cannot do without contextBridge) import 'electron'. A wrong import fails `npm run lint`.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = { name: 'electron', message: "Only main/electron and the preload may import 'electron'." };
const noNode = nodeBuiltins.map((name) => ({ name, message: 'No Node APIs here: this code also runs in the sandboxed renderer.' }));

const zone = (target, from, message) => ({ target, from, message });
const shells = ['./main/electron', './main/browser', './main/cli'];

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/lint/fixtures/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })] },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Binary parsers (serial frames, UCS-2 text) match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./common', ['./main', './preload', './renderer'], 'common/ is the shared contract: it imports nothing from main, preload or renderer.'),
            zone('./renderer', ['./main', './preload'], 'The renderer knows only the contract in common/.'),
            zone('./preload', ['./main', './renderer'], 'The preload knows only the contract in common/.'),
            zone('./main/core', [...shells, './renderer', './preload'], 'main/core is shell-free: it must not import a shell.'),
            ...shells.map((shell) =>
              zone(shell, [...shells.filter((s) => s !== shell), './renderer', './preload'], 'A shell uses main/core and common only, never another shell.'),
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['common/**', 'main/core/**', 'main/browser/**', 'main/cli/**', 'renderer/**', 'tools/**', 'bench/**', 'city-platform/**', 'tests/**'],
    ignores: ['tests/e2e/electron*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['common/**', 'renderer/**'],
    // Tests of common/ run in Node under vitest; the code they test must not.
    ignores: ['common/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, ...noNode], patterns: [{ group: ['node:*'], message: 'No Node APIs here.' }] }] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
