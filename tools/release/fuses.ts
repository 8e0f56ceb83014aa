import { readFileSync } from 'node:fs';

/**
 * The Electron fuses the shipped binary must have, in electron-builder's names (its `electronFuses`
 * option flips them; electron-builder.yml must say exactly this — a test keeps the two equal). The
 * order is the fuse wire's. A wire longer than this list means Electron added a fuse nobody has
 * decided on: the check fails until it is added here.
 */
export const REQUIRED_FUSES = [
  ['runAsNode', false],
  ['enableCookieEncryption', true],
  ['enableNodeOptionsEnvironmentVariable', false],
  ['enableNodeCliInspectArguments', false],
  ['enableEmbeddedAsarIntegrityValidation', true],
  ['onlyLoadAppFromAsar', true],
  ['loadBrowserProcessSpecificV8Snapshot', false],
  ['grantFileProtocolExtraPrivileges', false],
] as const;

/** Electron's marker before the fuse wire (the same in every Electron since 12). */
const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');
const STATE: Record<number, string> = { 0x30: 'disabled', 0x31: 'enabled', 0x72: 'removed' };

/** The fuses of an Electron executable that differ from REQUIRED_FUSES, in words; empty when all hold. */
export function checkFuses(executable: string): string[] {
  const bin = readFileSync(executable);
  const at = bin.indexOf(SENTINEL);
  if (at < 0) return ['no fuse wire found: not an Electron executable'];
  const wire = at + SENTINEL.length;
  if (bin[wire] !== 1) return [`fuse wire version ${bin[wire]} is not 1: update tools/release/fuses.ts`];
  const length = bin[wire + 1]!;
  const problems: string[] = [];
  for (let i = 0; i < length; i++) {
    const state = STATE[bin[wire + 2 + i]!] ?? `0x${bin[wire + 2 + i]!.toString(16)}`;
    const required = REQUIRED_FUSES[i];
    if (!required)
      problems.push(`fuse #${i} is new in this Electron (${state}): decide its setting in tools/release/fuses.ts and electron-builder.yml`);
    else if (state !== 'removed' && state !== (required[1] ? 'enabled' : 'disabled'))
      problems.push(`${required[0]} is ${state}, must be ${required[1] ? 'enabled' : 'disabled'}`);
  }
  return problems;
}
