// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { allowedPackages } from './tools/lint/allowedPackages.js';
import { sqlInRepos } from './tools/lint/sqlInRepos.js';

/**
 * Layer rules (docs/ARCHITECTURE.md, “Layers, enforced by lint”). Every path here is resolved against
 * this file's folder, never the working directory, so eslint run from a sub-folder or with --config
 * from elsewhere applies the same rules. A wrong import fails `npm run lint`.
 */
const here = import.meta.dirname;

/** What each layer may import from node_modules (`node`: and Node's built-in modules). */
const LAYERS = [
  { folder: 'common', node: false, packages: ['zod'] },
  { folder: 'preload', node: false, packages: ['electron'] },
  {
    folder: 'renderer',
    node: false,
    packages: [
      'react',
      'react-dom',
      'antd',
      '@ant-design/icons',
      '@tanstack/react-query',
      'i18next',
      'react-i18next',
      'react-router-dom',
      'dayjs',
      'zod',
      'pdfjs-dist',
      '@vladmandic/human',
    ],
  },
  {
    folder: 'main/core',
    node: true,
    packages: [
      'zod',
      'better-sqlite3-multiple-ciphers',
      'pdfkit',
      'fontkit',
      'qrcode',
      'exceljs',
      'pinyin-pro',
      'koffi',
      'serialport',
      'node-machine-id',
    ],
  },
  { folder: 'main/electron', node: true, packages: ['electron'] },
  { folder: 'main/browser', node: true, packages: ['ws'] },
  { folder: 'main/cli', node: true, packages: [] },
  { folder: 'city-platform', node: true, packages: ['fastify', 'pg', 'zod', 'better-sqlite3-multiple-ciphers'] },
  { folder: 'sync-protocol', node: true, packages: ['zod', 'sm-crypto-v2'] },
  { folder: 'tools', node: true, packages: ['serialport'] },
];
/** Tests and their helpers run under Node and may also use these. */
const TEST_PACKAGES = ['vitest', 'yaml', 'tsx', 'pdfjs-dist', '@electron/fuses'];
const TEST_FILES = ['**/*.test.ts', '**/*.spec.ts', '**/testing/**', '**/testClient/**'];

const shells = ['main/electron', 'main/browser', 'main/cli'];

/**
 * Feature folders: every folder of main/core and renderer/src except the kernel's (main/core/kernel/*, and
 * the renderer's listed below); a folder with no code of its own (main/core/devices) groups features. A
 * module's top-level files are its public face; its inner folders are its own.
 */
const CORE_KERNEL = 'kernel';
const RENDERER_KERNEL = ['api', 'components', 'layout', 'pages', 'session'];
const isCode = (name) => /\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts');
function modulesOf(folder, kernel) {
  const dirs = (path) =>
    readdirSync(join(here, path), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `${path}/${e.name}`);
  const hasCode = (path) => readdirSync(join(here, path)).some(isCode);
  if (typeof kernel === 'string') {
    const features = dirs(folder)
      .filter((d) => d !== `${folder}/${kernel}`)
      .flatMap((d) => (hasCode(d) ? [d] : dirs(d)));
    return { features, kernel: dirs(`${folder}/${kernel}`) };
  }
  const features = dirs(folder)
    .filter((d) => !kernel.includes(d.slice(folder.length + 1)))
    .flatMap((d) => (hasCode(d) ? [d] : dirs(d)));
  return { features, kernel: kernel.map((k) => `${folder}/${k}`) };
}
function featureZones(folder, kernel) {
  const modules = modulesOf(folder, kernel);
  const { features } = modules;
  const inner = (f) => [`${f}/*/**/*`];
  const importers = [...features, ...modules.kernel].map((m) => ({ target: `${m}/**`, own: m }));
  return [{ target: `${folder}/*`, own: '' }, ...importers]
    .map(({ target, own }) => ({ target, from: features.filter((f) => f !== own).flatMap(inner) }))
    .filter((z) => z.from.length > 0)
    .map((z) => ({ ...z, message: "A feature's inner folders are its own: import its top-level files (its public face) instead." }));
}

