import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, tempDir } from '../testing/fixtures';
import type { Logger } from '../types';
import { loadMachineSecret, MACHINE_SECRET_HELPER_FLAG } from './machineSecret';
import { readMachineSecretFile } from './machineSecretFile';
import { loadMachineSecretWithKeystore, type OsKeystore } from './osKeystore';

/** A keystore that really transforms the bytes (XOR with a key the "OS" holds), under a chosen backend name. */
const MASK = 0x5a;
const keystore = (backend: string, available = true): OsKeystore => ({
  available: () => available,
  backend: () => backend,
  encrypt: (b) => Buffer.from(b).map((x) => x ^ MASK),
  decrypt: (b) => Buffer.from(b).map((x) => x ^ MASK),
});

describe('the machine secret in the desktop shell and in the other shells', () => {
  let root: string;
  let cleanup: () => void;
  const logs: string[] = [];
  const logger: Logger = { log: (level, event) => logs.push(`${level} ${event}`) };
  beforeEach(() => {
    ({ dir: root, cleanup } = tempDir());
    logs.length = 0;
  });
  afterEach(() => cleanup());

  it('a real keystore seals a new secret and pins its backend; a changed backend is refused, not guessed', () => {
    const dir = join(root, 'secret');
    const s1 = loadMachineSecretWithKeystore({ keystore: keystore('gnome_libsecret'), dir, logger });
    const file = readMachineSecretFile(dir)!;
    expect(file.form).toBe('os-keystore');
    expect(JSON.stringify(file)).not.toContain(s1.toString('base64'));
    expect(loadMachineSecretWithKeystore({ keystore: keystore('gnome_libsecret'), dir }).equals(s1)).toBe(true);
    expect(codeOf(() => loadMachineSecretWithKeystore({ keystore: keystore('kwallet5'), dir }))).toBe('STORE_KEYSTORE_BACKEND_CHANGED');
    expect(codeOf(() => loadMachineSecretWithKeystore({ keystore: keystore('basic_text'), dir }))).toBe('STORE_KEYSTORE_INSECURE');
  });

  it("'basic_text' or no keystore at all: the file fallback, with a logged warning", () => {
    for (const [name, ks] of [
      ['basic', keystore('basic_text')],
      ['none', keystore('dpapi', false)],
    ] as const) {
      const dir = join(root, name);
      logs.length = 0;
      const s = loadMachineSecretWithKeystore({ keystore: ks, dir, logger });
      expect(readMachineSecretFile(dir)?.form).toBe('file');
      expect(logs).toContain('warn store.machine_secret_fallback');
      expect(loadMachineSecret({ dir }).equals(s)).toBe(true);
    }
  });

  it('a secret the CLI made first is kept by the desktop shell, so both open the same slots', () => {
    const dir = join(root, 'secret');
    const fromCli = loadMachineSecret({ dir, logger });
    expect(logs).toContain('warn store.machine_secret_file_created');
    expect(loadMachineSecretWithKeystore({ keystore: keystore('dpapi'), dir }).equals(fromCli)).toBe(true);
  });

  it('the CLI unseals a keystore-sealed secret by running the desktop executable recorded as helper', (ctx) => {
    if (process.platform === 'win32') {
      console.log('skip: the stand-in helper is a POSIX shell script');
      ctx.skip();
      return;
    }
    const dir = join(root, 'secret');
    // The stand-in for the desktop executable: a real process that reads the sealed file and unseals it.
    const helper = join(root, 'desktop-app');
    const js = join(root, 'desktop-app.mjs');
    writeFileSync(
      js,
      `import { readFileSync } from 'node:fs';
if (process.argv[2] !== '${MACHINE_SECRET_HELPER_FLAG}') process.exit(3);
const f = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'machine-secret.json'))}, 'utf8'));
const secret = Buffer.from(f.sealed, 'base64').map((x) => x ^ ${MASK});
process.stdout.write('some log line\\n' + JSON.stringify({ secret: Buffer.from(secret).toString('base64') }) + '\\n');
`,
    );
    writeFileSync(helper, `#!/bin/sh\nexec "${process.execPath}" "${js}" "$@"\n`);
    chmodSync(helper, 0o755);
    const desktop = loadMachineSecretWithKeystore({ keystore: keystore('gnome_libsecret'), dir, helper });
    expect(loadMachineSecret({ dir }).equals(desktop)).toBe(true);
    // without a helper recorded (a development build), the CLI says where to go instead of guessing
    const other = join(root, 'secret-dev');
    loadMachineSecretWithKeystore({ keystore: keystore('gnome_libsecret'), dir: other });
    expect(codeOf(() => loadMachineSecret({ dir: other }))).toBe('STORE_MACHINE_SECRET_SEALED');
  });
});
