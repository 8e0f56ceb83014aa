import type { Locator, Page } from '@playwright/test';

/**
 * The 适老化 check of the applicant screen, measured in the page (axe-core is not installed, and it
 * does not judge against 24 px): every visible text node's computed font size, and its contrast ratio
 * (WCAG 2.x: (L1 + 0.05) / (L2 + 0.05) of the relative luminances) against the background it is
 * drawn on — the background colours of its ancestors composited over the white canvas, alpha and
 * opacity included; text with a text-shadow halo (captions over the camera picture) is judged
 * against its halo. Text of an inactive control is exempt, as WCAG 1.4.3 exempts it.
 */
export interface TextMeasure {
  text: string;
  fontPx: number;
  ratio: number;
  color: string;
  background: string;
  heading: boolean;
}

export async function measureTexts(root: Locator): Promise<TextMeasure[]> {
  return root.evaluate((top) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA | null => {
      const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(c);
      if (!m) return null;
      const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [parseFloat(m[1]!), parseFloat(m[2]!), parseFloat(m[3]!), a];
    };
    const over = (fg: RGBA, bg: RGBA): RGBA => [0, 1, 2].map((i) => fg[i]! * fg[3] + bg[i]! * (1 - fg[3])).concat(1) as RGBA;
    const luminance = (c: RGBA) => {
      const [r, g, b] = [c[0], c[1], c[2]].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratioOf = (a: RGBA, b: RGBA) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (l1! + 0.05) / (l2! + 0.05);
    };
    const backgroundOf = (el: Element): RGBA => {
      const chain: Element[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
      let bg: RGBA = [255, 255, 255, 1];
      for (const e of chain) {
        const s = getComputedStyle(e);
        const c = parse(s.backgroundColor);
        if (c && c[3] > 0) bg = over([c[0], c[1], c[2], c[3] * parseFloat(s.opacity)], bg);
      }
      return bg;
    };
    const opacityOf = (el: Element) => {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
      return o;
    };
    const out: TextMeasure[] = [];
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest('script, style, noscript, svg')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (el.closest(':disabled, [aria-disabled="true"], .ant-btn-disabled')) continue;
      const s = getComputedStyle(el);
      const fg = parse(s.color) ?? [0, 0, 0, 1];
      const halo = s.textShadow !== 'none' ? parse(s.textShadow) : null;
      const bg = halo ? ([halo[0], halo[1], halo[2], 1] as RGBA) : backgroundOf(el);
      const drawn = over([fg[0], fg[1], fg[2], fg[3] * opacityOf(el)], bg);
      out.push({
        text: text.slice(0, 60),
        fontPx: parseFloat(s.fontSize),
        ratio: Math.round(ratioOf(drawn, bg) * 100) / 100,
        color: s.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
        heading: el.closest('h1, h2, h3, h4, h5, .ant-card-head-title, .ant-modal-title') !== null,
      });
    }
    return out;
  });
}

/** What fails the screen's rules: body text under `minPx`, headings not larger than `minPx`, contrast under 7:1 (WCAG 1.4.6, AAA). */
export function legibilityProblems(measures: TextMeasure[], minPx: number): string[] {
  const problems: string[] = [];
  for (const m of measures) {
    if (m.fontPx < minPx) problems.push(`${m.fontPx}px < ${minPx}px: ${m.text}`);
    if (m.heading && m.fontPx <= minPx) problems.push(`heading ${m.fontPx}px not larger than ${minPx}px: ${m.text}`);
    if (m.ratio < 7) problems.push(`contrast ${m.ratio}:1 < 7:1 (${m.color} on ${m.background}): ${m.text}`);
  }
  return problems;
}

/** Measure one state of the screen at both sizes (标准, then 大字), and put it back to 标准. */
export async function checkBothSizes(
  screen: Page,
  root: Locator,
  state: string,
): Promise<Array<{ state: string; size: string; texts: number; minPx: number; minRatio: number; problems: string[] }>> {
  const rows = [];
  for (const [size, minPx] of [
    ['standard', 24],
    ['large', 32],
  ] as const) {
    await screen.getByTestId(`text-size-${size}`).click();
    await screen.locator(`[data-text-size="${size}"]`).first().waitFor();
    // Measured once the controls' colour and size transitions have run (antd animates them).
    await screen.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
    const measures = await measureTexts(root);
    rows.push({
      state,
      size,
      texts: measures.length,
      minPx: Math.min(...measures.map((m) => m.fontPx)),
      minRatio: Math.min(...measures.map((m) => m.ratio)),
      problems: legibilityProblems(measures, minPx),
    });
  }
  await screen.getByTestId('text-size-standard').click();
  return rows;
}
