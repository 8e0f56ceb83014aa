import { expect, test } from '@playwright/test';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { CHILD, HUSBAND, WIFE } from '../../main/core/cases/testing/household';
import { EmulatedReader, residentCard, TextBlockWriter, type FixtureCard } from '../../tools/samEmulator/index';
import { api, launch, logIn, newDataDir, removeDataDir, signInView, stop, type Shell } from './intakeSupport';
import { launchOn, setUpDueHousehold, startReview } from './reviewSupport';
import { findLeaks, screenTexts } from './screenWords';
import { ADMIN } from './station';
import { chooseOption } from './antdSelect';

/**
 * The periodic review (定期核查) in Chromium: a household approved today (county rule: reviewed every
 * 12 months) is due a year later — the browser shell runs with `--clock` at the review date — and is
 * reviewed on the roster page: income re-checked, the wife removed (分户) and the husband's mother added
 * (read from her ID card on the reader emulator; the child typed again, and his card, are refused),
 * an outcome without signatures refused, both adults re-sign in the intake's signing view (the husband
 * with this screen turned to him, the mother on the applicant screen paired from the review, where her
 * 信息有误 reaches the drawer), 渐退 for 3 months, the 渐退通知书 queued.
 */
let shell: Shell | null = null;
let reader: EmulatedReader;
let dataDir: string;
let caseId: string;
let reviewDay: string;
/** The husband's mother, who moved in since the approval (read from her card in the review). */
const MOTHER = { idNumber: makeIdNumber('500110', '1954-11-03', 28, '女'), name: '王桂兰', sex: '女' as const, birthDate: '1954-11-03' };
const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(14)}`;

/** A resident card of a given person: the text block written for them on the chip of fixture `seed`. */
function cardOf(person: { idNumber: string; name: string; sex: '男' | '女'; birthDate: string }, seed: number): FixtureCard {
  const chip = residentCard({ seed });
  const address = '重庆市綦江区桥头镇新街12号';
  const authority = '重庆市公安局綦江区分局';
  const text = new TextBlockWriter()
    .put(0, 30, person.name)
    .put(30, 2, person.sex === '男' ? '1' : '2')
    .put(32, 4, '01')
    .put(36, 16, person.birthDate.replaceAll('-', ''))
    .put(52, 70, address)
    .put(122, 36, person.idNumber)
    .put(158, 30, authority)
    .put(188, 16, '20150101')
    .put(204, 16, '20350101').bytes;
  return {
    ...chip,
    text,
    expected: {
      ...chip.expected,
      name: person.name,
      sex: person.sex,
      nation: '汉',
      nationCode: '01',
      birthDate: person.birthDate,
      address,
      idNumber: person.idNumber,
      authority,
    },
  };
}

test.beforeAll(async () => {
  reader = await EmulatedReader.start();
  dataDir = newDataDir();
  ({ caseId, reviewDay } = await setUpDueHousehold(dataDir, reader.hostPath));
});
test.afterAll(async () => {
  if (shell) await stop(shell);
  await reader?.stop();
  removeDataDir(dataDir);
});

test('--clock is refused without JIUZHU_ALLOW_CLOCK=1', async () => {
  delete process.env.JIUZHU_ALLOW_CLOCK;
  await expect(launch(dataDir, ['--clock', `${reviewDay}T09:00:00+08:00`])).rejects.toThrow(/JIUZHU_ALLOW_CLOCK=1/);
});

test('a year later the household is due; reviewed in the UI: re-check, refused without signatures, re-signed in the signing view (turned to the signer, and on the applicant screen), 渐退 proposed → the head decides (delegated) → notice queued', async ({
  page,
}) => {
  test.setTimeout(120_000);
  shell = await launchOn(dataDir, reviewDay, ['--emulated-reader', reader.hostPath]);
  await logIn(page, shell);
  const { roster, drawer } = await startReview(page, reviewDay);

  // Re-check: the husband now earns 3,000 a month; per-capita 1,000 against the standard of 800.
  const household = drawer.getByTestId('review-household');
  await household.getByLabel('月收入（元）1').fill('3000');
  // The wife left to her own household (分户): the reason is chosen first, then 移出.
  await expect(household.getByTestId(`review-remove-${WIFE.idNumber}`)).toBeDisabled();
  await chooseOption(page, household.getByLabel(`${WIFE.name}移出原因`), '分户');
  await household.getByTestId(`review-remove-${WIFE.idNumber}`).click();
  await expect(household.getByTestId(`review-removed-${WIFE.idNumber}`)).toContainText('移出家庭成员：李秀英（分户）');
  await expect(household.getByRole('row', { name: new RegExp(WIFE.name) })).toHaveCount(0);
  // The applicant has no 移出.
  await expect(household.getByTestId(`review-remove-${HUSBAND.idNumber}`)).toHaveCount(0);
  // The child typed again is refused; so is his card, read with F2 in the form (the form keeps what was typed).
  const add = household.getByTestId('review-add-member');
  await add.getByLabel('公民身份号码').fill(CHILD.idNumber);
  await add.getByLabel('姓名').fill(CHILD.name);
  await add.getByTestId('review-add-member-button').click();
  await expect(add.getByTestId('review-member-error')).toContainText('张小明 重复登记（第 2 位和第 3 位是同一人）');
  await add.getByLabel('公民身份号码').fill(`${MOTHER.idNumber.slice(0, 17)}0`);
  await expect(add.getByTestId('id-number-feedback')).toHaveAttribute('data-status', 'error');
  await add.getByLabel('姓名').fill('');
  await add.getByTestId('review-add-member-button').click();
  await expect(add.getByTestId('review-member-error')).toContainText('校验位不符');
  reader.placeCard(cardOf(CHILD, 31));
  await add.getByLabel('公民身份号码').press('F2');
  await expect(add.getByTestId('review-member-error')).toHaveText('张小明 重复登记（第 2 位和第 3 位是同一人）', { timeout: 15_000 });
  await expect(add.getByLabel('公民身份号码')).toHaveValue(`${MOTHER.idNumber.slice(0, 17)}0`);
  await expect(add.getByLabel('姓名')).toHaveValue('');
  // No card on the reader: the intake's message once the 10 s for placing it have passed.
  reader.removeCard();
  await add.getByTestId('review-read-card').click();
  await expect(add).toContainText('请把身份证放在读卡器上…');
  await expect(add.getByTestId('review-member-error')).toHaveText(
    '读卡失败：未检测到身份证，请把证件平放在读卡器感应区。请按“读取身份证（F2）”重试。',
    { timeout: 20_000 },
  );
  // The mother's card fills number, name and sex; the relationship is the caseworker's; Enter adds.
  reader.placeCard(cardOf(MOTHER, 32));
  await add.getByTestId('review-read-card').click();
  await expect(add.getByLabel('公民身份号码')).toHaveValue(MOTHER.idNumber, { timeout: 15_000 });
  await expect(add.getByLabel('姓名')).toHaveValue(MOTHER.name);
  await expect(add.getByTestId('review-member-error')).toHaveCount(0);
  await expect(add.getByTestId('id-number-feedback')).toHaveAttribute('data-status', 'success');
  await chooseOption(page, add.getByLabel('与申请人关系'), '父母');
  await add.getByLabel('姓名').press('Enter');
  await expect(household.getByRole('row', { name: new RegExp(MOTHER.name) })).toBeVisible();
  await expect(add.getByLabel('姓名')).toHaveValue('');
  await household.getByLabel('核查情况').fill('入户核实，丈夫已稳定就业');
  await household.getByTestId('review-save-household').click();
  await expect(household).toContainText('家庭情况已登记');
  // The adults who must re-sign follow the new household: the mother, not the wife.
  await expect(drawer.getByTestId(`signer-${MOTHER.idNumber}`)).toHaveAttribute('data-signed', 'false');
  await expect(drawer.getByTestId(`signer-${WIFE.idNumber}`)).toHaveCount(0);
  await expect(drawer.getByTestId('review-eligibility')).toHaveAttribute('data-band', 'marginal');
  await expect(drawer.getByTestId('review-eligibility')).toContainText('家庭人均月收入 1000.00 元');
  await expect(drawer.getByTestId('review-eligibility')).toContainText('800.00 元/月');

  // The outcome without the re-signed authorizations is refused, with the clerk's message.
  const outcome = drawer.getByTestId('review-outcome');
  await outcome.getByLabel('渐退').check();
  await outcome.getByLabel(/渐退月数/).fill('3');
  await outcome.getByLabel(/渐退期月金额/).fill('500');
  await outcome.getByLabel('理由（每行一条）').fill('家庭人均收入已超过当地低保标准');
  await outcome.getByLabel('法律依据（每行一条）').fill('《最低生活保障审核确认办法》第三十一条');
  await outcome.getByTestId('review-conclude').click();
  await expect(outcome.getByRole('alert')).toContainText('2 名成年家庭成员没有重新签署');
  await expect(drawer.getByTestId('review-body')).toHaveAttribute('data-review', 'open');

  // Both adults re-sign in the intake's signing view, their own statement for this review in words, never a digest.
  // The husband first, with no applicant screen paired: the view opens over this screen, turned to him.
  const signers = drawer.getByTestId('review-signers');
  for (const p of [HUSBAND, MOTHER]) await expect(signers.getByTestId(`status-${p.idNumber}`)).toHaveText('等待签字');
  await expect(signers.getByTestId('sign-next')).toHaveText(`请第 1/2 位签字人签字：${HUSBAND.name}`);
  await signers.getByTestId('sign-next').click();
  const counter = page.getByTestId('counter-signing-view');
  await expect(counter.getByTestId('signing-signer')).toHaveText(`第 1/2 位签字人：${HUSBAND.name}`);
  await expect(counter.getByTestId('statement-purpose')).toHaveText('本次为定期核查，请重新签署授权书');
  await expect(counter.getByTestId('applicant-statement')).toContainText(`公民身份号码：${masked(HUSBAND.idNumber)}`);
  await expect(counter.getByTestId('applicant-statement')).toContainText('本人自愿授权民政部门及相关部门依法查询');
  await expect(page.getByTestId('signature-document-hash')).toHaveCount(0);
  expect(await counter.innerText()).not.toContain(HUSBAND.idNumber);
  expect((await counter.innerText()).split('\n').flatMap(findLeaks)).toEqual([]);
  await signInView(page);
  await expect(signers.getByTestId(`status-${HUSBAND.idNumber}`)).toHaveText('已签');
  await expect(counter).toHaveCount(0);

  // The mother on the applicant screen, paired from the review: the same view, 第 2/2 位; her 信息有误 is shown in the drawer.
  const [screen] = await Promise.all([page.context().waitForEvent('page'), signers.getByTestId('open-applicant-screen').click()]);
  await expect(screen.getByTestId('applicant-idle')).toBeVisible({ timeout: 30_000 });
  await expect(signers.getByTestId('screen-pair')).toHaveAttribute('data-paired', 'yes');
  await expect(signers.getByTestId('sign-next')).toHaveText(`请第 2/2 位签字人签字：${MOTHER.name}`);
  await signers.getByTestId('sign-next').click();
  await expect(signers.getByTestId('signing-on-screen')).toContainText(MOTHER.name);
  await expect(screen.getByTestId('signing-signer')).toHaveText(`第 2/2 位签字人：${MOTHER.name}`);
  await expect(screen.getByTestId('statement-purpose')).toHaveText('本次为定期核查，请重新签署授权书');
  await expect(screen.getByTestId('applicant-statement')).toContainText(`授权人：${MOTHER.name}`);
  await expect(screen.getByTestId('applicant-statement')).toContainText(`公民身份号码：${masked(MOTHER.idNumber)}`);
  await expect(screen.getByTestId('signature-document-hash')).toHaveCount(0);
  expect(await screen.locator('body').innerText()).not.toContain(MOTHER.idNumber);
  expect((await screenTexts(screen)).flatMap(findLeaks)).toEqual([]);
  await screen.getByTestId('applicant-report').click();
  await screen.getByTestId('report-statement').click();
  await expect(signers.getByTestId('applicant-report-alert')).toHaveAttribute('data-part', 'statement');
  await expect(signers.getByTestId('applicant-report-alert')).toContainText('“授权书内容”有误');
  await screen.getByTestId('report-back').click();
  await signInView(screen);
  await expect(screen.getByTestId('signing-done')).toBeVisible();
  await expect(signers.getByTestId(`status-${MOTHER.idNumber}`)).toHaveText('已签');
  await expect(signers.getByTestId('sign-next')).toHaveCount(0);
  // The report stays until the clerk closes it.
  await expect(signers.getByTestId('applicant-report-alert')).toBeVisible();

  // 渐退 for 3 months longer than the law allows is refused; 3 months goes through.
  await outcome.getByLabel(/渐退月数/).fill('7');
  await outcome.getByTestId('review-conclude').click();
  await expect(outcome.getByRole('alert')).toContainText('渐退期最长 6 个月');
  await outcome.getByLabel(/渐退月数/).fill('3');
  await outcome.getByTestId('review-conclude').click();
  // 渐退 is a decision: the review ends with a proposal, and nothing changes until it is decided.
  const result = drawer.getByTestId('change-status');
  await expect(result).toHaveAttribute('data-status', 'proposed');
  await expect(result.getByTestId('change-summary')).toHaveAttribute('data-outcome', 'phase_out');
  await expect(result).toContainText('报县级审核确认');
  await drawer
    .getByRole('button', { name: /Close|关\s*闭/ })
    .first()
    .click();
  await roster.getByTestId('roster-filter').getByText('全部在册').click();
  await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('680.00');
  await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('待县级审核确认');

  // The county delegated 审核确认: the head decides it on the roster page; the roster row follows and the notice waits in the print queue.
  const proposals = roster.getByTestId('change-proposals');
  await expect(proposals.getByTestId('change-proposal').filter({ hasText: '张建国' })).toContainText('渐退');
  await proposals.getByRole('button', { name: /审核确认/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /OK|确\s*定/ })
    .click();
  await expect(proposals).toHaveCount(0);
  await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('500.00');
  const call = api(shell, 'review-e2e-check');
  await call('session.login', { username: ADMIN.username, password: ADMIN.password });
  // The household changed as recorded in the drawer: the review, its findings and the roster follow.
  const rosterRows = await call<{ rows: Array<{ id: string; caseId: string; householdSize: number }> }>('roster.list', { filter: 'all' });
  const rosterRow = rosterRows.rows.find((r) => r.caseId === caseId)!;
  const reviewed = await call<{
    household: {
      members: Array<{ idNumber: string; relationship: string; sex: string; birthDate: string }>;
      income: Array<{ memberIdNumber: string }>;
    };
    review: { findings: string };
    signers: Array<{ idNumber: string; signed: boolean }>;
  }>('reviews.get', { rosterId: rosterRow.id });
  expect(reviewed.household.members.map((m) => m.idNumber).sort()).toEqual([HUSBAND.idNumber, CHILD.idNumber, MOTHER.idNumber].sort());
  expect(reviewed.household.members.find((m) => m.idNumber === MOTHER.idNumber)).toMatchObject({
    relationship: 'parent',
    sex: '女',
    birthDate: '1954-11-03',
  });
  expect(reviewed.household.income.map((x) => x.memberIdNumber)).not.toContain(WIFE.idNumber);
  expect(reviewed.review.findings).toContain('移出家庭成员：李秀英（分户）');
  expect(reviewed.signers.map((x) => [x.idNumber, x.signed]).sort()).toEqual(
    [
      [HUSBAND.idNumber, true],
      [MOTHER.idNumber, true],
    ].sort(),
  );
  expect(rosterRow.householdSize).toBe(3);
  const detail = await call<{ notices: Array<{ kind: string }>; application: { members: Array<{ idNumber: string }> } }>('cases.get', {
    caseId,
  });
  expect(detail.application.members.map((m) => m.idNumber)).not.toContain(WIFE.idNumber);
  expect(detail.application.members.map((m) => m.idNumber)).toContain(MOTHER.idNumber);
  expect(detail.notices.map((n) => n.kind)).toContain('phase-out');
  const queue = await call<Array<{ id: string; kind: string; state: string }>>('printQueue.list', { caseId, kind: 'phase-out' });
  expect(queue.map((n) => [n.kind, n.state])).toEqual([['phase-out', 'pending']]);
  // The queued data renders: the print queue issues the 渐退通知书 as a PDF.
  const issued = await call<{ kind: string; pages: number }>('printQueue.issue', { requestId: queue[0]!.id });
  expect(issued).toMatchObject({ kind: 'phase-out', pages: 1 });
});
