import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyFeed } from '../../main/core/updates/updater';

/** The release side of updates, through the CLI: a key pair, then the feeds signed so the workstation's check accepts them. */
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'feed-signing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'tools', 'release', 'cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('release feed signing', () => {
  it('signs every latest*.yml so the workstation verifies it with the public half, and nothing else', () => {
    cli(['release-key', dir]);
    const yml = `version: 0.2.0\nfiles:\n  - url: a.exe\n    sha512: ${'A'.repeat(86)}==\n    size: 10\npath: a.exe\nsha512: ${'A'.repeat(86)}==\n`;
    writeFileSync(join(dir, 'latest.yml'), yml);
    writeFileSync(join(dir, 'latest-linux-arm64.yml'), yml);
    expect(cli(['sign-feeds', dir], { JIUZHU_UPDATE_KEY: readFileSync(join(dir, 'private.pem'), 'utf8') })).toContain(
      'latest-linux-arm64.yml',
    );
    const publicPem = readFileSync(join(dir, 'release-key.pem'), 'utf8');
    expect(verifyFeed(readFileSync(join(dir, 'latest.yml')), readFileSync(join(dir, 'latest.yml.sig')), publicPem).version).toBe('0.2.0');
    expect(() => verifyFeed(Buffer.from(yml.replace('0.2.0', '0.2.1')), readFileSync(join(dir, 'latest.yml.sig')), publicPem)).toThrow(
      /签名/,
    );
    // A second key pair is never written over the first.
    expect(() => cli(['release-key', dir])).toThrow(/already holds a release key/);
  });
});
