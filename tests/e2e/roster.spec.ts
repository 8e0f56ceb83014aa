import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { signatureCapture } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { signedVisit, VISIT } from '../../main/core/afterAcceptance/testing/fixture';
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

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function submitDialog(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

test('visit → opinion → objection → 民主评议 → synced → decision pulled → roster → death warning → verified → stopped', async ({ page }) => {
  // An accepted case (the intake has its own tests).
  const saved = await call<{ caseId: string; rev: number }>('intake.save', { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  for (const id of [HUSBAND.idNumber, WIFE.idNumber]) await call('intake.authorize', { caseId: saved.caseId, signerIdNumber: id, signature: signatureCapture(), face: null });
  await call('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'accept' } });
  // 入户调查 with signatures bound to the record (the visit dialog, its photo and its pad have visit.spec.ts).
  const visit = signedVisit(saved.caseId, { ...VISIT, visitedOn: today() });
  await call('visits.record', { caseId: saved.caseId, version: 2, visit });

  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
  const view = page.getByTestId('case-view');
  const panel = page.getByTestId('after-acceptance');
  const dialog = page.getByRole('dialog');
  await expect(panel).toContainText('4 人签名');
  await expect(view).toHaveAttribute('data-state', 'investigating');

  // 初审意见 → 公示.
  await panel.getByRole('button', { name: /提出初审意见/ }).click();
  await dialog.getByLabel(/拟保障月金额/).fill('680');
  await dialog.getByLabel(/理由/).fill('家庭人均收入低于低保标准');
  await dialog.getByLabel(/公示地点/).fill('桥头镇新街社区');
  await submitDialog(page);
  await expect(view).toHaveAttribute('data-state', 'publicity');
  await expect(panel).toContainText('公示期');

  // 异议 → 民主评议 (uphold) → awaiting the county's decision.
  await panel.getByRole('button', { name: /登记异议/ }).click();
  await dialog.getByLabel('异议人').fill('邻居赵某');
  await dialog.getByLabel('异议内容').fill('反映其家中有经营收入');
  await fillDate(page, '收到日期', today());
  await submitDialog(page);
  await expect(view).toHaveAttribute('data-state', 'disputed');
  await panel.getByRole('button', { name: /民主评议/ }).click();
  await fillDate(page, '评议日期', today());
  await dialog.getByLabel(/参加人员/).fill('村委会主任\n居民代表甲\n居民代表乙');
  await dialog.getByLabel('评议情况').fill('经评议维持初审意见');
  await submitDialog(page);
  await expect(view).toHaveAttribute('data-state', 'awaiting_decision');

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
  await expect(death).toContainText('待核查');
  await death.getByRole('button', { name: /登记核查/ }).click();
  await fillDate(page, '核查日期', today());
  await dialog.getByLabel('核查方式').fill('入户核实');
  await dialog.getByLabel('核查情况').fill('经核实已死亡');
  await submitDialog(page);
  await expect(death).toContainText('已核查');
  await death.getByRole('button', { name: /处理结论/ }).click();
  await dialog.getByLabel('停发待遇').check();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('理由和法律依据');
  await dialog.getByLabel(/^理由/).fill('家庭成员死亡，保障条件发生变化');
  await dialog.getByLabel(/法律依据/).fill('《社会救助暂行办法》第十三条');
  await submitDialog(page);
  await expect(death).toContainText('已办结');
  await expect(death).toContainText('停发待遇');

  await page.getByRole('menuitem', { name: '在册对象' }).click();
  await page.getByTestId('roster-filter').getByText('全部在册').click();
  await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('已停发');
  // Every notice the law owes was queued for printing.
  const detail = await call<{ notices: Array<{ kind: string }> }>('cases.get', { caseId: saved.caseId });
  expect(detail.notices.map((n) => n.kind)).toEqual(['acceptance', 'visit-form', 'publicity', 'approval', 'termination']);
});
