import { scryptSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { searchCases } from '../main/core/cases/search';
import { CaseSearchRepo } from '../main/core/cases/searchRepo';
import { integrityFile } from '../main/core/kernel/store/integrityCheck';
import { DEFAULT_KDF } from '../main/core/kernel/store/keys/kdf';
import { ADMIN } from '../main/core/kernel/store/testing/fixtures';
import { stationCopy, stationServices } from './station100k';
import { row, type Benchmark, type BenchRow } from './types';

const ROUNDS = 3;
type Mode = 'background' | 'quick' | 'full';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * First login on the cached 100k-case station (production scrypt cost): the station as it opens
 * now (no check at unlock, the full integrity_check in a worker thread afterwards) against
 * quick_check and the full integrity_check at unlock, as it was. Each round runs the three in a
 * rotated order on fresh services (the database closed between logins; the OS file cache warm for
 * all three). The background check is awaited before the next login so it never overlaps one.
 */
export const benchmark: Benchmark = {
  name: 'login',
  summary:
    'first login on the cached 100k-case station: no check at unlock (background check) vs quick_check vs integrity_check, interleaved',
  async run(): Promise<BenchRow[]> {
    const copy = stationCopy('jiuzhu-bench-login-');
    try {
      const login: Record<Mode, number[]> = { background: [], quick: [], full: [] };
      const usable: number[] = [];
      const backgroundMs: number[] = [];
      const modes: Mode[] = ['background', 'quick', 'full'];
      const load: number[] = [];
      const scrypt: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (let k = 0; k < modes.length; k++) {
          const mode = modes[(r + k) % modes.length]!;
          rmSync(integrityFile(copy.dataDir), { force: true });
          load.push(loadavg()[0]!);
          if (mode === 'background') {
            // the login's floor: one derivation of the slot's scrypt (production cost)
            const t = performance.now();
            scryptSync('bench', 'salt-of-16-bytes', 32, { N: DEFAULT_KDF.N, r: DEFAULT_KDF.r, p: DEFAULT_KDF.p, maxmem: 512 * 2 ** 20 });
            scrypt.push(performance.now() - t);
          }
          const { station, auth } = stationServices(copy.dataDir, undefined, mode);
          const t0 = performance.now();
          auth.login(ADMIN.username, ADMIN.password);
          login[mode].push(performance.now() - t0);
          if (mode === 'background') {
            // login → the case list's first page (what the home page shows first)
            searchCases(new CaseSearchRepo(station.db), { query: '', states: [], types: [], limit: 20, offset: 0 });
            usable.push(performance.now() - t0);
            const check = await station.integrityCheck();
            if (!check?.ok) throw new Error(`background check: ${JSON.stringify(check)}`);
            backgroundMs.push(check.ms);
          }
          auth.close();
        }
      }
      const work = `${copy.facts.cases.toLocaleString('en')} cases, ${(copy.facts.dbBytes / 2 ** 20).toFixed(0)} MiB, median of ${ROUNDS}`;
      return [
        row(
          'login: first login, no check at unlock (vs integrity_check at unlock)',
          work,
          median(login.background),
          'ms',
          median(login.full),
        ),
        row(
          'login: first login, quick_check at unlock (vs integrity_check at unlock)',
          work,
          median(login.quick),
          'ms',
          median(login.full),
        ),
        row('login: first login, integrity_check at unlock (as it was)', work, median(login.full), 'ms'),
        row('login: login + first case-list page (vs integrity_check login alone)', work, median(usable), 'ms', median(login.full)),
        row('login: the full check in the background, worker thread', work, median(backgroundMs), 'ms', median(login.full)),
        row(
          `login: one scrypt derivation, N=2^${Math.log2(DEFAULT_KDF.N)} (the floor of any login)`,
          `median of ${ROUNDS}`,
          median(scrypt),
          'ms',
        ),
        row('login: load average (1 min) during the runs', `${load.length} logins`, median(load), ''),
      ];
    } finally {
      copy.cleanup();
    }
  },
};
