import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROLE_PERMISSIONS, rolesGrant, type Permission, type Role } from '../../common/contract/permissions';

/**
 * The words check of the end-to-end walk: what a clerk sees must be Chinese from the catalog. A
 * dotted lower-case key (`home.overdue`) is an unrendered message; a raw value (`review`,
 * `needs_supplement`) or any other Latin word is an untranslated enum or a hard-coded string —
 * unless it is on the allow-list below or inside an element marked `data-verbatim` (what the
 * user typed or a technical value shown as is: usernames, paths, device ids, versions).
 */

/**
 * Latin-letter words a Chinese clerk does read: standards (GB/T, GA), file formats and sizes, keys,
 * the paper sizes, U 盘, 身份证 ID, 二维码 QR.
 */
export const ALLOWED_WORDS = new Set([
  'GB',
  'T',
  'GA',
  'PDF',
  'JPEG',
  'PNG',
  'QR',
  'Excel',
  'A4',
  'A5',
  'KB',
  'MB',
  'F2',
  'Ctrl',
  'Alt',
  'L',
  'N',
  'B',
  'Enter',
  'Esc',
  'ID',
  'X',
  'USB',
  'U',
  'CVR',
]);

/**
 * Pieces of text removed before the check: ID numbers (whole or masked, with their X), GB/T
 * citations, and the format masks of codes typed from a slip (XXXX-XXXX, https://).
 */
const ALLOWED_PATTERNS = [
  /\b\d{17}[\dX]\b/g,
  /\b\d{6}\*{8}\d{3}[\dX]\b/g,
  /\b\d{14}[\dX]\b/g,
  /GB\/T\s*\d+(\.\d+)?(-\d{4})?/g,
  /\b[Xx]{4,5}(-[Xx]{4,5})+\b/g,
  /^https?:\/\/$/g,
];

export type Finding = { kind: 'key' | 'raw value' | 'latin'; word: string; text: string };

/** Find the words of one piece of screen text that should not be there. */
export function findLeaks(text: string): Finding[] {
  let rest = text;
  for (const p of ALLOWED_PATTERNS) rest = rest.replace(p, ' ');
  const findings: Finding[] = [];
  for (const m of rest.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*/g)) {
    const word = m[0];
    if (ALLOWED_WORDS.has(word)) continue;
    const kind = /^[a-z][a-zA-Z0-9]*(\.[A-Za-z0-9_-]+)+$/.test(word)
      ? 'key'
      : /^[a-z][a-z0-9]*([_-][a-z0-9]+)*$/.test(word)
        ? 'raw value'
        : 'latin';
    findings.push({ kind, word, text: text.slice(0, 120) });
  }
  return findings;
}

/** The visible text of the page, or of the part `within` selects (text nodes, placeholders, labels, titles), outside [data-verbatim]. */
export async function screenTexts(page: Page, within?: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = selector ? document.querySelector(selector) : document.body;
    if (!root) throw new Error(`screenTexts: nothing matches ${selector}`);
    const out: string[] = [];
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const skipped = (el: Element) => el.closest('[data-verbatim], script, style, noscript, svg') !== null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (text && el && !skipped(el) && visible(el)) out.push(text);
    }
    // Attributes a user reads or hears: placeholders, tooltips, image texts, and the names of controls
    // (an icon's own aria-label is antd's icon name, not read as a word of the page).
    const named =
      'input, textarea, select, button, [role="button"], [role="combobox"], [role="textbox"], [role="checkbox"], [role="radio"], [role="dialog"], [role="switch"]';
    for (const el of Array.from(root.querySelectorAll('[placeholder], [title], img[alt], [aria-label]'))) {
      if (skipped(el) || !visible(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title', 'alt']) {
        if (attr === 'aria-label' && !el.matches(named)) continue;
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  }, within);
}

/** Wait until the page has drawn its data: no spinner, skeleton or loading button left. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-btn-loading, .ant-card-loading-content'),
    undefined,
    { timeout: 10_000 },
  );
}

export interface RouteEntry {
  path: string;
  permission: Permission | undefined;
}

/**
 * Every page of renderer/src/routes.tsx with the permission it needs: a new page is walked without touching the test.
 * An entry is read whether it sits on one line or Prettier spread it over several; one it cannot read stops the walk.
 */
export function appRoutes(): RouteEntry[] {
  const source = readFileSync(join(import.meta.dirname, '../../renderer/src/routes.tsx'), 'utf8');
  const routes: RouteEntry[] = [];
  for (const m of source.matchAll(/\{\s*path: '([^']+)'([^{}]*)\}/g)) {
    const permission = /permission: '([^']+)'/.exec(m[2]!)?.[1] as Permission | undefined;
    routes.push({ path: m[1]!, permission });
  }
  const declared = source.match(/\bpath: '/g)?.length ?? 0;
  if (routes.length !== declared) throw new Error(`routes.tsx declares ${declared} paths, the walk read ${routes.length}`);
  return routes;
}

export const routesOf = (role: Role, routes: RouteEntry[]) =>
  routes.filter((r) => r.permission === undefined || rolesGrant([role], r.permission));
export const ALL_ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];
