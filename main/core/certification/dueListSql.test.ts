import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificationSettingsSchema, type CertificationSettings } from '../../../common/contract/methods/certification';
import { maskIdNumber } from '../../../common/format/mask';
import { AfterAcceptanceRepo } from '../afterAcceptance/repo';
import { acceptedCase } from '../afterAcceptance/testing/fixture';
import { makeIdNumber, syntheticApplication } from '../cases/demo/synthetic';
import { HUSBAND, WIFE, CHILD } from '../cases/testing/household';
import { caseStation } from '../cases/testing/station';
import { tempDir } from '../kernel/store/testing/fixtures';
import { birthDateOf, dueStatus, mustCertify, nextDue } from './schedule';
import { CertificationRepo } from './repo';
import { CertificationService } from './service';
import type { DueRow } from './types';

/**
 * The due list is computed in SQL; schedule.ts's functions stay the rules (and compute a single
 * person's due row). Over a roster built to hit the edges — enrolments on month ends and 29 February,
 * certifications failed and passed, members with and without intake facts, an 18th birthday on the
 * day, a foreigner number, stopped and monitoring-only enrolments — the SQL list must equal the
 * rules applied person by person, for both schedules and both "who" settings, on several days.
 */
let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof caseStation>;
let svc: CertificationService;
let caseId: string;
beforeEach(() => {
  dir = tempDir();
  env = caseStation(dir.dir, '2027-02-28T02:00:00Z');
  svc = new CertificationService({ db: env.t.station.db, clock: env.clock, audit: env.t.auth.audit() });
  caseId = acceptedCase(env.svc, env.actor);
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const ENROLLED = [
  '2024-01-31',
  '2024-02-29',
  '2025-03-31',
  '2025-08-31',
  '2025-12-15',
  '2026-01-01',
  '2026-02-28',
  '2026-05-30',
  '2026-10-31',
  '2026-12-31',
];

function seedRoster(): void {
  const repo = new AfterAcceptanceRepo(env.t.station.db);
  const db = env.t.station.db;
  const cert = db.prepare(
    `INSERT INTO certification (id, roster_id, case_id, id_number, name, method, result, outcome, certified_on, face_attachment_id, reference_source, reference_attachment_id, scores, confirmation, proxy, home_visit, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, '某人', 'counter', ?, ?, ?, NULL, 'none', NULL, NULL, NULL, NULL, NULL, ?, 'staff')`,
  );
  ENROLLED.forEach((enrolledOn, i) => {
    const applicant = makeIdNumber('500101', `19${50 + i}-0${1 + (i % 9)}-1${i % 9}`, 100 + i, '女');
    // an adult, a child turning 18 on 2027-02-28, a younger child, a foreigner number (age unknown)
    const members = [
      applicant,
      makeIdNumber('500101', '1970-06-30', 200 + i, '男'),
      makeIdNumber('500101', '2009-02-28', 300 + i, '男'),
      makeIdNumber('500101', '2015-11-01', 400 + i, '女'),
      `9${String(11000000000000000 + i).padStart(16, '0')}1`,
    ];
    const status = i === 3 ? 'stopped' : 'active';
    const own = env.svc.saveDraft(env.actor, {
      application: { ...syntheticApplication({ seed: 7000 + i, today: '2027-02-28', size: 2, type: 'dibao' }), materials: [] },
    }).caseId;
    repo.insertRoster(
      {
        id: `roster-${i}`,
        case_id: own,
        applicant_id_number: applicant,
        applicant_name: `申请人${i}`,
        category: 'dibao-urban',
        household_size: members.length,
        amount_fen: i === 5 ? 0 : 68000,
        monthly: i === 5 ? 0 : 1,
        since_month: enrolledOn.slice(0, 7),
        enrolled_on: enrolledOn,
        review_basis: 'stable',
        review_months: 12,
        next_review_on: '2027-06-01',
        linked_benefits: '[]',
        status,
        stopped_on: status === 'stopped' ? '2026-01-01' : null,
        updated_at: `${enrolledOn}T01:00:00Z`,
      },
      members,
    );
    if (i % 2 === 0)
      cert.run(
        `c-${i}-a`,
        `roster-${i}`,
        caseId,
        applicant,
        'pass',
        'certified',
        ENROLLED[(i + 3) % ENROLLED.length]! > enrolledOn ? ENROLLED[(i + 3) % ENROLLED.length] : '2026-11-30',
        '2026-11-30T01:00:00Z',
      );
    if (i % 3 === 0) cert.run(`c-${i}-b`, `roster-${i}`, caseId, members[1], 'fail', 'failed', '2026-12-01', '2026-12-01T01:00:00Z');
    if (i % 4 === 1) cert.run(`c-${i}-c`, `roster-${i}`, caseId, members[1], 'pass', 'certified', '2025-01-31', '2025-01-31T01:00:00Z');
  });
  // The accepted case's own household (names and intake facts from its parties).
  repo.insertRoster(
    {
      id: 'roster-case',
      case_id: caseId,
      applicant_id_number: HUSBAND.idNumber,
      applicant_name: HUSBAND.name,
      category: 'dibao-urban',
      household_size: 3,
      amount_fen: 68000,
      monthly: 1,
      since_month: '2026-03',
      enrolled_on: '2026-02-12',
      review_basis: 'stable',
      review_months: 12,
      next_review_on: '2027-03-01',
      linked_benefits: '[]',
      status: 'active',
      stopped_on: null,
      updated_at: '2026-02-12T01:00:00Z',
    },
    [HUSBAND.idNumber, WIFE.idNumber, CHILD.idNumber],
  );
}

/** The rules applied person by person (the due list as it was computed in JS). */
function reference(s: CertificationSettings, today: string): DueRow[] {
  const db = env.t.station.db;
  const rosters = db.prepare("SELECT * FROM roster WHERE status = 'active' AND monthly = 1").all() as Array<{
    id: string;
    case_id: string;
    applicant_id_number: string;
    applicant_name: string;
    enrolled_on: string;
  }>;
  const last = new Map(
    (
      db
        .prepare("SELECT roster_id, id_number, max(certified_on) AS on_ FROM certification WHERE outcome = 'certified' GROUP BY 1, 2")
        .all() as Array<{ roster_id: string; id_number: string; on_: string }>
    ).map((r) => [`${r.roster_id}/${r.id_number}`, r.on_]),
  );
  const out: DueRow[] = [];
  for (const r of rosters) {
    const members = (db.prepare('SELECT id_number FROM roster_member WHERE roster_id = ?').all(r.id) as Array<{ id_number: string }>).map(
      (m) => {
        const party = db
          .prepare(
            "SELECT name, facts FROM case_party WHERE case_id = ? AND id_number = ? AND role IN ('member', 'applicant') ORDER BY role = 'member' DESC LIMIT 1",
          )
          .get(r.case_id, m.id_number) as { name: string; facts: string | null } | undefined;
        const facts = party?.facts ? (JSON.parse(party.facts) as { birthDate?: string }) : {};
        const isApplicant = m.id_number === r.applicant_id_number;
        return {
          idNumber: m.id_number,
          name: party?.name ?? (isApplicant ? r.applicant_name : maskIdNumber(m.id_number)),
          isApplicant,
          birthDate: facts.birthDate ?? birthDateOf(m.id_number),
        };
      },
    );
    for (const m of mustCertify(members, s.who, today)) {
      const lastOn = last.get(`${r.id}/${m.idNumber}`) ?? null;
      const d = nextDue(s, lastOn ?? r.enrolled_on);
      out.push({
        idNumber: m.idNumber,
        idNumberMasked: maskIdNumber(m.idNumber),
        name: m.name,
        rosterId: r.id,
        caseId: r.case_id,
        applicantName: r.applicant_name,
        isApplicant: m.isApplicant,
        dueOn: d.dueOn,
        opensOn: d.opensOn,
        status: dueStatus(d, today),
        lastCertifiedOn: lastOn,
      });
    }
  }
  return out.sort((a, b) => (a.dueOn === b.dueOn ? (a.idNumber < b.idNumber ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1));
}

const SETTINGS: Array<Partial<CertificationSettings>> = [
  { mode: 'interval', intervalMonths: 12, dueWindowDays: 30, who: 'applicant' },
  { mode: 'interval', intervalMonths: 12, dueWindowDays: 30, who: 'adults' },
  { mode: 'interval', intervalMonths: 1, dueWindowDays: 0, who: 'adults' },
  { mode: 'interval', intervalMonths: 6, dueWindowDays: 45, who: 'adults' },
  { mode: 'fixedMonths', months: [3, 9], who: 'adults' },
  { mode: 'fixedMonths', months: [12], who: 'applicant' },
  { mode: 'fixedMonths', months: [1, 2, 5, 11], who: 'adults' },
];

describe('the due list in SQL', () => {
  it('equals the schedule rules person by person for every schedule, both "who" settings and several days', () => {
    seedRoster();
    let compared = 0;
    for (const partial of SETTINGS) {
      const s = certificationSettingsSchema.parse({ ...svc.settings(), ...partial });
      svc.setSettings(env.actor, s);
      for (const day of [
        '2027-02-28T02:00:00Z',
        '2027-02-27T02:00:00Z',
        '2026-12-31T02:00:00Z',
        '2027-03-01T02:00:00Z',
        '2028-02-29T02:00:00Z',
      ]) {
        env.clock.advance(Date.parse(day) - env.clock.now().getTime());
        const today = svc.today();
        const want = reference(s, today);
        const all = svc.dueList('all', 1000);
        expect(all.rows, `${JSON.stringify(partial)} on ${today}`).toEqual(want);
        expect(all.counts).toEqual({
          persons: want.length,
          due: want.filter((r) => r.status === 'due').length,
          overdue: want.filter((r) => r.status === 'overdue').length,
        });
        expect(svc.dueList('due', 5).rows).toEqual(want.filter((r) => r.status !== 'later').slice(0, 5));
        expect(svc.dueList('overdue', 1000).rows).toEqual(want.filter((r) => r.status === 'overdue'));
        compared += want.length;
      }
    }
    // the roster reached every kind of person: adults, the 18th birthday, unknown ages, the case's own household
    expect(compared).toBeGreaterThan(300);
  });
});

describe('CertificationRepo over the seeded roster', () => {
  it('reads the day each roster entry was enrolled (the start of a person never certified)', () => {
    seedRoster();
    const repo = new CertificationRepo(env.t.station.db);
    expect(ENROLLED.map((_, i) => repo.enrolledOn(`roster-${i}`))).toEqual(ENROLLED);
    expect(repo.enrolledOn('roster-case')).toBe('2026-02-12');
  });
});
