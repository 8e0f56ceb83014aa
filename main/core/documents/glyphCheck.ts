/**
 * Rare characters (生僻字) that the fonts lack would print as blank boxes. Every document's text is
 * checked against the cmap of the font that will draw it BEFORE anything is rendered; a miss is a
 * typed error naming the characters and the data fields they came from.
 */
import { JiuzhuError } from '../../../common/contract/errors';
import type { FontKey } from './layout/blocks';
import { textRuns, type Block } from './layout/blocks';
import { missingGlyphs, type DocumentFonts } from './fonts';

export interface MissingGlyphReport {
  chars: string[];
  /** Data field paths whose text holds a missing character, e.g. applicant.name. */
  fields: string[];
}

/** Check free text (a name typed at intake, say) against a font without building a document. */
export function findMissingGlyphs(text: string, fonts: DocumentFonts, font: FontKey = 'serif'): string[] {
  return missingGlyphs(text, fonts.faces[font]);
}

function stringLeaves(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringLeaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) stringLeaves(v, path ? `${path}.${k}` : k, out);
  }
}

export function checkBlocksGlyphs(blocks: Block[], fonts: DocumentFonts, data: unknown): MissingGlyphReport | null {
  const chars = new Set<string>();
  for (const run of textRuns(blocks)) for (const ch of missingGlyphs(run.text, fonts.faces[run.font])) chars.add(ch);
  if (chars.size === 0) return null;
  const leaves: [string, string][] = [];
  stringLeaves(data, '', leaves);
  const fields = leaves.filter(([, s]) => [...chars].some((c) => s.includes(c))).map(([p]) => p);
  return { chars: [...chars], fields };
}

export function assertGlyphs(blocks: Block[], fonts: DocumentFonts, data: unknown): void {
  const report = checkBlocksGlyphs(blocks, fonts, data);
  if (!report) return;
  throw new JiuzhuError(
    'DOC_MISSING_GLYPH',
    { chars: report.chars.join('、'), fields: report.fields.join('、') || '文书模板' },
    { chars: report.chars, fields: report.fields },
  );
}
