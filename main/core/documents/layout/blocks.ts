/**
 * The layout model: a document is a list of blocks, built by a renderer from its data, then laid
 * out on the GB/T 9704 grid by layout/render.ts. Keeping the blocks plain data lets the glyph
 * check see every character before anything is drawn, and lets tests inspect a document's words.
 */

export type FontKey = 'serif' | 'serifBold' | 'sans';

/** The red 发文机关标志 with optional 文号 and the red separator line. */
export interface HeaderBlock {
  kind: 'header';
  lines: string[];
  docNo?: string;
}

/** 份号/密级 position (block's top-left): marks such as 公开副本 or 补打. */
export interface MarksBlock {
  kind: 'marks';
  text: string;
}

export interface TitleBlock {
  kind: 'title';
  text: string;
}

/** Body text on the grid. `indent` is in characters (2 for ordinary paragraphs). */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  indent?: number;
  /** Indent of the lines after the first, in characters (hanging lists). */
  hangingIndent?: number;
  font?: FontKey;
  align?: 'justify' | 'center' | 'right';
}

/** 一、 in 黑体 (our sans), （一） in 楷体 (our serif bold stands in), 1. in 仿宋 (serif). */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface TableCell {
  text: string;
  span?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** Minimum height in table lines (signature boxes). */
  minLines?: number;
}

export interface TableBlock {
  kind: 'table';
  /** Relative column widths. */
  columns: number[];
  header?: TableCell[];
  rows: TableCell[][];
  size?: number;
}

export interface ImageItem {
  label: string;
  /** Field path of the image in the data, for error messages. */
  field: string;
  data: Uint8Array;
  widthMm: number;
  heightMm: number;
}

export interface ImagesBlock {
  kind: 'images';
  items: ImageItem[];
  caption?: string;
}

export interface QrBlock {
  kind: 'qr';
  /** The module matrix, row-major, true = dark. */
  modules: boolean[][];
  sizeMm: number;
  caption: string[];
}

/** Issuer and date, right-aligned with room for the seal (印章). */
export interface SignatureBlock {
  kind: 'signature';
  issuer: string;
  date: string;
}

export interface SpacerBlock {
  kind: 'spacer';
  lines: number;
}

export type Block =
  HeaderBlock | MarksBlock | TitleBlock | ParagraphBlock | HeadingBlock | TableBlock | ImagesBlock | QrBlock | SignatureBlock | SpacerBlock;

export interface DocumentLayout {
  /** PDF metadata title. */
  title: string;
  author: string;
  blocks: Block[];
}

/** Every piece of text in the blocks with the font that will draw it, for the glyph check. */
export function textRuns(blocks: Block[]): { text: string; font: FontKey }[] {
  const runs: { text: string; font: FontKey }[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'header':
        b.lines.forEach((text) => runs.push({ text, font: 'serifBold' }));
        if (b.docNo) runs.push({ text: b.docNo, font: 'serif' });
        break;
      case 'marks':
        runs.push({ text: b.text, font: 'sans' });
        break;
      case 'title':
        runs.push({ text: b.text, font: 'serifBold' });
        break;
      case 'paragraph':
        runs.push({ text: b.text, font: b.font ?? 'serif' });
        break;
      case 'heading':
        runs.push({ text: b.text, font: headingFont(b.level) });
        break;
      case 'table':
        [...(b.header ?? []), ...b.rows.flat()].forEach((c) => runs.push({ text: c.text, font: 'sans' }));
        break;
      case 'images':
        b.items.forEach((i) => runs.push({ text: i.label, font: 'sans' }));
        if (b.caption) runs.push({ text: b.caption, font: 'serif' });
        break;
      case 'qr':
        b.caption.forEach((text) => runs.push({ text, font: 'sans' }));
        break;
      case 'signature':
        runs.push({ text: b.issuer, font: 'serif' }, { text: b.date, font: 'serif' });
        break;
      case 'spacer':
        break;
    }
  }
  return runs;
}

export const headingFont = (level: 1 | 2 | 3): FontKey => (level === 1 ? 'sans' : level === 2 ? 'serifBold' : 'serif');
