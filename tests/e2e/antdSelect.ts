import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Choose an option of an antd Select as a clerk does — open the list, click the option — and make
 * sure it took. Under load a click can land while the list is still animating in and be lost, so
 * the pick is retried until the select shows the option; then the list must be closed (an open
 * list covers a dialog's buttons). `combobox` is the select's input (e.g. getByLabel('…')).
 */
export async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  const shown = combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const item = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`);
  await expect(async () => {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.click();
    await item.click({ timeout: 2_000 });
    await expect(shown).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // Tab, not Escape: Escape would also close a dialog around the select.
  if ((await combobox.getAttribute('aria-expanded')) === 'true') await combobox.press('Tab');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}
