import { expect, type Page } from '@playwright/test';
import { intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { signedVisit, VISIT } from '../../main/core/afterAcceptance/testing/fixture';
import { addMonths, nextMonth } from '../../main/core/afterAcceptance/dates';
import { launch, setUpIntakeStation, stop, type Shell } from './intakeSupport';
import { ADMIN } from './station';

/**
 * Helpers of the periodic review (定期核查) end-to-end tests: a household approved today on a new
 * station, due for review a year later, and the browser shell started at that date.
 */

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * On a new station in `dataDir` (with the reader emulator at `readerPath`, if given): the three-person
 * 低保 household of the core tests (张建国, his wife and child) accepted, visited and approved from next
 * month by the head (the county delegated the decision; reviews every 12 months). The shell used for it
 * is stopped again; `reviewDay` is the day the review falls due.
 */
export async function setUpDueHousehold(dataDir: string, readerPath?: string): Promise<{ caseId: string; reviewDay: string }> {
  const first = await launch(dataDir, readerPath ? ['--emulated-reader', readerPath] : []);
  try {
    const call = await setUpIntakeStation(first, readerPath);
    // The head decides locally where the county delegated it; reviews every 12 months for every household.
    const accounts = await call<Array<{ id: string; username: string }>>('accounts.list');
    await call('accounts.setRoles', {
      accountId: accounts.find((a) => a.username === ADMIN.username)!.id,
      roles: ['admin', 'clerk', 'caseworker', 'head'],
    });
    await call('session.logout');
    await call('session.login', { username: ADMIN.username, password: ADMIN.password });
    const settings = await call<{ settings: Record<string, unknown> }>('cases.settings');
    await call('cases.setSettings', { settings: { ...settings.settings, decisionDelegated: true } });
    await call('roster.setSettings', { settings: { reviewMonths: { stable: 12, irregular: 12, tekun: 12 }, warningWorkingDays: 10 } });

    // An accepted case → visit → 初审意见 (not posted) → approved from next month.
    const saved = await call<{ caseId: string; rev: number }>('intake.save', {
      application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
    });
    const caseId = saved.caseId;
    await call('intake.submit', { caseId, rev: saved.rev });
    for (const p of [HUSBAND, WIFE])
      await call('intake.authorize', { caseId, signerIdNumber: p.idNumber, signature: intakeSignature(caseId, p), face: null });
    await call('cases.decide', { caseId, version: 1, decision: { kind: 'accept' } });
    const today = chinaToday();
    await call('visits.record', { caseId, version: 2, visit: signedVisit(caseId, { ...VISIT, visitedOn: today }) });
    // A 公示 lasts 7 days (and an objection brings a new one): the shortest path up the same day is a
    // proposal to refuse, which is not posted; the head, deciding where delegated, is not bound by it.
    await call('publicity.opinion', {
      caseId,
      version: 3,
      opinion: { proposal: 'refuse', reasons: ['待县级核对收入'], community: '桥头镇新街社区' },
    });
    const startMonth = nextMonth(today);
    await call('decisions.local', { caseId, version: 4, decision: { outcome: 'approved', amountFen: 68000, startMonth, legalBasis: [] } });
    return { caseId, reviewDay: addMonths(`${startMonth}-01`, 12) };
  } finally {
    await stop(first);
  }
}

/** The browser shell on `dataDir` with its clock at 09:00 of `day` (test builds only: JIUZHU_ALLOW_CLOCK=1). */
export function launchOn(dataDir: string, day: string, args: string[] = []): Promise<Shell> {
  process.env.JIUZHU_ALLOW_CLOCK = '1';
  return launch(dataDir, ['--clock', `${day}T09:00:00+08:00`, ...args]);
}

/** On the roster page (logged in), the household of 张建国, due on `reviewDay`, opened for review: the drawer, its review started. */
export async function startReview(page: Page, reviewDay: string) {
  await page.getByRole('menuitem', { name: /(^| )在册对象$/ }).click();
  const roster = page.getByTestId('roster-page');
  const row = roster.getByRole('row', { name: new RegExp(HUSBAND.name) });
  // The default list is the reviews due; the household is on it, due today.
  await expect(row).toContainText(reviewDay);
  await expect(row).toContainText('到期复核');
  await expect(row.locator('[data-due]')).toHaveAttribute('data-due', 'due');
  await row.getByRole('button', { name: /复\s*核/ }).click();
  const drawer = page.getByTestId('review-drawer');
  await drawer.getByTestId('review-start').click();
  await expect(drawer.getByTestId('review-body')).toHaveAttribute('data-review', 'open');
  await expect(drawer).toContainText(`应复核日期：${reviewDay}`);
  return { roster, drawer };
}
