import type { PaperSize } from './image/pageSize';

/** The papers a counter photographs, each with how it is kept: grey or colour, and its paper size. */
export const DOCUMENT_KINDS = ['hukou', 'idCard', 'idCopy', 'incomeProof', 'disability', 'medical', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentKindSpec {
  /** Colour where colour carries proof (seals on a card, the photo page of 残疾证); grey otherwise. */
  colour: boolean;
  /** Nominal paper size; pages within 10 % of its proportions are output at exactly this size. */
  paper: PaperSize;
  /** Byte budget per page. */
  maxBytes: number;
}

const A4 = { longMm: 297, shortMm: 210 };
const GREY_BUDGET = 120_000;
const COLOUR_BUDGET = 160_000;

export const DOCUMENT_KIND_SPECS: Record<DocumentKind, DocumentKindSpec> = {
  // 户口簿 inner pages (approx. 143 × 105 mm).
  hukou: { colour: false, paper: { longMm: 143, shortMm: 105 }, maxBytes: GREY_BUDGET },
  // The card itself: ISO/IEC 7810 ID-1, 85.6 × 54 mm, in colour (photo, emblem, seal ink).
  idCard: { colour: true, paper: { longMm: 85.6, shortMm: 54 }, maxBytes: COLOUR_BUDGET },
  idCopy: { colour: false, paper: A4, maxBytes: GREY_BUDGET },
  incomeProof: { colour: false, paper: A4, maxBytes: GREY_BUDGET },
  // 残疾证 booklet pages (approx. 130 × 95 mm), colour for the photo and the seal.
  disability: { colour: true, paper: { longMm: 130, shortMm: 95 }, maxBytes: COLOUR_BUDGET },
  medical: { colour: false, paper: A4, maxBytes: GREY_BUDGET },
  other: { colour: false, paper: A4, maxBytes: GREY_BUDGET },
};

/** Legibility bound: SSIM over the page's ink windows between the deskewed page and its compressed copy (see image/ssim.test.ts). */
export const MIN_PAGE_SSIM = 0.9;
/** Output resolution of every page. */
export const PAGE_DPI = 150;
