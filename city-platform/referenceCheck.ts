import type { z } from 'zod';
import { materialsTableSchema, policyTextsTableSchema, REFERENCE_TABLES, standardsTableSchema } from '../common/cases/referenceTables';
import { holidayCalendarSchema } from '../common/calendar/schema';
import { firstIssue, issueText } from '../sync-protocol/records/index';

/** The tables whose `data` the workstations read with a schema: checked before publishing, so a bad file never reaches them. */
const KNOWN: Record<string, z.ZodType> = {
  [REFERENCE_TABLES.standards]: standardsTableSchema,
  [REFERENCE_TABLES.materials]: materialsTableSchema,
  [REFERENCE_TABLES.policyTexts]: policyTextsTableSchema,
  'working-days': holidayCalendarSchema,
};

/** What is wrong with the data of a known table (the field and why), or null; other tables are published as given. */
export function referenceDataProblem(table: string, data: unknown): string | null {
  const schema = KNOWN[table];
  if (!schema) return null;
  const parsed = schema.safeParse(data);
  return parsed.success ? null : issueText(firstIssue('data', parsed.error));
}
