import { z } from 'zod';
import { defineMethod } from '../define';

/**
 * Roster import (issue 16 item 1b): the households already on 低保 / 特困 / 低保边缘 / 刚性支出困难 in
 * the previous system's Excel export, put on this station's roster. `preview` reads and checks
 * the file and writes nothing; `confirm` writes the households that passed, for the very file
 * previewed; each import keeps a report. See main/core/rosterImport/README.md.
 */

/** The .xlsx as base64 (the inputs' 16 MB text bound holds a file of about 12 MB: some 60,000 member rows). */
const fileBase64 = z
  .string()
  .min(4)
  .max(16_000_000)
  .regex(/^[A-Za-z0-9+/]+=*$/);
const fileName = z.string().trim().min(1).max(200);

export const ROSTER_ROW_PROBLEMS = [
  'ID_INVALID',
  'ID_MISSING',
  'NAME_MISSING',
  'NAME_DIFFERS',
  'DUPLICATE_IN_FILE',
  'ON_ROSTER',
  'CATEGORY_UNKNOWN',
  'CATEGORY_SUBTYPE',
  'CATEGORY_CONFLICT',
  'AMOUNT_INVALID',
  'AMOUNT_MISSING',
  'AMOUNT_NOT_MONTHLY',
  'MONTH_INVALID',
  'MONTH_MISSING',
  'DATE_INVALID',
  'RELATIONSHIP_UNKNOWN',
  'SEX_MISMATCH',
  'BIRTH_MISMATCH',
  'NO_HEAD',
  'HEAD_NOT_SELF',
  'SELF_NOT_HEAD',
  'SIZE_MISMATCH',
  'HOUSEHOLD_CONFLICT',
  'HOUSEHOLD_UNKNOWN',
  'NO_MEMBERS',
  'TOO_MANY_MEMBERS',
] as const;
export const rosterRowProblemSchema = z.enum(ROSTER_ROW_PROBLEMS);
export type RosterRowProblem = z.infer<typeof rosterRowProblemSchema>;

/** One problem of one sheet row; every household with a problem on any of its rows is skipped. */
export const rosterRowErrorSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  code: rosterRowProblemSchema,
  /** zh-CN, naming the column and what to correct. */
  message: z.string(),
});
export type RosterRowError = z.infer<typeof rosterRowErrorSchema>;

export const ROSTER_IMPORT_TYPES = [
  'dibao-urban',
  'dibao-rural',
  'tekun-centralized',
  'tekun-dispersed',
  'marginal',
  'rigid-expense',
] as const;
const countsByType = z.object(
  Object.fromEntries(ROSTER_IMPORT_TYPES.map((t) => [t, z.number().int()])) as Record<(typeof ROSTER_IMPORT_TYPES)[number], z.ZodNumber>,
);

export const rosterImportTotalsSchema = z.object({
  /** Households and member rows found in the file. */
  households: z.number().int(),
  members: z.number().int(),
  /** What passes every check and is (or was) written. */
  importHouseholds: z.number().int(),
  importMembers: z.number().int(),
  /** Households passing, per category. */
  byType: countsByType,
  /** The monthly amount of the households passing, in fen. */
  monthlyFen: z.number().int(),
  skippedHouseholds: z.number().int(),
  /** Rows with at least one problem. */
  errorRows: z.number().int(),
});

const errorsShown = z.array(rosterRowErrorSchema).max(1000);

export const rosterImportPreview = defineMethod({
  summary:
    'Read an .xlsx roster export and check every row (ID numbers, duplicates in the file and in the store, categories, amounts, months, households without 户主); writes nothing (the preview is audited with counts only).',
  permission: 'roster.import',
  input: z.object({ fileName, fileBase64 }).strict(),
  output: z.object({
    /** Names this preview; `confirm` takes it with the same file. */
    token: z.string(),
    sha256: z.string(),
    layout: z.enum(['member-rows', 'two-sheets']),
    sheets: z.array(z.string()),
    /** Columns recognised, by header as written. */
    columns: z.array(z.object({ header: z.string(), column: z.string() })),
    totals: rosterImportTotalsSchema,
    /** The first 1000 problems, by sheet and row. */
    errors: errorsShown,
    /** This very file was imported before (the households already on the roster are refused row by row). */
    importedBefore: z.object({ id: z.string(), at: z.string() }).nullable(),
  }),
});

