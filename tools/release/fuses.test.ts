import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REQUIRED_FUSES, checkFuses } from './fuses';

/**
 * The fuse check reads what @electron/fuses (the library electron-builder's `electronFuses` calls)
 * wrote into a binary laid out as Electron's: filler, the sentinel, version 1, the wire length and
 * one byte per fuse at Electron's defaults ('1' = enabled, '0' = disabled).
 */
const dir = mkdtempSync(join(tmpdir(), 'fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function fakeElectron(name: string, defaults: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from(SENTINEL, 'latin1'),
      Buffer.from([1, defaults.length]),
      Buffer.from(defaults, 'latin1'),
      Buffer.alloc(1024, 9),
    ]),
  );
  return path;
}
const builderConfig = parse(readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  afterPack?: string;
};
/** What electron-builder passes to flipFuses for `electronFuses` (app-builder-lib generateFuseConfig). */
const NAME_TO_FUSE: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};
const flipAsBuilderDoes = (path: string) =>
  flipFuses(path, {
    version: FuseVersion.V1,
    ...Object.fromEntries(Object.entries(builderConfig.electronFuses).map(([k, v]) => [NAME_TO_FUSE[k], v])),
  });

describe('Electron fuses', () => {
  it('electron-builder.yml flips exactly the required fuses, and every fuse @electron/fuses knows', () => {
    expect(Object.entries(builderConfig.electronFuses)).toEqual(REQUIRED_FUSES.map(([k, v]) => [k, v]));
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(NAME_TO_FUSE).map((n) => FuseV1Options[NAME_TO_FUSE[n]!])).toEqual(known);
  });

  it('an unflipped binary fails the check, fuse by fuse; flipped as electron-builder does, it passes', async () => {
    const exe = fakeElectron('electron', '10110001');
    expect(checkFuses(exe)).toEqual([
      'runAsNode is enabled, must be disabled',
      'enableCookieEncryption is disabled, must be enabled',
      'enableNodeOptionsEnvironmentVariable is enabled, must be disabled',
      'enableNodeCliInspectArguments is enabled, must be disabled',
      'enableEmbeddedAsarIntegrityValidation is disabled, must be enabled',
      'onlyLoadAppFromAsar is disabled, must be enabled',
      'grantFileProtocolExtraPrivileges is enabled, must be disabled',
    ]);
    await flipAsBuilderDoes(exe);
    expect(checkFuses(exe)).toEqual([]);
  });

  it('a fuse new in Electron and undecided here fails the check; a removed one does not', async () => {
    const exe = fakeElectron('electron-next', '101100010');
    await flipAsBuilderDoes(exe);
    expect(checkFuses(exe)).toEqual([
      'fuse #8 is new in this Electron (disabled): decide its setting in tools/release/fuses.ts and electron-builder.yml',
    ]);
    const removed = fakeElectron('electron-removed', '1011000r');
    const { [FuseV1Options.GrantFileProtocolExtraPrivileges]: _unset, ...allButLast } = Object.fromEntries(
      Object.entries(builderConfig.electronFuses).map(([k, v]) => [NAME_TO_FUSE[k], v]),
    );
    await flipFuses(removed, { version: FuseVersion.V1, ...allButLast });
    expect(checkFuses(removed)).toEqual([]);
  });

  it('a file without the wire is not an Electron executable', () => {
    const path = join(dir, 'plain');
    writeFileSync(path, 'just bytes');
    expect(checkFuses(path)).toEqual(['no fuse wire found: not an Electron executable']);
  });
});
