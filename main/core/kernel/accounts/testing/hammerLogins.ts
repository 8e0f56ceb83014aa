/**
 * One of the processes of keyringRace.test.ts (run with tsx): waits for the start file, then
 * tries `attempts` wrong passwords for `username` on the shared station, as the CLI would while
 * the app runs, and prints how each attempt was answered.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { AuthService } from '../authService';
import { authConfig } from '../config';
import { TEST_KDF } from '../../store/keys/kdf';
import { Station } from '../../store/station';

const [dataDir, username, attempts, maxFailedLogins, name] = process.argv.slice(2) as [string, string, string, string, string];
const clock = { now: () => new Date() };
const station = new Station({
  dataDir,
  machineId: 'a'.repeat(64),
  machineSecret: Buffer.from(process.env.JIUZHU_TEST_MACHINE_SECRET ?? '', 'hex'),
  clock,
  check: 'quick',
});
const auth = new AuthService(station, clock, authConfig({ kdf: TEST_KDF, maxFailedLogins: Number(maxFailedLogins) }));

writeFileSync(`${dataDir}/../ready-${name}`, '');
const sleeper = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(`${dataDir}/../go`)) Atomics.wait(sleeper, 0, 0, 2);

const answers: Record<string, number> = {};
for (let i = 0; i < Number(attempts); i++) {
  let code = 'ok';
  try {
    auth.login(username, `wrong-password-${name}-${i}`);
  } catch (e) {
    code = (e as { code?: string }).code ?? String(e);
  }
  answers[code] = (answers[code] ?? 0) + 1;
}
process.stdout.write(`${JSON.stringify(answers)}\n`);
