import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
interface Config {
  productName: string;
  win: { target: unknown };
  linux: { target: Array<{ target: string; arch: string[] }> };
  deb: { depends: string[] };
  asarUnpack: string[];
  extraResources: unknown[];
  afterPack: string;
  electronFuses: Record<string, boolean>;
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
}
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a broken config is caught by the same check', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, asar: 'sometimes', notAnOption: 1 })).toBe(false);
  });

  it('ships the targets, native modules and resources the offices need', () => {
    expect(config.productName).toBe('救助通工作站');
    // NSIS for installs by hand or /S, MSI for group policy.
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    const deb = config.linux.target.find((t) => t.target === 'deb');
    expect(deb?.arch).toEqual(['x64', 'arm64']);
    expect(config.linux.target.some((t) => t.target === 'AppImage')).toBe(true);
    expect(config.deb.depends.length).toBeGreaterThan(3);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.extraResources[0]).toMatchObject({ from: 'resources', to: 'resources' });
  });

  it('compiles native modules from the patched source, and gives the tests their Node build back', () => {
    // A prebuilt better-sqlite3-multiple-ciphers would lack the checkpoint copy (scripts/native/).
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.scripts.postinstall).toBe('node scripts/native/sqliteBuilds.js');
    expect(pkg.scripts.dist).toMatch(/electron-builder && node scripts\/native\/sqliteBuilds\.js$/);
    // The patch names anchors in one amalgamation: the package version is pinned to it.
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs the native gate in afterPack and lets electron-builder flip the fuses', () => {
    // The gate itself and the fuse list are tested in tools/release (nativeGate, afterPack, fuses).
    expect(config.afterPack).toBe('build/afterPack.cjs');
    const hook = require(join(root, 'build/afterPack.cjs'));
    expect(typeof hook.default).toBe('function');
    expect(readFileSync(join(root, 'build/afterPack.cjs'), 'utf8')).toContain("'natives'");
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
