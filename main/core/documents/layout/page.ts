/**
 * The GB/T 9704-2012 page: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, body 3号 (16 pt) on a grid of
 * 22 lines × 28 characters. All geometry is in PDF points (1/72 inch).
 */
export const mm = (v: number): number => (v * 72) / 25.4;

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(28),
  blockWidth: mm(156),
  blockHeight: mm(225),
  linesPerPage: 22,
  charsPerLine: 28,
  /** 3号 */
  bodySize: 16,
  /** 2号 */
  titleSize: 22,
  /** The red 发文机关标志 */
  headerSize: 24,
  /** 4号, page numbers */
  pageNumberSize: 14,
  /** 小四, tables */
  tableSize: 12,
  /** The page number's top edge sits 7 mm below the text block. */
  pageNumberGap: mm(7),
} as const;

export const BLOCK = {
  left: PAGE.left,
  top: PAGE.top,
  right: PAGE.left + PAGE.blockWidth,
  bottom: PAGE.top + PAGE.blockHeight,
  /** One grid line: 225 mm / 22 ≈ 28.99 pt (a character plus 7/8 of one). */
  pitch: PAGE.blockHeight / PAGE.linesPerPage,
  /** One grid character: 156 mm / 28 ≈ 15.79 pt, so 28 characters fill the line exactly. */
  charPitch: PAGE.blockWidth / PAGE.charsPerLine,
} as const;

/** Official red of the 发文机关标志 and the separator line. */
export const RED = '#D40000';

/** In the Noto CJK fonts the ideographic em box spans 0.88 em above the baseline to 0.12 em below. */
export const EM_ASCENT = 0.88;
