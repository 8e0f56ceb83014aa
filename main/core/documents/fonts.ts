/**
 * The CJK fonts every document embeds (as subsets): Noto Serif SC regular and bold for body and
 * titles, Noto Sans SC for tables and 一、 headings. They are copied into resources/fonts by
 * scripts/copyFonts.js; callers pass that directory. Loaded once per directory and kept.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { JiuzhuError } from '../../../common/contract/errors';
import type { FontKey } from './layout/blocks';

export const FONT_FILES: Record<FontKey, string> = {
  serif: 'NotoSerifSC-Regular.ttf',
  serifBold: 'NotoSerifSC-Bold.ttf',
  sans: 'NotoSansSC-Regular.ttf',
};

export interface DocumentFonts {
  dir: string;
  /** The TTF bytes handed to pdfkit, which subsets them into each PDF. */
  files: Record<FontKey, Buffer>;
  /** Parsed fonts for the cmap (glyph coverage) check. */
  faces: Record<FontKey, Font>;
}

const cache = new Map<string, DocumentFonts>();

export function loadDocumentFonts(fontsDir: string): DocumentFonts {
  const hit = cache.get(fontsDir);
  if (hit) return hit;
  const files = {} as Record<FontKey, Buffer>;
  const faces = {} as Record<FontKey, Font>;
  for (const key of Object.keys(FONT_FILES) as FontKey[]) {
    const path = join(fontsDir, FONT_FILES[key]);
    if (!existsSync(path)) throw new JiuzhuError('DOC_FONTS_MISSING', { file: path }, { file: path });
    files[key] = readFileSync(path);
    faces[key] = create(files[key]);
  }
  const fonts = { dir: fontsDir, files, faces };
  cache.set(fontsDir, fonts);
  return fonts;
}

/** Characters of `text` the font has no glyph for (in order, once each); whitespace is ignored. */
export function missingGlyphs(text: string, face: Font): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    if (!face.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}
