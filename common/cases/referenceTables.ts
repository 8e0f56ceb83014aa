import { z } from 'zod';
import { isoDateSchema } from '../documents/common';
import { materialItemSchema } from './materials';
import { policyNoticeSchema, standardSchema } from './settings';
import { ASSISTANCE_TYPES, assistanceTypeSchema } from './types';

/**
 * The county reference tables the platform publishes and the workstation applies (`reference` pull
 * items, docs/sync-protocol.md §7.3): the `data` of each table, read at the workstation's boundary.
 * Every version is kept; what is in force on a day follows from the versions and their effective dates
 * (main/core/cases/reference/).
 */
export const REFERENCE_TABLES = { standards: 'standards', materials: 'materials', policyTexts: 'policy-texts' } as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[keyof typeof REFERENCE_TABLES];

/** One 低保 standard the county published: in force from `effectiveFrom` until a later one of the same region and residence. */
export const publishedStandardSchema = standardSchema.omit({ year: true }).extend({ effectiveFrom: isoDateSchema });
export type PublishedStandard = z.infer<typeof publishedStandardSchema>;

/** Table `standards`: the county's whole table at this version (earlier and raised standards side by side, each from its day). */
export const standardsTableSchema = z
  .object({ standards: z.array(publishedStandardSchema).min(1).max(500) })
  .refine((t) => new Set(t.standards.map((s) => `${s.regionPrefix}|${s.residence}|${s.effectiveFrom}`)).size === t.standards.length, {
    message: '同一地区、城乡和生效日期的标准重复',
    path: ['standards'],
  });

/** Table `materials`: the county's checklists of some assistance types, each replacing the shipped one from `effectiveFrom`. */
export const materialsTableSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    source: z.string().trim().max(200).optional(),
    types: z.partialRecord(assistanceTypeSchema, z.array(materialItemSchema).min(1).max(40)),
  })
  .refine((t) => ASSISTANCE_TYPES.some((type) => t.types[type]), { message: '至少应含一种救助类型的材料清单', path: ['types'] });
export type MaterialsTable = z.output<typeof materialsTableSchema>;

/** Table `policy-texts`: the 政策宣传 texts the applicant screen shows, as a whole set from `effectiveFrom`. */
export const policyTextsTableSchema = z.object({ effectiveFrom: isoDateSchema, notices: z.array(policyNoticeSchema).min(1).max(20) });

/** Where a published version came from, as the settings page shows it. */
export const publishedVersionSchema = z.object({
  version: z.number().int(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string(),
  receivedAt: z.string(),
  /** The day it takes effect (standards: the earliest of its rows). */
  effectiveFrom: z.string(),
  /** The version in force today (the newest one whose day has come). */
  inForce: z.boolean(),
});

/** The published reference data held, newest version first, for the county settings page. */
export const referenceInfoSchema = z.object({
  standards: z.array(publishedVersionSchema.extend({ standards: z.array(publishedStandardSchema) })),
  materials: z.array(publishedVersionSchema.extend({ types: z.array(assistanceTypeSchema), source: z.string().nullable() })),
  policyTexts: z.array(publishedVersionSchema.extend({ notices: z.array(policyNoticeSchema) })),
});
export type ReferenceInfo = z.infer<typeof referenceInfoSchema>;
