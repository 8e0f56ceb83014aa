import { expect, test, type Page } from '@playwright/test';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { residentCard } from '../../tools/samEmulator/index';
import { api, launch, logIn, newDataDir, readerStation, removeDataDir, step, stop, type Shell } from './intakeSupport';
import { ADMIN, firstLogIn, logOut } from './station';

/**
 * The screens at the counter PC's 1366×768: F2 wherever a button says it, read errors that name
 * that button, focus after a card read, each intake step without scrolling, the home page's lists
 * on a station with many cases, the case list's columns, search by tails, and buttons that follow
 * the user's permissions (the clerk's and the caseworker's steps apart).
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const APPLICANT = residentCard({ seed: 9 });
const SPOUSE = residentCard({ seed: 3 });
const CHILD_ID = makeIdNumber('500110', '2016-04-01', 21, '男');

const station = readerStation(APPLICANT);

/** The page fits the window: neither the window nor the page's own area scrolls, vertically or sideways. */
async function fits(page: Page, what: string) {
  const m = await page.evaluate(() => {
    const content = document.querySelector<HTMLElement>('[data-testid="app-content"]')!;
    return {
      h: document.documentElement.scrollHeight,
      vh: window.innerHeight,
      w: document.documentElement.scrollWidth,
      vw: window.innerWidth,
      ch: content.scrollHeight,
      cvh: content.clientHeight,
      cw: content.scrollWidth,
      cvw: content.clientWidth,
    };
  });
  expect(m.h, `${what}: document scrollHeight ${m.h} > ${m.vh}`).toBeLessThanOrEqual(m.vh);
  expect(m.w, `${what}: document scrollWidth ${m.w} > ${m.vw}`).toBeLessThanOrEqual(m.vw);
  expect(m.ch, `${what}: page scrollHeight ${m.ch} > ${m.cvh}`).toBeLessThanOrEqual(m.cvh);
  expect(m.cw, `${what}: page scrollWidth ${m.cw} > ${m.cvw}`).toBeLessThanOrEqual(m.cvw);
}

test('no default body margin, so no permanent scrollbar', async ({ page }) => {
  await logIn(page, station.shell);
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await expect(page.getByTestId('new-intake')).toBeVisible();
  await fits(page, 'intake list');
});

test('F2 on the intake list opens a new intake and reads the card; the cursor goes to the first empty field; each step fits 1366×768', async ({
  page,
}) => {
  await logIn(page, station.shell);
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await expect(page.getByTestId('new-intake')).toContainText('F2');
  await page.keyboard.press('F2');
  await step(page, 'applicant');
  await expect(page.locator('#applicant-name')).toHaveValue(APPLICANT.expected.name);
  // The card gave number, name, sex, birth date, validity and address: the phone is the first empty field.
  await expect(page.locator('#applicant-phone')).toBeFocused();
  await page.keyboard.type('13800001234');
  await fits(page, 'applicant');

  await page.keyboard.press('Alt+N');
  await step(page, 'members');
  station.reader.placeCard(SPOUSE);
  await page.keyboard.press('F2');
  await expect(page.locator('#member-name')).toHaveValue(SPOUSE.expected.name);
  // The ages made her 配偶: nothing is left to fill, the cursor is on 添加.
  await expect(page.getByTestId('add-member')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');
  // A read error names this page's button.
  station.reader.removeCard();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('member-error')).toContainText('请按“读卡添加成员（F2）”重试', { timeout: 20_000 });
  await page.locator('#member-id').fill(CHILD_ID);
  await page.locator('#member-name').fill('王小宝');
  await page.getByTestId('add-member').click();
  await expect(page.getByTestId('member-table')).toContainText('共 3 人');
  await fits(page, 'members');

  await page.keyboard.press('Alt+N');
  await step(page, 'type');
  await fits(page, 'type');
  await page.keyboard.press('Alt+N');
  await step(page, 'money');
  await fits(page, 'money');
  await page.keyboard.press('Alt+N');
  await step(page, 'materials');
  await fits(page, 'materials');
  await page.keyboard.press('Alt+N');
  await step(page, 'authorization');
  await fits(page, 'authorization');
  await page.keyboard.press('Alt+N');
  await step(page, 'decision');
  await fits(page, 'decision');
});

