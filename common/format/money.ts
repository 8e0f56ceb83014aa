/**
 * Money as integer fen (分). Amounts are never held in floating point: 1200.50 yuan is 120050 fen.
 * Decisions print the amount twice, in figures (1,200.50元) and in capitals (人民币壹仟贰佰元伍角).
 */

/** The largest amount these helpers accept: 999,999,999,999.99 yuan (below 2^53 fen). */
export const MAX_FEN = 99_999_999_999_999;

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_FEN) {
    throw new RangeError(`amount must be a whole number of fen between 0 and ${MAX_FEN}: ${fen}`);
  }
}

/** Parse "1200", "1,200.5", "0.05" (yuan) into fen without floating point; null when not a valid amount. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = m[1]!.replace(/,/g, '');
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (whole.length > 13) return null;
  const fen = Number(whole) * 100 + Number(frac);
  return fen <= MAX_FEN ? fen : null;
}

/** 120050 → "1200.50"; with grouping → "1,200.50". */
export function formatYuan(fen: number, opts: { grouping?: boolean } = {}): string {
  assertFen(fen);
  const yuan = String(Math.floor(fen / 100));
  const cents = String(fen % 100).padStart(2, '0');
  const whole = opts.grouping ? yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : yuan;
  return `${whole}.${cents}`;
}

/** 120050 → "1,200.50元", the figure form printed on notices. */
export function yuanText(fen: number): string {
  return `${formatYuan(fen, { grouping: true })}元`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Capitals for a whole number of yuan, 0 < n < 10^16, following the usual bank-cheque rules. */
function integerCapitals(n: string): string {
  // Split into groups of four digits from the right: each group gets 万/亿.
  const groups: string[] = [];
  for (let end = n.length; end > 0; end -= 4) groups.unshift(n.slice(Math.max(0, end - 4), end));
  let out = '';
  let pendingZero = false;
  let previousGroupZero = false;
  groups.forEach((group, gi) => {
    const bigUnit = BIG_UNITS[groups.length - 1 - gi]!;
    const digits = group.padStart(4, '0');
    let groupText = '';
    // Trailing zeros of the group above do not cross its 万/亿; a whole zero group does.
    pendingZero = out !== '' && previousGroupZero;
    for (let i = 0; i < 4; i++) {
      const d = Number(digits[i]);
      if (d === 0) {
        if (out !== '' || groupText !== '') pendingZero = true;
        continue;
      }
      if (pendingZero) groupText += '零';
      pendingZero = false;
      groupText += DIGITS[d]! + SMALL_UNITS[3 - i]!;
    }
    if (groupText !== '') out += groupText + bigUnit;
    previousGroupZero = groupText === '';
  });
  return out;
}

/**
 * 120000 → 人民币壹仟贰佰元整; 120050 → 人民币壹仟贰佰元伍角; 5 → 人民币伍分; 0 → 人民币零元整;
 * 1000500 → 人民币壹万零伍元整; 10000000000 → 人民币壹亿元整.
 */
export function yuanCapitals(fen: number, opts: { prefix?: boolean } = {}): string {
  assertFen(fen);
  const prefix = opts.prefix === false ? '' : '人民币';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const fenDigit = fen % 10;
  if (fen === 0) return `${prefix}零元整`;
  let out = yuan > 0 ? `${integerCapitals(String(yuan))}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${prefix}${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  return prefix + out;
}
