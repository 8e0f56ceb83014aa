import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { holidayCalendarSchema } from '../../../common/calendar/schema';
import type { HolidayCalendar } from '../../../common/calendar/workingDays';
import { materialsChecklistSchema, type MaterialsChecklist } from '../../../common/cases/materials';
import { standardSchema, type Standard } from '../../../common/cases/settings';
import { findResourcesDir } from '../kernel/app/resourcesDir';

/** Where the shipped resources are (kept here for the features that load case resources). */
export { findResourcesDir };

/** The reference data shipped in resources/: holiday calendar, materials checklists, local standards. */
export interface CaseResources {
  calendar: HolidayCalendar;
  materials: MaterialsChecklist;
  standards: Standard[];
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