test('F2 on 进度查询 and 读卡 reads the card; a failed read names the button of that page', async ({ page }) => {
  await logIn(page, station.shell);
  station.reader.removeCard();
  await page.evaluate(() => (window.location.hash = '#/enquiry'));
  await expect(page.getByTestId('enquiry-read')).toHaveText('读卡（F2）');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('read-error')).toContainText('请按“读卡（F2）”重试', { timeout: 20_000 });
  await expect(page.getByTestId('enquiry-read')).not.toHaveClass(/loading/, { timeout: 20_000 });
  station.reader.placeCard(APPLICANT);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('read-error')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('enquiry-read')).not.toHaveClass(/loading/, { timeout: 20_000 });

  await page.evaluate(() => (window.location.hash = '#/idcard'));
  await expect(page.getByTestId('reader-status')).toHaveAttribute('data-status', 'connected');
  // A card once read is found again only after it was lifted and put back, as on a real reader.
  station.reader.removeCard();
  station.reader.placeCard(APPLICANT);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('card-view').locator('[data-field="name"]')).toHaveText(APPLICANT.expected.name, { timeout: 20_000 });
  station.reader.removeCard();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('read-error')).toContainText('请按“读卡（F2）”重试', { timeout: 20_000 });
});

test.describe('a station with many cases (demo data)', () => {
  let demo: Shell;
  let demoDir: string;
  let demoCall: ReturnType<typeof api>;
  test.beforeAll(async () => {
    demoDir = newDataDir();
    demo = await launch(demoDir);
    demoCall = api(demo);
    await demoCall('setup.init', { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: ADMIN });
    await demoCall('session.login', { username: ADMIN.username, password: ADMIN.password });
    const accounts = await demoCall<Array<{ id: string; username: string }>>('accounts.list');
    await demoCall('accounts.setRoles', { accountId: accounts.find((a) => a.username === ADMIN.username)!.id, roles: ['admin', 'clerk'] });
    await demoCall('session.logout');
    await demoCall('session.login', { username: ADMIN.username, password: ADMIN.password });
    await demoCall('demo.seed', { count: 600, seed: 5 });
    await demoCall('accounts.create', { username: 'printer1', displayName: '孙打印', roles: ['print'], password: 'Temp#print2026' });
    await demoCall('accounts.create', { username: 'worker1', displayName: '刘经办', roles: ['caseworker'], password: 'Temp#work2026' });
  });
  test.afterAll(async () => {
    await stop(demo);
    removeDataDir(demoDir);
  });

  test('the home page shows the counts and the first 20 of each list with 查看全部 to the paged list', async ({ page }) => {
    const lists = await demoCall<{ overdueTotal: number; dueSoonTotal: number }>('cases.deadlines', {});
    expect(lists.overdueTotal).toBeGreaterThan(20);
    await logIn(page, demo);
    const overdue = page.getByTestId('overdue-card');
    await expect(overdue).toHaveAttribute('data-count', String(lists.overdueTotal));
    await expect(overdue).toContainText(`已超期的办理时限（${lists.overdueTotal} 件）`);
    await expect(page.getByTestId('overdue-list').locator('[data-case-id]')).toHaveCount(20);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(4000);
    await page.getByTestId('overdue-all').click();
    await expect(page.getByTestId('case-total')).toHaveText(`共 ${lists.overdueTotal} 件`);
    await expect(page.getByTestId('case-table').locator('tbody tr[data-case-id]')).toHaveCount(Math.min(50, lists.overdueTotal));
    await expect(page.locator('.ant-pagination')).toBeVisible();
  });

  test('the case list’s columns do not overlap at 1366×768', async ({ page }) => {
    await logIn(page, demo);
    await page.evaluate(() => (window.location.hash = '#/cases'));
    await expect(page.getByTestId('case-table').locator('tbody tr[data-case-id]').first()).toBeVisible();
    const bad = await page.evaluate(() => {
      const out: string[] = [];
      for (const row of [...document.querySelectorAll('[data-testid="case-table"] tbody tr[data-case-id]')].slice(0, 50)) {
        const cells = [...row.querySelectorAll('td')].map((td) => td.getBoundingClientRect());
        for (let i = 1; i < cells.length; i++) if (cells[i]!.left < cells[i - 1]!.right - 0.5) out.push(`cells ${i - 1}/${i} overlap`);
        row.querySelectorAll('td').forEach((td, i) => {
          const box = td.getBoundingClientRect();
          for (const child of td.querySelectorAll('*')) {
            const c = child.getBoundingClientRect();
            if (c.width === 0) continue;
            if (c.right > box.right + 0.5 && getComputedStyle(td).overflow !== 'hidden')
              out.push(`column ${i}: ${child.textContent} runs ${Math.round(c.right - box.right)}px into the next`);
          }
        });
      }
      return out;
    });
    expect(bad).toEqual([]);
  });

  test('search finds a case by its number’s tail and by the last 4 of a member’s ID number, and says a member matched', async ({
    page,
  }) => {
    const all = await demoCall<{ rows: Array<{ id: string; caseNo: string | null; applicantIdNumber: string }> }>('cases.search', {
      query: '',
      limit: 100,
    });
    const target = all.rows.find((r) => r.caseNo)!;
    const detail = await demoCall<{ application: { members: Array<{ idNumber: string; name: string; relationship: string }> } }>(
      'cases.get',
      { caseId: target.id },
    );
    const member = detail.application.members.find(
      (m) => m.relationship !== 'self' && m.idNumber.slice(-4) !== target.applicantIdNumber.slice(-4),
    )!;
    await logIn(page, demo);
    await page.evaluate(() => (window.location.hash = '#/cases'));
    const tail = target.caseNo!.split('-').at(-1)!;
    const search = page.locator('input[data-testid="case-search"], [data-testid="case-search"] input').first();
    await search.fill(String(Number(tail)));
    await expect(page.getByTestId('case-table').locator(`tr[data-case-id="${target.id}"]`)).toBeVisible();
    await search.fill(tail);
    await expect(page.getByTestId('case-table').locator(`tr[data-case-id="${target.id}"]`)).toBeVisible();
    await search.fill(member.idNumber.slice(-4));
    const row = page.getByTestId('case-table').locator(`tr[data-case-id="${target.id}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('case-matched')).toHaveText(`家庭成员 ${member.name} 匹配`);
  });

  test('buttons follow the permissions: the visit, the investigation and the extension are the caseworker’s, not the clerk’s; print sees none', async ({
    page,
  }) => {
    const accepted = await demoCall<{ rows: Array<{ id: string }> }>('cases.search', { query: '', states: ['accepted'], limit: 1 });
    const caseId = accepted.rows[0]!.id;
    const casework = ['登记入户调查', '开始入户调查'];
    const open = async () => {
      await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
      await expect(page.getByTestId('case-view')).toBeVisible();
      await expect(page.getByTestId('after-acceptance')).toBeVisible();
    };
    // The counter clerk (the admin here holds admin and clerk): receives and registers, may withdraw; no casework.
    await logIn(page, demo);
    await open();
    await expect(page.getByRole('button', { name: '申请人撤回' })).toBeVisible();
    for (const name of casework) await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /延长/ })).toHaveCount(0);

    await logOut(page);
    await firstLogIn(page, { username: 'worker1', password: 'Temp#work2026' }, 'Work#Counter9');
    await open();
    for (const name of casework) await expect(page.getByRole('button', { name })).toBeVisible();
    await expect(page.getByRole('button', { name: /延长/ })).toBeVisible();

    await logOut(page);
    await firstLogIn(page, { username: 'printer1', password: 'Temp#print2026' }, 'Print#Counter9');
    await open();
    for (const name of [...casework, '提出初审意见', '申请人撤回']) await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /延长/ })).toHaveCount(0);
  });
});
