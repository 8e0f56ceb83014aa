import { expect, test, type Page } from '@playwright/test';
import { localIsoDate } from '../../common/format/dates';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { api, launch, logIn, newDataDir, removeDataDir, saved, setUpIntakeStation, step, stop, type Shell } from './intakeSupport';

/**
 * The members step with the keyboard where a dropdown is open: Enter chooses the highlighted
 * option and never adds the member; the defaults follow the age in the ID number; a second 配偶
 * and a 配偶 under the legal marriage age are refused on the relationship field.
 */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** A birth date `years` years before today, so the ages hold whatever day the test runs. */
const yearsAgo = (years: number) => {
  const today = localIsoDate(new Date());
  return `${Number(today.slice(0, 4)) - years}${today.slice(4, 8)}01`;
};
const APPLICANT = { id: makeIdNumber('500110', '1975-03-15', 31, '男'), name: '刘大山' };
const SPOUSE = { id: makeIdNumber('500110', '1977-08-20', 44, '女'), name: '黄小梅' };
const CHILD = { id: makeIdNumber('500110', yearsAgo(10), 55, '男'), name: '刘小虎' };
const GRANDMA = { id: makeIdNumber('500110', yearsAgo(70), 66, '女'), name: '陈桂芳' };
const COUSIN = { id: makeIdNumber('500110', '1990-02-02', 77, '女'), name: '刘小琴' };
const YOUNG = { id: makeIdNumber('500110', yearsAgo(17), 88, '女'), name: '王小芳' };

let shell: Shell;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  await setUpIntakeStation(shell);
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

const relation = (page: Page) => page.getByLabel('与申请人关系', { exact: true });
/** What the relationship select shows (the selected option's label). */
const relationShown = (page: Page) =>
  relation(page).locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
const openList = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Open the relationship list with the arrow key and move the highlight to `option` with the arrow keys only. */
async function highlight(page: Page, option: string): Promise<void> {
  await expect(relation(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(relation(page)).toHaveAttribute('aria-expanded', 'true');
  const active = openList(page).locator('.ant-select-item-option-active');
  for (let i = 0; i < 10 && (await active.getAttribute('title')) !== option; i++) await page.keyboard.press('ArrowDown');
  await expect(active).toHaveAttribute('title', option);
}

async function startMembers(page: Page): Promise<void> {
  await logIn(page, shell);
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  await page.locator('#applicant-id').fill(APPLICANT.id);
  await page.locator('#applicant-name').fill(APPLICANT.name);
  await page.keyboard.press('Alt+N');
  await step(page, 'members');
}

async function typeMember(page: Page, m: { id: string; name: string }): Promise<void> {
  await page.locator('#member-id').fill(m.id);
  await page.locator('#member-name').fill(m.name);
}

test('Enter on a highlighted option chooses it and adds nobody; Enter in a text field adds the member as chosen', async ({ page }) => {
  await startMembers(page);
  // The spouse with the keyboard, as the counter does it.
  await expect(page.locator('#member-id')).toBeFocused();
  await page.keyboard.type(SPOUSE.id);
  await page.keyboard.press('Tab');
  await page.keyboard.type(SPOUSE.name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');

  // A ten-year-old: Tab to the relationship, arrows to 父母, Enter — the select takes it, nothing is added.
  await page.keyboard.type(CHILD.id);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CHILD.name);
  await page.keyboard.press('Tab');
  await highlight(page, '父母');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');
  await expect(relationShown(page)).toContainText('父母');
  await expect(relation(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#member-name')).toHaveValue(CHILD.name);

  // Again to 子女: chosen, still nobody added.
  await highlight(page, '子女');
  await page.keyboard.press('Enter');
  await expect(relationShown(page)).toContainText('子女');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');

  // Enter on the closed select opens its list (the select's key, not the form's); Enter again keeps 子女.
  await page.keyboard.press('Enter');
  await expect(relation(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');
  await page.keyboard.press('Enter');
  await expect(relation(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(relationShown(page)).toContainText('子女');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');

  // Enter in a text field adds the child, as 子女, with no labour capacity (the default at ten).
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#member-name')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-table')).toContainText('共 3 人');
  await expect(page.getByTestId('member-table').locator('tr', { hasText: CHILD.name })).toContainText('子女');
  await saved(page);
  const caseId = await page.getByTestId('intake-wizard').getAttribute('data-case-id');
  const call = api(shell, 'dropdown-e2e-check');
  await call('session.login', { username: 'admin', password: 'Qiaotou#2026' });
  const d = await call<{ application: { members: Array<{ idNumber: string; relationship: string; labourCapacity: string }> } }>(
    'cases.get',
    { caseId },
  );
  expect(d.application.members.map((m) => [m.idNumber, m.relationship, m.labourCapacity])).toEqual([
    [APPLICANT.id, 'self', 'full'],
    [SPOUSE.id, 'spouse', 'full'],
    [CHILD.id, 'child', 'none'],
  ]);
});

test('the defaults follow the age in the ID number: a child and an elder are not 有劳动能力', async ({ page }) => {
  await startMembers(page);
  const labour = page.getByTestId('member-labour');
  await typeMember(page, CHILD);
  await expect(labour.getByRole('radio', { name: '无劳动能力' })).toBeChecked();
  await expect(relationShown(page)).toContainText('子女');
  await typeMember(page, GRANDMA);
  await expect(labour.getByRole('radio', { name: '无劳动能力' })).toBeChecked();
  await expect(relationShown(page)).toContainText('父母');
  await typeMember(page, SPOUSE);
  await expect(labour.getByRole('radio', { name: '有劳动能力', exact: true })).toBeChecked();
  await expect(relationShown(page)).toContainText('配偶');
});

test('a second 配偶 and a 配偶 under the legal marriage age are refused on the relationship field', async ({ page }) => {
  await startMembers(page);
  const field = page.getByTestId('member-relationship');
  // A 17-year-old as 配偶.
  await typeMember(page, YOUNG);
  await relation(page).focus();
  await highlight(page, '配偶');
  await page.keyboard.press('Enter');
  await page.getByTestId('add-member').click();
  await expect(field).toContainText(`${YOUNG.name} 登记为配偶，但夫妻双方须达到法定婚龄（男 22 周岁、女 20 周岁），请核对关系或出生日期`);
  await expect(page.getByTestId('member-table')).toContainText('共 1 人');
  // The message goes once the relationship is changed.
  await relation(page).focus();
  await highlight(page, '子女');
  await page.keyboard.press('Enter');
  await expect(field).not.toContainText('法定婚龄');

  await typeMember(page, SPOUSE);
  await page.getByTestId('add-member').click();
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');
  // A second adult as 配偶.
  await typeMember(page, COUSIN);
  await relation(page).focus();
  await highlight(page, '配偶');
  await page.keyboard.press('Enter');
  await page.getByTestId('add-member').click();
  await expect(field).toContainText(`一户只能登记一位配偶（${COUSIN.name} 是第二位）`);
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');
});
