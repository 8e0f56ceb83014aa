/**
 * Where the document fonts are at run time. scripts/copyFonts.js puts them in resources/fonts at
 * the repository root; the packaged app ships resources/ as extraResources (beside app.asar).
 * Core runs from main/core/… (tests, tsx), out/main/… (built shells) or the packaged app, so
 * walk up from this module and look beside Electron's resources path too.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_FILES } from '../fonts';

export function findFontsDir(): string {
  const env = process.env.JIUZHU_FONTS_DIR;
  if (env) return env;
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'resources', 'fonts'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'resources', 'fonts'));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const found = candidates.find((c) => existsSync(join(c, FONT_FILES.serif)));
  // loadDocumentFonts reports DOC_FONTS_MISSING naming the first candidate.
  return found ?? candidates[0]!;
}