export const rosterImportReportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  totals: rosterImportTotalsSchema,
  errors: errorsShown,
});
export type RosterImportReport = z.infer<typeof rosterImportReportSchema>;

export const rosterImportConfirm = defineMethod({
  summary:
    'Write the households of the previewed file that pass every check onto the roster, in one transaction, and keep the import report (audited with counts only).',
  permission: 'roster.import',
  input: z.object({ token: z.string().min(8).max(80), fileName, fileBase64 }).strict(),
  output: rosterImportReportSchema,
});

export const rosterImportReports = defineMethod({
  summary: 'The roster imports of this station, newest first (counts only).',
  permission: 'roster.import',
  input: z.object({}).strict(),
  output: z.object({ reports: z.array(rosterImportReportSchema.omit({ errors: true })) }),
});

export const rosterImportReport = defineMethod({
  summary: 'One roster import report with the rows skipped and why.',
  permission: 'roster.import',
  input: z.object({ id: z.string().min(1).max(64) }).strict(),
  output: rosterImportReportSchema,
});

/** A household of the platform's roster (a pulled `roster.recipient`) not written here, and why. */
export const recipientConflictSchema = z.object({
  idNumberMasked: z.string(),
  name: z.string(),
  code: z.string(),
  message: z.string(),
  receivedAt: z.string(),
});

export const rosterImportRecipientConflicts = defineMethod({
  summary:
    'Households of the platform’s roster (pulled roster.recipient items) not written here because a member is on this station’s roster already, each with its reason, newest first (audited with the count).',
  permission: 'roster.import',
  input: z.object({}).strict(),
  output: z.object({ rows: z.array(recipientConflictSchema) }),
});

/** A household's values as a refused `roster.imported` sent them, or as the platform holds them (its pulled `roster.recipient`). */
export const rosterValuesSchema = z.object({
  /** The roster's category key (`dibao-urban`, `tekun-dispersed`, `marginal` …). */
  category: z.string(),
  amountFen: z.number().int().nonnegative(),
  monthly: z.boolean(),
  sinceMonth: z.string(),
  nextReviewOn: z.string(),
});

/** A `roster.imported` the platform refused and nobody settled: why, both sides' values, and whether the platform's can be taken here. */
export const refusedImportSchema = z.object({
  recordId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  headName: z.string(),
  idNumberMasked: z.string(),
  /** The platform's kind of refusal (docs/sync-protocol.md §5.10); `unknown` for an answer kept before the kind travelled. */
  refusal: z.enum(['case-held', 'other-station', 'matched-elsewhere', 'differs', 'unknown']),
  /** The station the platform holds the household for, when it is another's (its code, shown as it is). */
  otherStation: z.string().nullable(),
  station: rosterValuesSchema,
  platform: rosterValuesSchema.nullable(),
  adopt: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true) }),
    z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
});
export type RefusedImport = z.infer<typeof refusedImportSchema>;

export const rosterImportRefused = defineMethod({
  summary:
    'The roster.imported records the platform refused and nobody settled, each with the kind of refusal, the station’s and the platform’s values and whether the platform’s can be taken here (audited with the count).',
  permission: 'roster.import',
  input: z.object({}).strict(),
  output: z.object({ rows: z.array(refusedImportSchema) }),
});

export const rosterImportAdoptPlatform = defineMethod({
  summary:
    'Settle a refused roster.imported the platform was right about: take the platform’s values (its pulled recipient of this head) for the roster row, the imported decision and the case, with a timeline line, and send a new roster.imported with them — one audited transaction.',
  permission: 'roster.import',
  input: z.object({ recordId: z.string().min(1).max(64) }).strict(),
  output: z.object({ caseId: z.string(), newRecordId: z.string() }),
});

export const rosterImportMethods = {
  'rosterImport.preview': rosterImportPreview,
  'rosterImport.confirm': rosterImportConfirm,
  'rosterImport.reports': rosterImportReports,
  'rosterImport.report': rosterImportReport,
  'rosterImport.recipientConflicts': rosterImportRecipientConflicts,
  'rosterImport.refused': rosterImportRefused,
  'rosterImport.adoptPlatform': rosterImportAdoptPlatform,
};
