import { expect, type Page } from '@playwright/test';

/** Open the capture page on a tab, recording every request the page makes (for the no-network check). */
export async function openCaptureTab(page: Page, url: string, tab: '摄像头设置' | '人脸采集' | '材料拍摄' | '签名'): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.evaluate(() => (window.location.hash = '#/capture'));
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  return requests;
}

/** Every request stayed on the app's own origin (or in-page data:/blob: URLs). */
export function offOrigin(requests: string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}
