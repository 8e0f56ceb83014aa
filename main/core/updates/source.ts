import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../kernel/store/fsAtomic';
import { updatesDir } from './updater';

/**
 * The county's update address for this workstation: set on 程序更新 (kept in
 * `<data>/updates/source.json`, no personal data), else the machine preset's `updateUrl`.
 */
const sourceFileSchema = z.object({ url: z.string().url().max(400) }).strict();

const pathOf = (dataDir: string) => join(updatesDir(dataDir), 'source.json');

export function readUpdateSource(
  dataDir: string,
  presetUrl: string | undefined,
): { url: string | null; from: 'station' | 'preset' | 'none' } {
  try {
    const parsed = sourceFileSchema.safeParse(JSON.parse(readFileSync(pathOf(dataDir), 'utf8')));
    if (parsed.success) return { url: parsed.data.url, from: 'station' };
  } catch {
    // none set here yet (or a damaged file, which setting the address again replaces)
  }
  return presetUrl ? { url: presetUrl, from: 'preset' } : { url: null, from: 'none' };
}

export function writeUpdateSource(dataDir: string, url: string): void {
  mkdirSync(updatesDir(dataDir), { recursive: true });
  writeFileAtomicSync(pathOf(dataDir), Buffer.from(`${JSON.stringify(sourceFileSchema.parse({ url }))}\n`));
}
