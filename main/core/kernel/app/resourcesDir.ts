import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Find the resources folder: the nearest ancestor of this module holding resources/calendar (the
 * repo root in development and tests, out/.. when built, and process.resourcesPath when packaged,
 * where resources/ sits beside app.asar).
 */
export function findResourcesDir(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'calendar', 'cn-holidays.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`resources/calendar not found above ${start}`);
}
