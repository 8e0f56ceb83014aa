import { z } from 'zod';
import { relationshipSchema } from '../../common/cases/household';
import { assistanceTypeSchema, subtypeSchema } from '../../common/cases/types';
import { caseIdSchema, idNumberSchema, noBlobsSchema, sameCase } from './fields';

/**
 * `roster.imported` (docs/sync-protocol.md §5.10; main/core/rosterImport): a household the station
 * put on its roster from the previous system's export. The station made its case locally at
 * `version`; the platform creates the case at that version and matches it to its own current
 * recipient of the station by the head's ID number, so the case's later `case.upsert` steps apply
 * on the version both sides hold. Sent once per household, in the transaction of the import.
 */
export const ROSTER_IMPORTED = 'roster.imported';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const person = z.object({ idNumber: idNumberSchema, name: z.string().min(1).max(40) }).strict();

/** A household on the roster, as both sides name it: the head, every member, type, amount, months and dates. */
const household = {
  type: assistanceTypeSchema,
  subtype: subtypeSchema.nullable(),
  /** The head (户主), as every case record names its applicant. */
  applicant: person,
  /** Every member, the head included (relationship `self`), as the case's application lists them. */
  members: z
    .array(person.extend({ relationship: relationshipSchema }).strict())
    .min(1)
    .max(30),
  /** The monthly amount in fen; 0 with `monthly: false` for a household the county pays nothing monthly. */
  amountFen: z.number().int().nonnegative(),
  monthly: z.boolean(),
  /** The first paid month. */
  sinceMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM'),
  nextReviewOn: isoDate,
  /** The head's last 资格认证 in the previous system, where the file had one. */
  lastCertifiedOn: isoDate.nullable(),
};

function householdRules(
  b: { applicant: { idNumber: string }; members: Array<{ idNumber: string; relationship: string }>; monthly: boolean; amountFen: number },
  ctx: z.RefinementCtx,
): void {
  const heads = b.members.filter((m) => m.relationship === 'self');
  if (heads.length !== 1 || heads[0]!.idNumber !== b.applicant.idNumber)
    ctx.addIssue({ code: 'custom', path: ['members'], message: '成员中须有且只有户主本人一行（与 applicant 一致）' });
  if (new Set(b.members.map((m) => m.idNumber)).size !== b.members.length)
    ctx.addIssue({ code: 'custom', path: ['members'], message: '同一身份证号码出现两次' });
  if (!b.monthly && b.amountFen !== 0) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: '不按月发放的户金额须为 0' });
}

/** The household alone: what the platform keeps of a current recipient and sends as a `roster.recipient` item's body. */
export const rosterHouseholdSchema = z.object(household).strict().superRefine(householdRules);
export type RosterHousehold = z.infer<typeof rosterHouseholdSchema>;

export const rosterImportedBodySchema = z
  .object({
    caseId: caseIdSchema,
    caseNo: z.string().min(1).max(40),
    /** The case's version on the station after the import (the version its next step is based on). */
    version: z.number().int().positive(),
    /** The station's import report (`roster_import.id`), or the `roster.recipient` item (`platform:<head's ID number>`) the household came with. */
    importId: z.string().min(1).max(64),
    /** When the station imported it (its clock; informational). */
    at: z.string().min(1).max(40),
    ...household,
  })
  .strict()
  .superRefine(householdRules);
export type RosterImportedBody = z.infer<typeof rosterImportedBodySchema>;

export const rosterImportedRecordSchema = z
  .object({ kind: z.literal(ROSTER_IMPORTED), caseId: caseIdSchema, blobs: noBlobsSchema, body: rosterImportedBodySchema })
  .superRefine(sameCase);
export type RosterImportedRecord = z.input<typeof rosterImportedRecordSchema>;

/**
 * Why the platform refused a `roster.imported` (the `refusal` of its `SYNC_ROSTER_REFUSED` error's
 * details, §5.10): the case id is held already; the household is another station's recipient
 * (`stationId` names it); this station's recipient is matched to another of its cases; this
 * station's recipient differs in type, amount or first month.
 */
export const ROSTER_REFUSALS = ['case-held', 'other-station', 'matched-elsewhere', 'differs'] as const;
export const rosterRefusalSchema = z.enum(ROSTER_REFUSALS);
export type RosterRefusal = z.infer<typeof rosterRefusalSchema>;

/** The one builder: the record's case is the body's. */
export function rosterImportedRecord(body: RosterImportedBody): RosterImportedRecord {
  return { kind: ROSTER_IMPORTED, caseId: body.caseId, body };
}
