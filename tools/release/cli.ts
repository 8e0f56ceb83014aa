import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFuses } from './fuses';
import { checkNatives } from './nativeGate';
import { TARGETS, targetNamed } from './targets';
import { uosInputFromProject, uosPackage } from './uosPackage';
import { builderExclusions, productionPayload } from './appPayload';
import { newReleaseKey, signFeeds } from './feedSigning';

const USAGE = `release checks, for a packed app folder (electron-builder --dir) or its executable:
  natives <app-folder> --target <${TARGETS.map((t) => t.name).join('|')}>   every native file built for the target
  fuses <electron-executable>                                      the fuses electron-builder.yml sets, all of them
  uos <unpacked-folder> --arch <x64|arm64> --out <folder>          the UOS app-store deb (/opt/apps/<appid>)
  payload [<package-lock.json>]                                    the production node_modules the app ships: MiB raw / deflated
  sign-feeds <dist-folder>                                         sign latest*.yml with the key in JIUZHU_UPDATE_KEY (PEM)
  release-key <folder>                                             a new release key pair: private.pem, release-key.pem`;

function main(argv: string[]): number {
  const [command, path, ...rest] = argv;
  if (command === 'natives' && path && rest[0] === '--target' && rest[1]) {
    const report = checkNatives(path, targetNamed(rest[1]));
    for (const f of report.files) {
      const versions = Object.entries(f.highest)
        .map(([k, v]) => `${k}_${v}`)
        .join(' ');
      console.log(`${f.kind.format} ${f.kind.arch.padEnd(7)} ${versions.padEnd(40)} ${f.path}`);
    }
    for (const p of report.problems) console.error(`REFUSED ${p.path}: ${p.problem}`);
    console.log(`${report.files.length} native files, ${report.problems.length} refused (target ${rest[1]})`);
    return report.problems.length === 0 ? 0 : 1;
  }
  if (command === 'fuses' && path) {
    const problems = checkFuses(path);
    for (const p of problems) console.error(`REFUSED ${p}`);
    if (problems.length === 0) console.log('fuses: as required');
    return problems.length === 0 ? 0 : 1;
  }
  if (command === 'uos' && path && rest[0] === '--arch' && (rest[1] === 'x64' || rest[1] === 'arm64') && rest[2] === '--out' && rest[3]) {
    const root = join(import.meta.dirname, '..', '..');
    console.log(uosPackage(uosInputFromProject(root, path, rest[1], rest[3])));
    return 0;
  }
  if (command === 'payload') {
    const root = join(import.meta.dirname, '..', '..');
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    const line = (what: string, f: ReturnType<typeof productionPayload>) =>
      console.log(`${what}: ${f.packages} packages, ${f.files} files, ${mib(f.rawBytes)} MiB raw, ${mib(f.deflatedBytes)} MiB deflated`);
    line('production node_modules', productionPayload(root, path));
    line(
      'as packed (electron-builder.yml exclusions)',
      productionPayload(root, path, builderExclusions(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))),
    );
    return 0;
  }
  if (command === 'sign-feeds' && path) {
    const pem = process.env.JIUZHU_UPDATE_KEY;
    if (!pem) {
      console.error('JIUZHU_UPDATE_KEY (the release key, PEM) is not set');
      return 1;
    }
    const signed = signFeeds(path, pem);
    console.log(signed.length ? `signed: ${signed.join(', ')}` : 'no latest*.yml here');
    return signed.length ? 0 : 1;
  }
  if (command === 'release-key' && path) {
    const pair = newReleaseKey();
    if (existsSync(join(path, 'private.pem')) || existsSync(join(path, 'release-key.pem'))) {
      console.error(`${path} already holds a release key: a new pair is never written over one`);
      return 1;
    }
    writeFileSync(join(path, 'private.pem'), pair.privatePem, { mode: 0o600, flag: 'wx' });
    writeFileSync(join(path, 'release-key.pem'), pair.publicPem, { flag: 'wx' });
    console.log(
      `written: ${join(path, 'private.pem')} (keep it safe, off the repository), ${join(path, 'release-key.pem')} (copy to resources/update/)`,
    );
    return 0;
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
