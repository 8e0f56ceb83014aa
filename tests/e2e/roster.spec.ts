import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { WIFE } from '../../main/core/cases/testing/household';
import { signedVisit, VISIT } from '../../main/core/afterAcceptance/testing/fixture';
import { acceptedCase, chinaToday as today, publicityObjectionReview, verifyAndStop } from './afterAcceptanceSteps';
import { type api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';

/**
 * After acceptance in Chromium with the reference platform on loopback: visit, opinion, objection
 * and 民主评议 on the case page → synced → the platform approves → pulled: approved, on the roster
 * page → a death warning pulled → verified and stopped on the warnings page.
 */
let shell: Shell;
let dataDir: string;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;
test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-roster-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell);
  const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-ROSTER', regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
});
test.afterAll(async () => {
  await stop(shell);
  await platform.stop();
  removeDataDir(dataDir);
  rmSync(platformDir, { recursive: true, force: true });
});

test('visit → opinion → objection → 民主评议 → synced → decision pulled → roster → death warning → verified → stopped', async ({ page }) => {
  // An accepted case (the intake has its own tests).
  const saved = { caseId: await acceptedCase(call) };
  // 入户调查 with signatures bound to the record (the visit dialog, its photo and its pad have visit.spec.ts).
  const visit = signedVisit(saved.caseId, { ...VISIT, visitedOn: today() });
  await call('visits.record', { caseId: saved.caseId, version: 2, visit });

  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
  const view = page.getByTestId('case-view');
  const panel = page.getByTestId('after-acceptance');
  await expect(panel).toContainText('4 人签名');
  // 初审意见 → 公示 → 异议 → 民主评议 (uphold) → awaiting the county's decision.
  await publicityObjectionReview(page, today());

  // Synced, with the visit's signatures as blobs; the platform approves; pulled.
  await call('sync.now', { wait: true });
  const held = new Set((await platform.admin.blobs()).map((b) => b.sha256));
  for (const sig of visit.signatures) expect(held.has(sig.capture.pngSha256!), sig.name).toBe(true);
  await platform.admin.decide({ caseId: saved.caseId, outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
  await call('sync.now', { wait: true });
  // Leave the case page and come back (a reload would end this window's session).
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
  await expect(view).toHaveAttribute('data-state', 'approved');
  await expect(panel).toContainText('医疗救助');

  await page.getByRole('menuitem', { name: '在册对象' }).click();
  await page.getByTestId('roster-filter').getByText('全部在册').click();
  const roster = page.getByTestId('roster-page');
  await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('680.00');
  await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('在册');

  // A death warning for the wife, and one for someone not on the roster.
  await platform.admin.warn({ idNumber: WIFE.idNumber, type: 'death', stationId: 'ST-ROSTER' });
  await platform.admin.warn({ idNumber: '500115196001010013', type: 'detention', stationId: 'ST-ROSTER' });
  await call('sync.now', { wait: true });
  await page.getByRole('menuitem', { name: '监测预警' }).click();
  const warnings = page.getByTestId('warnings-page');
  await expect(warnings.getByRole('row', { name: /羁押/ })).toContainText('非在册人员');
  const death = warnings.getByRole('row', { name: /死亡/ });
  await verifyAndStop(page, death, today());

  await page.getByRole('menuitem', { name: '在册对象' }).click();
  await page.getByTestId('roster-filter').getByText('全部在册').click();
  await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('已停发');
  // Every notice the law owes was queued for printing.
  const detail = await call<{ notices: Array<{ kind: string }> }>('cases.get', { caseId: saved.caseId });
  expect(detail.notices.map((n) => n.kind)).toEqual(['acceptance', 'visit-form', 'publicity', 'approval', 'termination']);
});
