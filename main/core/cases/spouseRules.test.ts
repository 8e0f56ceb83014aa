import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../common/cases/application';
import type { CaseDetail } from '../../../common/contract/methods/cases';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { makeIdNumber } from './demo/synthetic';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from './testing/household';

/**
 * One 配偶 per household, of the legal marriage age (男 22, 女 20; Civil Code Art. 1047), through
 * the real dispatcher on a real encrypted station: a client that skips the screen and saves such a
 * household gets the problem on the member's relationship, and its submit is refused; the
 * household at the limit goes through.
 */
const now = new Date('2026-02-12T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const PASSWORD = 'Qiaotou#2026';

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
const call = (method: string, input: Record<string, unknown>, ctx = clerk) =>
  core.invoke(method as never, input as never, ctx) as Promise<Envelope>;
async function ok<T>(method: string, input: Record<string, unknown>, ctx = clerk): Promise<T> {
  const r = await call(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

type Saved = { caseId: string; rev: number; problems: Array<{ code: string; severity: string; path: string }> };
const person = (birthDate: string, seq: number, sex: '男' | '女', name: string) => ({
  idNumber: makeIdNumber('500110', birthDate, seq, sex),
  name,
  sex,
  birthDate,
});

/** A 低保 household of the applicant and the given members, everything else complete. */
type Person = ReturnType<typeof person>;

function household(members: NonNullable<ApplicationInput['members']>, applicant: Person = HUSBAND): ApplicationInput {
  const base = threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED });
  return {
    ...base,
    applicant: { ...base.applicant!, ...applicant },
    members: [{ ...applicant, relationship: 'self' }, ...members],
    income: [],
  };
}

async function submitRefused(app: ApplicationInput): Promise<{ saved: Saved; error: { code: string; message: string } }> {
  const saved = await ok<Saved>('intake.save', { application: app });
  const r = await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  if (r.ok) throw new Error('intake.submit was accepted');
  const d = await ok<CaseDetail>('cases.get', { caseId: saved.caseId });
  expect(d).toMatchObject({ state: 'draft', caseNo: null });
  return { saved, error: r.error };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-spouse-rules-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'e'.repeat(64),
  });
  await ok(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
    admin,
  );
  await ok('session.login', { username: 'admin', password: PASSWORD }, admin);
  await ok('accounts.create', { username: 'clerk', displayName: '刘窗口', roles: ['clerk'], password: 'Temp#pass2026' }, admin);
  await ok('session.login', { username: 'clerk', password: 'Temp#pass2026' }, clerk);
  await ok('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, clerk);
}, 60_000);
afterAll(async () => {
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('配偶 in the household (core, through the dispatcher)', () => {
  it('refuses a second 配偶: the problem names the second on her relationship, and submit is refused in words', async () => {
    const second = person('1985-04-04', 61, '女', '赵秀兰');
    const { saved, error } = await submitRefused(
      household([
        { ...WIFE, relationship: 'spouse' },
        { ...second, relationship: 'spouse' },
      ]),
    );
    expect(saved.problems).toContainEqual(
      expect.objectContaining({ code: 'TWO_SPOUSES', severity: 'block', path: 'members.2.relationship' }),
    );
    expect(saved.problems.filter((p) => p.path === 'members.1.relationship')).toEqual([]);
    expect(error.code).toBe('CASE_INCOMPLETE');
    expect(error.message).toContain('一户只能登记一位配偶（赵秀兰 是第二位），请核对关系');
  });

  it('refuses a ten-year-old as 配偶, and a 配偶 a day short of the legal age (女 20, 男 22)', async () => {
    const child = person('2015-06-01', 62, '女', '张小燕');
    const refusedChild = await submitRefused(household([{ ...child, relationship: 'spouse' }]));
    expect(refusedChild.saved.problems).toContainEqual(
      expect.objectContaining({ code: 'SPOUSE_UNDER_AGE', severity: 'block', path: 'members.1.relationship' }),
    );
    expect(refusedChild.error.code).toBe('CASE_INCOMPLETE');
    expect(refusedChild.error.message).toContain('张小燕 登记为配偶，但夫妻双方须达到法定婚龄（男 22 周岁、女 20 周岁）');

    const almost20 = person('2006-02-13', 63, '女', '钱小红');
    expect((await submitRefused(household([{ ...almost20, relationship: 'spouse' }]))).saved.problems).toContainEqual(
      expect.objectContaining({ code: 'SPOUSE_UNDER_AGE', path: 'members.1.relationship' }),
    );

    // A woman applicant whose husband is 21: a man marries at 22.
    const wifeApplicant = person('1990-01-01', 64, '女', '孙丽');
    const husband21 = person('2004-06-01', 65, '男', '周强');
    expect((await submitRefused(household([{ ...husband21, relationship: 'spouse' }], wifeApplicant))).saved.problems).toContainEqual(
      expect.objectContaining({ code: 'SPOUSE_UNDER_AGE', path: 'members.1.relationship' }),
    );

    // The applicant herself under the legal age, with an adult 配偶: refused on the 配偶's relationship.
    const girl = person('2008-03-03', 66, '女', '吴小丽');
    const adult = person('1990-07-07', 67, '男', '郑大海');
    expect((await submitRefused(household([{ ...adult, relationship: 'spouse' }], girl))).saved.problems).toContainEqual(
      expect.objectContaining({ code: 'SPOUSE_UNDER_AGE', path: 'members.1.relationship' }),
    );
  });

  it('takes one 配偶 who is 20 today, and a ten-year-old as 子女', async () => {
    const twenty = person('2006-02-12', 68, '女', '冯小梅');
    const child = person('2015-06-01', 69, '男', '张小龙');
    const saved = await ok<Saved>('intake.save', {
      application: household([
        { ...twenty, relationship: 'spouse' },
        { ...child, relationship: 'child' },
      ]),
    });
    expect(saved.problems.filter((p) => p.severity === 'block')).toEqual([]);
    await ok('intake.submit', { caseId: saved.caseId, rev: saved.rev });
    expect(await ok<CaseDetail>('cases.get', { caseId: saved.caseId })).toMatchObject({ state: 'submitted' });
  });
});
