import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { holidayCalendarSchema } from '../../../common/calendar/schema';
import type { HolidayCalendar } from '../../../common/calendar/workingDays';
import { materialsChecklistSchema, type MaterialsChecklist } from '../../../common/cases/materials';
import { standardSchema, type Standard } from '../../../common/cases/settings';

/** The reference data shipped in resources/: holiday calendar, materials checklists, local standards. */
export interface CaseResources {
  calendar: HolidayCalendar;
  materials: MaterialsChecklist;
  standards: Standard[];
}

/**
 * Find the resources folder: an injected path, else the nearest ancestor of this module holding
 * resources/calendar (the repo root in development and tests, out/.. when built, and
 * process.resourcesPath when packaged, where resources/ sits beside app.asar).
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

const standardsFileSchema = z.object({ source: z.string().optional(), standards: z.array(standardSchema) });

export function loadCaseResources(resourcesDir = findResourcesDir()): CaseResources {
  const read = (path: string) => JSON.parse(readFileSync(join(resourcesDir, path), 'utf8')) as unknown;
  return {
    calendar: holidayCalendarSchema.parse(read('calendar/cn-holidays.json')),
    materials: materialsChecklistSchema.parse(read('cases/materials.json')),
    standards: standardsFileSchema.parse(read('cases/standards.json')).standards,
  };
}
