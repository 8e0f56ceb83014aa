import { ADMIN } from '../../kernel/store/testing/fixtures';
import { caseStation } from '../../cases/testing/station';
import { insertStatsCases, type StatsCase } from './seed';

/** China wall-clock time → the ISO instant the store writes. */
export const at = (chinaTime: string) => new Date(`${chinaTime}+08:00`).toISOString();

/** Today at the fixture station: Friday 2026-11-20, 10:00 in China. */
export const TODAY = '2026-11-20';
export const NOW = at(`${TODAY}T10:00:00`);

/**
 * A small station with known numbers. Working days from acceptance to decision, counted by hand on
 * the official 2026 calendar (resources/calendar), are in the comments: the tests assert those.
 */
export function statsCases(a: string, b: string): StatsCase[] {
  return [
    // 1: 09-29, 09-30, (10-01…10-07 国庆), 10-08, 10-09 → 4
    {
      type: 'dibao',
      state: 'approved',
      staff: a,
      submittedAt: at('2026-09-20T09:00:00'),
      acceptedOn: '2026-09-28',
      decidedAt: at('2026-10-09T07:00:00'),
      deadlines: [
        { kind: 'investigation_start', due: '2026-10-09', metAt: at('2026-09-30T10:00:00') },
        { kind: 'decision', due: '2026-11-10', metAt: at('2026-10-09T07:00:00') },
      ],
      roster: { amountFen: 60_000, nextReviewOn: '2027-10-01', status: 'active' },
    },
    // 2: 11-03…11-06 (4), 11-09…11-13 (5), 11-16 (1) → 10; decided 00:30 China time, still 11-15 in UTC
    {
      type: 'dibao',
      state: 'approved',
      staff: b,
      submittedAt: at('2026-10-28T09:00:00'),
      acceptedOn: '2026-11-02',
      decidedAt: at('2026-11-16T00:30:00'),
      roster: { amountFen: 45_000, nextReviewOn: '2026-12-01', status: 'active' },
    },
    // 3: 06-16…06-18 (3), (06-19 端午), 06-22…06-26 (5) → 8
    {
      type: 'tekun',
      state: 'approved',
      staff: a,
      submittedAt: at('2026-06-10T09:00:00'),
      acceptedOn: '2026-06-15',
      decidedAt: at('2026-06-26T15:00:00'),
      roster: { amountFen: 80_000, nextReviewOn: '2026-11-01', status: 'active' },
    },
    // 4: 05-07, 05-08, 05-09 (Saturday 调休 working day), 05-11 → 4
    {
      type: 'marginal',
      state: 'approved',
      staff: b,
      submittedAt: at('2026-04-30T09:00:00'),
      acceptedOn: '2026-05-06',
      decidedAt: at('2026-05-11T09:00:00'),
      roster: { amountFen: 30_000, nextReviewOn: '2027-05-01', status: 'stopped' },
    },
    // 5: 09-22…09-24 (3), (09-25 中秋), 09-28…09-30 (3), 10-08, 10-09 (2), 10-10 (Saturday 调休), 10-12 → 10
    {
      type: 'temporary',
      state: 'refused',
      staff: a,
      submittedAt: at('2026-09-15T09:00:00'),
      acceptedOn: '2026-09-21',
      decidedAt: at('2026-10-12T09:00:00'),
      deadlines: [{ kind: 'refusal_notice', due: '2026-10-15', metAt: at('2026-10-16T01:00:00') }],
    },
    // 6: 08-04…08-07 (4), three full weeks (15), 08-31 (1), 09-01…09-04 (4) → 24
    {
      type: 'dibao',
      state: 'approved',
      staff: a,
      submittedAt: at('2026-07-28T09:00:00'),
      acceptedOn: '2026-08-03',
      decidedAt: at('2026-09-04T09:00:00'),
      roster: { amountFen: 50_000, nextReviewOn: '2026-12-20', status: 'active' },
    },
    // 7: 11-10 → 1
    {
      type: 'dibao',
      state: 'approved',
      staff: b,
      submittedAt: at('2026-11-05T09:00:00'),
      acceptedOn: '2026-11-09',
      decidedAt: at('2026-11-10T09:00:00'),
      roster: { amountFen: 52_000, nextReviewOn: '2027-11-10', status: 'active' },
    },
    // 8: 07-07…07-10 (4), 07-13…07-17 (5) → 9
    {
      type: 'rigid',
      state: 'approved',
      staff: a,
      submittedAt: at('2026-07-01T09:00:00'),
      acceptedOn: '2026-07-06',
      decidedAt: at('2026-07-17T09:00:00'),
    },
    // 9: decided the day of acceptance → 0
    {
      type: 'temporary',
      state: 'refused',
      staff: b,
      submittedAt: at('2026-07-01T10:00:00'),
      acceptedOn: '2026-07-06',
      decidedAt: at('2026-07-06T16:00:00'),
    },
    // 10: 03-03…03-06 (4), 03-09…03-13 (5) → 9
    {
      type: 'dibao',
      state: 'approved',
      staff: a,
      submittedAt: at('2026-02-26T09:00:00'),
      acceptedOn: '2026-03-02',
      decidedAt: at('2026-03-13T09:00:00'),
    },
    // 11–16: not decided
    {
      type: 'dibao',
      state: 'accepted',
      staff: a,
      submittedAt: at('2026-11-17T09:00:00'),
      acceptedOn: '2026-11-18',
      deadlines: [
        { kind: 'investigation_start', due: '2026-11-23' },
        { kind: 'decision', due: '2026-12-30' },
      ],
    },
    {
      type: 'dibao',
      state: 'investigating',
      staff: b,
      submittedAt: at('2026-11-01T01:00:00'),
      acceptedOn: '2026-11-02',
      deadlines: [
        { kind: 'investigation_start', due: '2026-11-05', metAt: at('2026-11-06T09:00:00') },
        { kind: 'decision', due: '2026-11-19' },
      ],
    },
    { type: 'tekun', state: 'submitted', staff: a, submittedAt: at('2026-10-01T00:30:00') },
    { type: 'marginal', state: 'needs_supplement', staff: b, submittedAt: at('2026-11-19T09:00:00') },
    {
      type: 'dibao',
      state: 'withdrawn',
      staff: a,
      submittedAt: at('2026-08-10T09:00:00'),
      acceptedOn: '2026-08-12',
      deadlines: [{ kind: 'investigation_start', due: '2026-08-17', metAt: at('2026-08-14T09:00:00') }],
    },
    {
      type: 'dibao',
      state: 'accepted',
      staff: b,
      submittedAt: at('2026-11-16T09:00:00'),
      acceptedOn: '2026-11-17',
      deadlines: [{ kind: 'investigation_start', due: '2026-11-20' }],
    },
  ];
}

export const STAFF_B = { username: 'li.jingban', displayName: '李经办', password: 'Jingban-Pass-2026' };

/** The fixture station: an encrypted store at NOW with a second staff member and the cases above. */
export function statsStation(dir: string) {
  const env = caseStation(dir, NOW);
  const session = env.t.auth.login(ADMIN.username, ADMIN.password);
  const b = env.t.accounts.create(session, {
    username: STAFF_B.username,
    displayName: STAFF_B.displayName,
    roles: ['caseworker'],
    password: STAFF_B.password,
  });
  const cases = statsCases(env.actor, b.id);
  const ids = insertStatsCases(env.svc, cases);
  return { ...env, staffB: b.id, cases, ids };
}
