import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedCore } from '../core/index';
import { poppler } from '../core/documents/testing/pdfText';
import { testFonts } from '../core/documents/testing/fixtures';
import { runCli } from './run';

const PASSWORD = 'Clerk#Counter9';
let dir: string;
let dataDir: string;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dataDir, ...argv], {
    io: { out: (t) => (out += t), err: (t) => (err += t) },
    makeCore: (d) => createFixedCore({ dataDir: d }),
    defaultDataDir: dataDir,
    readPassword: async () => PASSWORD,
  });
  return { code, out, err };
}

beforeAll(async () => {
  testFonts();
  dir = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-docs-'));
  dataDir = join(dir, 'station');
  const core = createFixedCore({ dataDir });
  const admin = { via: 'cli' as const, windowId: 'cli:admin' };
  const clerk = { via: 'cli' as const, windowId: 'cli:clerk' };
  const ok = async (p: Promise<{ ok: boolean }>) => expect(await p).toMatchObject({ ok: true });
  await ok(
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王站长', password: 'Qiaotou#2026' },
      },
      admin,
    ),
  );
  await ok(core.invoke('session.login', { username: 'admin', password: 'Qiaotou#2026' }, admin));
  await ok(
    core.invoke('accounts.create', { username: 'clerk1', displayName: '李受理', roles: ['clerk'], password: 'Temp#pass2026' }, admin),
  );
  await ok(core.invoke('session.login', { username: 'clerk1', password: 'Temp#pass2026' }, clerk));
  await ok(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: PASSWORD }, clerk));
  await core.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jiuzhu-admin documents', () => {
  it('sample writes a PDF and its data as a --data template; render issues it for a case', async () => {
    const sample = await cli(
      'documents',
      'sample',
      '--kind',
      'acceptance',
      '--out',
      join(dir, 's.pdf'),
      '--data-out',
      join(dir, 'acceptance.json'),
    );
    expect(sample.code, sample.err).toBe(0);
    expect(readFileSync(join(dir, 's.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const out = join(dir, 'case-1.pdf');
    const r = await cli(
      '--json',
      '--user',
      'clerk1',
      'documents',
      'render',
      '--case',
      'C-1',
      '--kind',
      'acceptance',
      '--input',
      join(dir, 'acceptance.json'),
      '--out',
      out,
    );
    expect(r.code, r.err).toBe(0);
    const facts = JSON.parse(r.out) as { sha256: string; pages: number; caseId: string };
    expect(facts).toMatchObject({ caseId: 'C-1', pages: 1 });
    expect(createHash('sha256').update(readFileSync(out)).digest('hex')).toBe(facts.sha256);
    expect(poppler('pdftotext', readFileSync(out))).toContain('受理通知书');
  });

  it('a case without data or a pending notice: a typed error and no file', async () => {
    const out = join(dir, 'none.pdf');
    const r = await cli('--user', 'clerk1', 'documents', 'render', '--case', 'C-9', '--kind', 'approval', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有“审核确认通知书”的待打印通知');
    expect(existsSync(out)).toBe(false);
    expect((await cli('--user', 'clerk1', 'documents', 'render', '--case', 'C-9', '--kind', 'letter', '--out', out)).code).toBe(2);
  });

  it('batch writes one PDF per case and names the failures', async () => {
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true });
    copyFileSync(join(dir, 'acceptance.json'), join(data, 'A-1.json'));
    copyFileSync(join(dir, 'acceptance.json'), join(data, 'A-2.json'));
    const r = await cli(
      '--json',
      '--user',
      'clerk1',
      'documents',
      'batch',
      '--kind',
      'acceptance',
      '--cases',
      'A-1,A-2',
      '--out',
      join(dir, 'batch'),
      '--input-dir',
      data,
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ written: 2, failed: 0 });
    expect(
      readFileSync(join(dir, 'batch', 'A-2-acceptance.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('writes every PDF 0600 under a permissive umask, and refuses a symbolic link as --out', async () => {
    const umask = process.umask(0o000);
    try {
      const sample = join(dir, 'private-sample.pdf');
      expect(
        (await cli('documents', 'sample', '--kind', 'acceptance', '--out', sample, '--data-out', join(dir, 'private.json'))).code,
      ).toBe(0);
      const rendered = join(dir, 'private-case.pdf');
      expect(
        (
          await cli(
            '--user',
            'clerk1',
            'documents',
            'render',
            '--case',
            'C-3',
            '--kind',
            'acceptance',
            '--input',
            join(dir, 'private.json'),
            '--out',
            rendered,
          )
        ).code,
      ).toBe(0);
      const batch = join(dir, 'private-batch');
      expect(
        (
          await cli(
            '--user',
            'clerk1',
            'documents',
            'batch',
            '--kind',
            'acceptance',
            '--cases',
            'A-1',
            '--out',
            batch,
            '--input-dir',
            join(dir, 'data'),
          )
        ).code,
      ).toBe(0);
      for (const file of [sample, join(dir, 'private.json'), rendered, join(batch, 'A-1-acceptance.pdf')])
        expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(batch).mode & 0o777).toBe(0o700);

      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'untouched');
      symlinkSync(victim, join(dir, 'link.pdf'));
      const refused = await cli('documents', 'sample', '--kind', 'acceptance', '--out', join(dir, 'link.pdf'));
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('符号链接');
      expect(readFileSync(victim, 'utf8')).toBe('untouched');
    } finally {
      process.umask(umask);
    }
  });

  it('certificate verify: valid → 0, altered → 1, not a payload → 2', async () => {
    await cli('documents', 'sample', '--kind', 'certificate', '--out', join(dir, 'sample-cert.pdf'), '--data-out', join(dir, 'cert.json'));
    const file = join(dir, 'cert.pdf');
    expect(
      (
        await cli(
          '--user',
          'clerk1',
          'documents',
          'render',
          '--case',
          'C-1',
          '--kind',
          'certificate',
          '--input',
          join(dir, 'cert.json'),
          '--out',
          file,
        )
      ).code,
    ).toBe(0);
    const valid = await cli('--json', '--user', 'clerk1', 'certificate', 'verify', '--file', file);
    expect(valid.code, valid.err).toBe(0);
    const { verdict, facts } = JSON.parse(valid.out) as { verdict: string; facts: { holder: string; issuerId: string } };
    expect(verdict).toBe('valid');
    expect(facts).toMatchObject({ holder: '王*文', issuerId: expect.stringMatching(/^500110[0-9A-F]{6}$/), algorithm: 'ed25519' });
    // The sample was signed with a throwaway key: not this station's.
    const foreign = await cli('--json', '--user', 'clerk1', 'certificate', 'verify', '--file', join(dir, 'sample-cert.pdf'));
    expect([foreign.code, JSON.parse(foreign.out).verdict]).toEqual([1, 'unknown-issuer']);
    const human = await cli('--user', 'clerk1', 'certificate', 'verify', '--file', file);
    expect(human.out).toContain('核验通过');
    expect(human.out).toContain('签名算法：Ed25519（国际通用算法）');
    const text = (await import('../core/documents/render')).certificatePayloadFromPdf(readFileSync(file))!;
    const altered = await cli('--json', '--user', 'clerk1', 'certificate', 'verify', '--payload', text.replace('|120050|', '|990050|'));
    expect([altered.code, JSON.parse(altered.out).verdict]).toEqual([1, 'altered']);
    expect(altered.err).toContain('可能被改动或伪造');
    expect((await cli('--user', 'clerk1', 'certificate', 'verify', '--payload', 'hello')).code).toBe(2);
  });
});