const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
/** Zones every file keeps, tests included. */
const zones = [
  zone(
    'common',
    ['main', 'preload', 'renderer', 'city-platform', 'tools', 'sync-protocol'],
    'common/ is the shared contract: it imports nothing of ours outside common/.',
  ),
  zone('renderer', ['main', 'preload', 'city-platform', 'tools', 'sync-protocol'], 'The renderer knows only the contract in common/.'),
  zone('preload', ['main', 'renderer', 'city-platform', 'tools', 'sync-protocol'], 'The preload knows only the contract in common/.'),
  zone(
    'sync-protocol',
    ['main', 'preload', 'renderer', 'city-platform', 'tools'],
    'sync-protocol/ is shared by the workstation and the platform: it imports only common/.',
  ),
  zone('main/core', [...shells, 'renderer', 'preload'], 'main/core is shell-free: it must not import a shell.'),
  ...shells.map((shell) =>
    zone(
      shell,
      [...shells.filter((s) => s !== shell), 'renderer', 'preload'],
      'A shell uses main/core and common only, never another shell.',
    ),
  ),
  zone('city-platform', ['main'], 'The platform shares only sync-protocol/ and common/ with the workstation.'),
];
/** Zones for production code only: tests may bring up the real platform, the emulators and core's inner parts. */
const productionZones = [
  zone('main/core', ['city-platform', 'tools'], 'main/core does not use the reference platform or the test tools; only its tests do.'),
  ...shells.map((shell) => zone(shell, ['city-platform', 'tools'], 'A shell uses main/core and common only.')),
  ...shells.map((shell) =>
    zone(shell, ['main/core'], "Shells use core through main/core/index.ts (the CLI also cliSupport.ts), never core's inner folders.", [
      './index.ts',
      ...(shell === 'main/cli' ? ['./cliSupport.ts'] : []),
    ]),
  ),
  zone('tools', ['main', 'renderer', 'preload', 'city-platform', 'sync-protocol'], 'The tools stand alone: they import common/ only.'),
  ...featureZones('main/core', CORE_KERNEL),
  ...featureZones('renderer/src', RENDERER_KERNEL),
];
/**
 * SQL only in repositories (docs/ARCHITECTURE.md): in main/core, `.prepare`/`.pragma`/`.exec` with SQL
 * text are refused outside `*Repo.ts` and `repo.ts`, the store layer, migrations, tests and test support.
 */
const SQL_PLACES = ['**/*Repo.ts', '**/repo.ts', 'main/core/kernel/store/**', '**/migrations/**'];
const restrictedPaths = (list) => ['error', { basePath: here, zones: list }];
const packagesRule = (layer, packages, node) => ['error', { layer, packages, node }];

const configs = tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/lint/fixtures/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, layers: { rules: { 'allowed-packages': allowedPackages, 'sql-in-repos': sqlInRepos } } },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'].map((p) => join(here, p)),
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Binary parsers (serial frames, UCS-2 text) match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-restricted-paths': restrictedPaths([...zones, ...productionZones]),
    },
  },
  { files: TEST_FILES, rules: { 'import-x/no-restricted-paths': restrictedPaths(zones) } },
  {
    files: ['main/core/**'],
    ignores: [...SQL_PLACES, ...TEST_FILES],
    rules: { 'layers/sql-in-repos': 'error' },
  },
  ...LAYERS.flatMap(({ folder, node, packages }) => [
    { files: [`${folder}/**`], rules: { 'layers/allowed-packages': packagesRule(folder, packages, node) } },
    {
      files: TEST_FILES.map((g) => `${folder}/${g}`),
      rules: { 'layers/allowed-packages': packagesRule(`${folder} (tests)`, [...new Set([...packages, ...TEST_PACKAGES])], true) },
    },
  ]),
  {
    files: ['tests/**', 'bench/**'],
    ignores: ['tests/e2e/electron*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: "Only main/electron and the preload may import 'electron'." }] },
      ],
    },
  },
  {
    files: ['common/**', 'renderer/**'],
    // Tests of common/ run in Node under vitest.
    ignores: ['common/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

/** Globs in `files` and `ignores` count from this file's folder too. */
export default configs.map((config) => ({ basePath: here, ...config }));
