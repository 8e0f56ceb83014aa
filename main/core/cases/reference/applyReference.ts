import type { z } from 'zod';
import type { JiuzhuError } from '../../../../common/contract/errors';
import {
  materialsTableSchema,
  policyTextsTableSchema,
  REFERENCE_TABLES,
  standardsTableSchema,
  type ReferenceTable,
} from '../../../../common/cases/referenceTables';
import { issue, pullItemRefusal, readAs, readPullItem } from '../../../../sync-protocol/records/index';
import type { Db } from '../../kernel/store/types';
import { PublishedReferenceRepo } from './publishedReferenceRepo';

interface TableRule<S extends z.ZodType> {
  schema: S;
  /** The day a version takes effect: its own, or (standards) the earliest of its rows. */
  effectiveFrom: (data: z.output<S>) => string;
}

const rule = <S extends z.ZodType>(r: TableRule<S>) => r as unknown as TableRule<z.ZodType>;

/** How each county table reads and when it takes effect. */
export const TABLE_RULES: Record<ReferenceTable, TableRule<z.ZodType>> = {
  [REFERENCE_TABLES.standards]: rule({
    schema: standardsTableSchema,
    effectiveFrom: (d) => d.standards.map((s) => s.effectiveFrom).sort()[0]!,
  }),
  [REFERENCE_TABLES.materials]: rule({ schema: materialsTableSchema, effectiveFrom: (d) => d.effectiveFrom }),
  [REFERENCE_TABLES.policyTexts]: rule({ schema: policyTextsTableSchema, effectiveFrom: (d) => d.effectiveFrom }),
};

/**
 * A `reference` item of a county table: its data read with the table's schema (a bad one is refused
 * naming the field, and kept in pulled_item by the engine) and kept as one more version, with who
 * published it and when. A version delivered again changes nothing.
 */
export function applyReferenceItem(
  db: Db,
  table: ReferenceTable,
  item: unknown,
  receivedAt: string,
  audit: (details: Record<string, string | number>) => void,
): JiuzhuError | undefined {
  const read = readPullItem('reference', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { version, data, at, publishedBy } = read.value;
  const { schema, effectiveFrom } = TABLE_RULES[table];
  const parsed = readAs('reference', schema, data);
  if (!parsed.ok) return pullItemRefusal(issue('reference', `data.${parsed.issue.path}`, parsed.issue.message));
  const repo = new PublishedReferenceRepo(db);
  if (repo.has(table, version)) return undefined;
  const from = effectiveFrom(parsed.value);
  const publishedAt = new Date(at).toISOString();
  repo.put({ table, version, data: parsed.value, effectiveFrom: from, publishedBy: publishedBy ?? null, publishedAt, receivedAt });
  // The publisher's name stays in the table (the audit log holds numbers and codes only).
  audit({ table, version, effectiveFrom: from, publishedAt });
  return undefined;
}
