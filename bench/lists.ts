import { maskIdNumber } from '../common/format/mask';
import { CertificationRepo } from '../main/core/certification/repo';
import { CertificationService } from '../main/core/certification/service';
import { birthDateOf, dueStatus, mustCertify, nextDue } from '../main/core/certification/schedule';
import type { MemberRef, RosterRef } from '../main/core/certification/repo';
import type { DueRow } from '../main/core/certification/types';
import { FakeClock } from '../main/core/kernel/store/testing/fixtures';
import { STATION_AT, openCases, stationCopy } from './station100k';
import { row, type Benchmark, type BenchRow } from './types';

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The due list as certification.due computed it before: every active member read with its name
 * and facts, the schedule applied in JS, the whole list sorted (the baseline, measured in the same run).
 */
function dueListInJs(
  cert: CertificationService,
  repo: CertificationRepo,
  today: string,
  limit: number,
): { rows: DueRow[]; persons: number } {
  const s = cert.settings();
  const last = repo.lastCertified();
  const byRoster = new Map<string, MemberRef[]>();
  for (const m of repo.members()) byRoster.set(m.roster_id, [...(byRoster.get(m.roster_id) ?? []), m]);
  const all: DueRow[] = [];
  for (const roster of repo.activeRosters() as RosterRef[]) {
    const members = (byRoster.get(roster.id) ?? []).map((m) => {
      const facts = m.facts ? (JSON.parse(m.facts) as { birthDate?: string }) : {};
      const isApplicant = m.id_number === roster.applicant_id_number;
      return {
        idNumber: m.id_number,
        name: m.name ?? (isApplicant ? roster.applicant_name : maskIdNumber(m.id_number)),
        isApplicant,
        birthDate: facts.birthDate ?? birthDateOf(m.id_number),
      };
    });
    for (const m of mustCertify(members, s.who, today)) {
      const lastOn = last.get(`${roster.id}/${m.idNumber}`) ?? null;
      const d = nextDue(s, lastOn ?? roster.enrolled_on);
      all.push({
        idNumber: m.idNumber,
        idNumberMasked: maskIdNumber(m.idNumber),
        name: m.name,
        rosterId: roster.id,
        caseId: roster.case_id,
        applicantName: roster.applicant_name,
        isApplicant: m.isApplicant,
        dueOn: d.dueOn,
        opensOn: d.opensOn,
        status: dueStatus(d, today),
        lastCertifiedOn: lastOn,
      });
    }
  }
  all.sort((a, b) => (a.dueOn === b.dueOn ? a.idNumber.localeCompare(b.idNumber) : a.dueOn < b.dueOn ? -1 : 1));
  return { rows: all.filter((r) => r.status !== 'later').slice(0, limit), persons: all.length };
}

/**
 * 资格认证's due list (certification.due, 200 rows) on the cached 100k-case station's roster: the
 * due dates in SQL against the same list computed in JS, the two run in turn (order alternating).
 */
export const benchmark: Benchmark = {
  name: 'lists',
  summary: '资格认证 due list on the cached 100k-case station: SQL vs JS, interleaved',
  async run(): Promise<BenchRow[]> {
    const copy = stationCopy('jiuzhu-bench-lists-');
    try {
      const { svc, auth } = openCases(copy.dataDir);
      const cert = new CertificationService({ db: svc.db, clock: new FakeClock(Date.parse(STATION_AT)), audit: auth.auth.audit() });
      const rows: BenchRow[] = [];
      for (const who of ['applicant', 'adults'] as const) {
        cert.setSettings(auth.adminId, { ...cert.settings(), who });
        const sql: number[] = [];
        const js: number[] = [];
        let persons = 0;
        for (let i = 0; i < RUNS; i++) {
          for (const inJs of i % 2 ? [true, false] : [false, true]) {
            const a = performance.now();
            if (inJs) {
              const out = dueListInJs(cert, new CertificationRepo(svc.db), cert.today(), 200);
              js.push(performance.now() - a);
              persons = out.persons;
            } else {
              cert.dueList('due', 200);
              sql.push(performance.now() - a);
            }
          }
        }
        // Same answer both ways (the list a clerk sees).
        const want = dueListInJs(cert, new CertificationRepo(svc.db), cert.today(), 200).rows;
        if (JSON.stringify(cert.dueList('due', 200).rows) !== JSON.stringify(want))
          throw new Error('the SQL due list differs from the JS one');
        rows.push(
          row(
            `lists: 资格认证 due list, who = ${who} (SQL vs JS)`,
            `${persons.toLocaleString('en')} persons, 200 rows, median of ${RUNS}`,
            median(sql),
            'ms',
            median(js),
          ),
        );
      }
      auth.close();
      return rows;
    } finally {
      copy.cleanup();
    }
  },
};
