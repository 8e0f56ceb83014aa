import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSharedMachineSecret } from '../../main/core/kernel/store/keys/machineSecretShared';

/**
 * The deb's install scripts replace electron-builder's templates, so they must keep every line of
 * them (the /usr/bin link, chrome-sandbox, AppArmor) — an electron-builder upgrade that changes its
 * template fails here until ours follows — and add the reader's udev rule and dialout.
 */
const require = createRequire(import.meta.url);
const templates = join(dirname(require.resolve('app-builder-lib/package.json')), 'templates', 'linux');
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'linux-scripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** electron-builder fills ${executable} and ${sanitizedProductName} in these templates. */
const render = (text: string) =>
  text.replaceAll('${executable}', 'jiuzhu-workstation').replaceAll('${sanitizedProductName}', '救助通工作站');

describe('deb install scripts', () => {
  for (const name of ['after-install.tpl', 'after-remove.tpl']) {
    it(`${name} starts with electron-builder's own and is valid shell once filled in`, () => {
      const ours = readFileSync(join(root, 'build', 'linux', name), 'utf8');
      expect(ours.startsWith(readFileSync(join(templates, name), 'utf8'))).toBe(true);
      const rendered = join(dir, name.replace('.tpl', '.sh'));
      writeFileSync(rendered, render(ours));
      expect(() => execFileSync('bash', ['-n', rendered])).not.toThrow();
    });
  }

  it('installs the rule the package carries, and adds desktop accounts (uid 1000–59999 with a shell) to dialout', () => {
    const install = readFileSync(join(root, 'build', 'linux', 'after-install.tpl'), 'utf8');
    expect(install).toContain("RESOURCES='/opt/${sanitizedProductName}/resources'");
    expect(install).toContain('"$RESOURCES/linux/60-jiuzhu-idcard.rules" /etc/udev/rules.d/60-jiuzhu-idcard.rules');
    expect(install).toMatch(/usermod -a -G dialout "\$name"/);
    const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(builder).toContain('afterInstall: build/linux/after-install.tpl');
    expect(builder).toContain('afterRemove: build/linux/after-remove.tpl');
  });

  it("makes the shared station's group, folders and machine-wide secret with the modes the app checks", (ctx) => {
    if (process.getuid?.() !== 0) {
      console.log('skip: the block chowns to root, so it runs only as root');
      ctx.skip();
      return;
    }
    const install = readFileSync(join(root, 'build', 'linux', 'after-install.tpl'), 'utf8');
    const block = install.slice(install.indexOf('# --- 救助通工作站: a station the PC'));
    // The same lines, pointed at a temporary root and the test's own group instead of creating one.
    const shared = join(dir, 'var-lib-jiuzhu');
    const script = join(dir, 'shared-station.sh');
    writeFileSync(
      script,
      block
        .replace("SHARED_ROOT='/var/lib/jiuzhu-workstation'", `SHARED_ROOT='${shared}'`)
        .replace("SHARED_GROUP='jiuzhu'", "SHARED_GROUP='root'"),
    );
    execFileSync('bash', ['-e', script]);
    const mode = (p: string) => (statSync(join(shared, p)).mode & 0o7777).toString(8);
    expect([mode(''), mode('data'), mode('machine'), mode('machine/machine-secret.json')]).toEqual(['3770', '2770', '2750', '640']);
    const secret = loadSharedMachineSecret({ dir: join(shared, 'machine') });
    expect(secret.length).toBe(32);
    // Run again (an upgrade): the secret stays.
    execFileSync('bash', ['-e', script]);
    expect(loadSharedMachineSecret({ dir: join(shared, 'machine') }).equals(secret)).toBe(true);
  });

  it('the udev rule is well formed and covers the serial bridges and the USB reader', () => {
    const lines = readFileSync(join(root, 'resources', 'linux', '60-jiuzhu-idcard.rules'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    const KEY = /^(SUBSYSTEM|KERNEL|ATTR\{[a-zA-Z]+\})$|^(TAG|GROUP|MODE)$/;
    for (const line of lines) {
      for (const part of line.split(/,\s*/)) {
        const m = /^([A-Z]+(?:\{[a-zA-Z]+\})?)(==|\+=|=)"([^"]*)"$/.exec(part);
        expect(m, `${part} in ${line}`).not.toBeNull();
        expect(m![1]).toMatch(KEY);
        // Matches use ==, assignments = or +=: a typo here silently matches nothing or everything.
        const isMatch = ['SUBSYSTEM', 'KERNEL'].includes(m![1]!) || m![1]!.startsWith('ATTR');
        if (isMatch) expect(m![2]).toBe('==');
        else expect(m![2]).not.toBe('==');
      }
      expect(line).toContain('TAG+="uaccess"');
    }
    expect(lines.map((l) => /KERNEL=="([^"]+)"/.exec(l)?.[1] ?? /idVendor}=="([^"]+)"/.exec(l)?.[1])).toEqual([
      'ttyUSB[0-9]*',
      'ttyACM[0-9]*',
      '0400',
    ]);
  });
});
