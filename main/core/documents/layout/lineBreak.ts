/**
 * Chinese line breaking (禁则), by hand because pdfkit breaks only at spaces.
 * Any character may end a line, except that:
 * - no line starts with closing punctuation (，。、；：？！）》”’ …);
 * - no line ends with opening punctuation (（《“‘ …);
 * - runs of Latin letters and digits (1,200.50  2026-11  500110********1234) stay whole.
 * Offending characters are pushed to the next line (推出) rather than hung into the margin, because
 * the text block is a hard limit; only when a single unit fills a whole line does a closing mark
 * hang after it. Pure: widths come from the injected `measure`.
 */

export const NO_LINE_START = new Set(Array.from('，。、；：？！）》〉」』】〕］｝”’…—·％,.;:?!)]}%'));
export const NO_LINE_END = new Set(Array.from('（《〈「『【〔［｛“‘([{'));

export interface BrokenLine {
  text: string;
  width: number;
  /** The last line of a paragraph (or before a hard newline): not justified. */
  last: boolean;
}

export interface BreakOptions {
  /** Width of the first line when it differs (indented paragraphs). */
  firstLineWidth?: number;
}

/** Split text into unbreakable units: one CJK character, or one run of Latin letters/digits. */
export function units(text: string): string[] {
  return text.match(/[A-Za-z0-9*]+(?:[.,:/\-_+@][A-Za-z0-9*]+)*%?|\n|[\s\S]/gu) ?? [];
}

const first = (u: string): string => Array.from(u)[0] ?? '';
const lastChar = (u: string): string => Array.from(u).at(-1) ?? '';

export function breakLines(text: string, width: number, measure: (s: string) => number, opts: BreakOptions = {}): BrokenLine[] {
  const out: BrokenLine[] = [];
  const limit = () => (out.length === 0 ? (opts.firstLineWidth ?? width) : width) + 1e-6;
  let cur: string[] = [];
  let curW = 0;
  const sum = (us: string[]) => us.reduce((w, u) => w + measure(u), 0);
  const push = (last: boolean) => {
    out.push({ text: cur.join(''), width: curW, last });
    cur = [];
    curW = 0;
  };

  const queue = units(text);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    if (u === '\n') {
      push(true);
      continue;
    }
    const w = measure(u);
    if (w > limit() && Array.from(u).length > 1) {
      // A Latin run longer than a line: break it between characters.
      queue.splice(i, 1, ...Array.from(u));
      i--;
      continue;
    }
    if (cur.length === 0 || curW + w <= limit()) {
      cur.push(u);
      curW += w;
      continue;
    }
    // Overflow: break before u, then move characters down until the rules hold.
    const carry = [u];
    while (cur.length > 1 && (NO_LINE_START.has(first(carry[0]!)) || NO_LINE_END.has(lastChar(cur.at(-1)!)))) {
      carry.unshift(cur.pop()!);
    }
    // Pathological case (a unit as wide as the line, then a closing mark): hang the mark rather
    // than start the next line with it.
    while (carry.length > 0 && NO_LINE_START.has(first(carry[0]!))) cur.push(carry.shift()!);
    if (carry.length === 0) {
      curW = sum(cur);
      continue;
    }
    curW = sum(cur);
    push(false);
    cur = carry;
    curW = sum(cur);
    // The carried characters may themselves overflow (very narrow widths): give back what can
    // legally start a later line; a run of closing marks too long to split is left to overflow.
    while (curW > limit() && cur.length > 1 && !NO_LINE_START.has(first(cur.at(-1)!)) && !NO_LINE_END.has(lastChar(cur.at(-2)!))) {
      const back = cur.pop()!;
      curW = sum(cur);
      queue.splice(i + 1, 0, back);
    }
  }
  if (cur.length > 0 || out.length === 0) push(true);
  else if (out.length > 0) out[out.length - 1]!.last = true;
  return out;
}
