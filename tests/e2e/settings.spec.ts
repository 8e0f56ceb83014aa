import { expect, test, type Page } from '@playwright/test';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import {
  launch,
  logIn,
  newDataDir,
  openIntake,
  removeDataDir,
  setUpIntakeStation,
  step,
  stop,
  type api,
  type Shell,
} from './intakeSupport';
import { firstLogIn } from './station';

/**
 * 业务设置 end to end: the admin switches the duplicate-case rule to "block" and adds a material to
 * the 低保 checklist on the settings page; the intake then shows the material and refuses a second
 * open case for the same ID number. A clerk has no settings page and core refuses the call.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const BIRTH = '1968-03-04';
const ID = makeIdNumber('500110', BIRTH, 7, '女');
const NEW_MATERIAL = '村（居）民委员会出具的困难情况证明';
const CLERK = { username: 'clerk7', displayName: '李受理', password: 'Temp#pass2026' };
const CLERK_PASSWORD = 'Clerk#Counter9';

let shell: Shell;
let dataDir: string;
let call: ReturnType<typeof api>;

/** The raw envelope of a call from another window (to see a refusal). */
async function envelope(
  window: string,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  const res = await fetch(`${shell.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', 'X-Jiuzhu-Window': window },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
}

test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell);
  // An open (submitted) case of the same person already exists.
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: {
      type: 'dibao',
      subtype: 'rural',
      applicant: { idNumber: ID, name: '赵春花', sex: '女', birthDate: BIRTH, source: 'typed' },
      members: [{ idNumber: ID, name: '赵春花', sex: '女', birthDate: BIRTH, relationship: 'self' }],
      reasons: ['old_age'],
      materials: [{ code: 'application_form', status: 'received' }],
    },
  });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  await call('accounts.create', { ...CLERK, roles: ['clerk'] });
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

async function confirmSave(page: Page) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('保存后立即对本工作站的所有人员生效');
  await dialog.getByRole('button', { name: /确认保存/ }).click();
  await expect(page.getByText('已保存，新的设置立即生效。').first()).toBeVisible();
}

test('the admin blocks duplicate open cases and adds a material; the intake follows', async ({ page }) => {
  await logIn(page, shell);
  await page.getByRole('menuitem', { name: /业务设置/ }).click();
  await expect(page.getByTestId('county-settings')).toBeVisible();

  // 受理规则: block a second open case.
  await page.getByText('阻止提交（不能重复申请）').click();
  await page.getByTestId('save-rules').click();
  await confirmSave(page);

  // 申请材料清单 (低保): a new required item, checked by the schema before anything is sent.
  await page.getByRole('tab', { name: '申请材料清单' }).click();
  const dibao = page.getByTestId('materials-dibao');
  const before = await dibao.locator('[data-testid^="material-row-dibao-"]').count();
  await page.getByTestId('add-material-dibao').click();
  await expect(dibao.locator('[data-testid^="material-row-dibao-"]')).toHaveCount(before + 1);
  await page.getByTestId('save-materials').click();
  // Empty name: a zh-CN field error from the zod schema, no confirmation, nothing saved.
  const row = page.getByTestId(`material-row-dibao-${before}`);
  await expect(row.locator('.ant-form-item-explain-error')).toHaveText(/[\u4e00-\u9fa5]/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByLabel(`材料名称 ${before + 1}`).fill(NEW_MATERIAL);
  // Reorder: move it up one place.
  await page.getByLabel(`上移 ${before + 1}`).click();
  await expect(page.getByLabel(`材料名称 ${before}`)).toHaveValue(NEW_MATERIAL);
  await page.getByTestId('save-materials').click();
  await confirmSave(page);

  // 地方低保标准: typed in yuan, stored in fen; a bad region prefix is a field error first.
  await page.getByRole('tab', { name: '地方低保标准' }).click();
  // The station already has the county's standards (set up by the test station); the new one is added after them.
  const existing = await page
    .getByTestId('settings-standards')
    .getByLabel(/^区划代码前缀 \d+$/)
    .count();
  const standardRow = existing + 1;
  await page.getByRole('button', { name: /添加标准/ }).click();
  await page.getByLabel(`区划代码前缀 ${standardRow}`).fill('50011x');
  await page.getByLabel(`月标准（元/人） ${standardRow}`).fill('750.5');
  await page.getByTestId('save-standards').click();
  await expect(page.getByTestId('settings-standards').locator('.ant-form-item-explain-error')).toHaveCount(1);
  // The field's own words, never zod's (无效字符串：必须满足正则表达式 …).
  await expect(page.getByTestId('settings-standards').locator('.ant-form-item-explain-error')).toHaveText(
    '区划代码前缀应为 2 至 6 位数字，如 5001（全市）或 500110（本区县）',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByLabel(`区划代码前缀 ${standardRow}`).fill('500110');
  await page.getByTestId('save-standards').click();
  await confirmSave(page);

  // 在册复核与预警 (roster.setSettings): the warning deadline.
  await page.getByRole('tab', { name: '在册复核与预警' }).click();
  await page.getByLabel('预警核查期限（工作日）').fill('7');
  await page.getByTestId('save-roster').click();
  await confirmSave(page);
  const roster = await call<{ settings: { warningWorkingDays: number } }>('roster.settings');
  expect(roster.settings.warningWorkingDays).toBe(7);

  // 资格认证 (certification.setSettings): who must certify.
  await page.getByRole('tab', { name: '资格认证' }).click();
  await page.getByText('家庭中年满 18 周岁的成员').click();
  await page.getByTestId('save-certification').click();
  await confirmSave(page);
  expect((await call<{ settings: { who: string } }>('certification.settings')).settings.who).toBe('adults');

  // Core stored both, and audited the changes.
  const stored = await call<{
    settings: {
      openCasePolicy: string;
      standards: unknown[];
      materials?: { types: { dibao: Array<{ label: string; required: boolean; code: string }> } };
    };
  }>('cases.settings');
  expect(stored.settings.openCasePolicy).toBe('block');
  expect(stored.settings.standards.at(-1)).toEqual({
    regionPrefix: '500110',
    year: new Date().getFullYear(),
    residence: 'urban',
    monthlyFen: 75050,
  });
  const items = stored.settings.materials!.types.dibao;
  expect(items).toHaveLength(before + 1);
  expect(items[before - 1]).toMatchObject({ label: NEW_MATERIAL, required: true });
  expect(items[before - 1]!.code).toMatch(/^county_[a-z0-9]{8}$/);
  const audit = await call<Array<{ action: string; details: unknown }>>('audit.query', { action: 'cases.settings' });
  expect(audit.length).toBeGreaterThanOrEqual(3);
  expect(audit[0]!.details).toMatchObject({ openCasePolicy: 'block' });
  expect(await call<unknown[]>('audit.query', { action: 'roster.settings' })).toHaveLength(1);

  // The intake of the same person: the new material is listed, the submit is refused.
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  await page.locator('#applicant-id').fill(ID);
  await page.locator('#applicant-name').fill('赵春花');
  await page.keyboard.press('Alt+N');
  await step(page, 'members');
  await page.keyboard.press('Alt+N');
  await step(page, 'type');
  await page.getByText('最低生活保障').click();
  await page.getByText('收入低').click();
  await page.keyboard.press('Alt+N');
  await step(page, 'money');
  await page.keyboard.press('Alt+N');
  await step(page, 'materials');
  const materialRow = page.getByTestId('step-materials').getByRole('row', { name: new RegExp(NEW_MATERIAL) });
  await expect(materialRow).toBeVisible();
  await expect(materialRow).toContainText('必交');
  await page.keyboard.press('Alt+N');
  await step(page, 'authorization');
  await page.keyboard.press('Alt+N');
  await step(page, 'decision');
  await expect(page.locator('[data-testid="problems"] li[data-code="OPEN_CASE"]')).toHaveAttribute('data-severity', 'block');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('submit-error')).toContainText('按本县规定不能重复申请');
  const found = await call<{ rows: Array<{ state: string }> }>('cases.search', { query: ID });
  expect(found.rows.filter((r) => r.state !== 'draft')).toHaveLength(1);
});

test('a clerk has no settings page, and core refuses the call', async ({ page }) => {
  await page.goto(shell.url);
  await firstLogIn(page, CLERK, CLERK_PASSWORD);
  await expect(page.getByRole('menuitem', { name: /受理登记/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /业务设置/ })).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/admin/settings'));
  await expect(page.getByTestId('county-settings')).toHaveCount(0);

  const before = await call<{ settings: unknown }>('cases.settings');
  const win = 'settings-e2e-clerk';
  expect((await envelope(win, 'session.login', { username: CLERK.username, password: CLERK_PASSWORD })).ok).toBe(true);
  for (const [method, input] of [
    ['cases.setSettings', { settings: { openCasePolicy: 'warn' } }],
    ['roster.setSettings', { settings: { warningWorkingDays: 5 } }],
    ['certification.setSettings', { settings: { who: 'applicant' } }],
  ] as const) {
    const refused = await envelope(win, method, input);
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('FORBIDDEN');
  }
  expect((await call<{ settings: unknown }>('cases.settings')).settings).toEqual(before.settings);

  // An admin without a counter role can read what the page needs (roster.settings is 'session').
  await call('accounts.create', { username: 'admin2', displayName: '张管理', password: 'Temp#pass2026', roles: ['admin'] });
  expect((await envelope('settings-e2e-admin2', 'session.login', { username: 'admin2', password: 'Temp#pass2026' })).ok).toBe(true);
  expect(
    (await envelope('settings-e2e-admin2', 'session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Admin#Second9' })).ok,
  ).toBe(true);
  for (const method of ['cases.settings', 'roster.settings'])
    expect((await envelope('settings-e2e-admin2', method, {})).error).toBeUndefined();
});
