import type { PaperSize } from './image/pageSize';

/**
 * The papers a counter photographs, each with how it is kept: grey or colour, and its paper size;
 * and `photo` (现场照片, e.g. a home visit's room): a scene, not a paper — kept in colour as shot.
 */
export const PAGE_KINDS = ['hukou', 'idCard', 'idCopy', 'incomeProof', 'disability', 'medical', 'other'] as const;
export const DOCUMENT_KINDS = [...PAGE_KINDS, 'photo'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type PageKind = (typeof PAGE_KINDS)[number];

export const isPhotoKind = (kind: DocumentKind): kind is 'photo' => kind === 'photo';

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

export const DOCUMENT_KIND_SPECS: Record<PageKind, DocumentKindSpec> = {
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

/**
 * 现场照片: colour, no page finding, no perspective correction, the camera's aspect kept; the long
 * edge brought down to the first of `longEdges` whose encoding fits `maxBytes` (never enlarged).
 */
export interface PhotoKindSpec {
  colour: true;
  longEdges: readonly number[];
  maxBytes: number;
  /** Nominal dpi recorded on the page: a scene has no physical size (72, the usual "unknown"). */
  dpi: number;
}
export const PHOTO_SPEC: PhotoKindSpec = { colour: true, longEdges: [1600, 1280, 1024], maxBytes: 400_000, dpi: 72 };

/** Whether a kind is kept in colour (page kinds by their spec, photos always). */
export const kindIsColour = (kind: DocumentKind): boolean => (isPhotoKind(kind) ? PHOTO_SPEC.colour : DOCUMENT_KIND_SPECS[kind].colour);

/** The size a photo is stored at: the long edge at most `longEdge`, the aspect ratio kept, never enlarged. */
export function photoSize(width: number, height: number, longEdge: number): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
