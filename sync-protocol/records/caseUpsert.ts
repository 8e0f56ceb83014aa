import { z } from 'zod';
import { applicationSchema, type Application } from '../../common/cases/application';
import { caseStateSchema, type CaseState } from '../../common/cases/stateMachine';
import { caseAuthorizationBodySchema } from '../../common/sync/intakeRecords';
import { blobsSchema, caseIdSchema, idNumberSchema, sameCase, uniqueBlobs } from './fields';

/**
 * `case.upsert` (docs/sync-protocol.md §5.1, §5.3): one step of a case — a move on the legal path,
 * or a record on the case that leaves its state (a visit, a review, a warning's outcome, an extended
 * deadline). The platform applies it only on the version it holds (`baseVersion`), and feeds the
 * body to every counter of the station as the `case` pull item.
 */
export const CASE_UPSERT = 'case.upsert';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The body. The fields every step carries are named; what a step adds about itself (`decision`,
 * `opinion`, `objection`, `publicity`, `review`, `roster`, `warning`, `relief`, `change`, …) travels
 * beside them and is kept as sent.
 */
export const caseUpsertBodySchema = z.looseObject({
  caseId: caseIdSchema,
  /** The case number (absent from a draft only). */
  caseNo: z.string().max(40).nullable(),
  /** The case's version after this step (the record's `baseVersion` + 1 when it was made). */
  version: z.number().int().positive(),
  state: caseStateSchema,
  /** The step: a move of the state machine (`submit`, `approve`, …) or a record (`visit`, `extendDecision`, `reviewStart`, …). */
  action: z.string().regex(/^[a-z][A-Za-z]{1,63}$/),
  /** When the step was taken (the workstation's clock; informational). */
  at: z.string().min(1).max(40),
  type: z.string().max(40).nullable().optional(),
  subtype: z.string().max(40).nullable().optional(),
  relatedParty: z.boolean().optional(),
  /** Who applies, by ID number and name: the platform requires it of every step. */
  applicant: z.object({ idNumber: idNumberSchema, name: z.string().min(1).max(40) }).optional(),
  /** The household's data, on a step that changed or settled it; a step without it keeps what the platform holds. */
  application: applicationSchema.optional(),
  /** submit: the 授权书 signed in the draft, one `case.authorization` body each (§5.6). */
  authorizations: z.array(caseAuthorizationBodySchema).max(40).optional(),
  /** extendDecision: the new decision deadline, and why. */
  decisionDue: isoDate.optional(),
  reason: z.string().max(500).optional(),
});
export type CaseUpsertBody = z.infer<typeof caseUpsertBodySchema>;

export const caseUpsertRecordSchema = z
  .object({
    kind: z.literal(CASE_UPSERT),
    caseId: caseIdSchema,
    baseVersion: z.number().int().nonnegative(),
    blobs: blobsSchema.optional(),
    body: caseUpsertBodySchema,
  })
  .superRefine(sameCase);
export type CaseUpsertRecord = z.input<typeof caseUpsertRecordSchema>;

export interface CaseStep {
  caseId: string;
  caseNo: string | null;
  /** The version the step was taken on; the body says `baseVersion + 1`. */
  baseVersion: number;
  state: CaseState;
  action: string;
  at: string;
  app: Application;
  /**
   * `household`: the step carries the household's data (type, subtype, related party, applicant,
   * application) — every move of the state machine. `reference`: only the type and the applicant —
   * a record on the case that changes no household data.
   */
  content: 'household' | 'reference';
  /** What the step adds about itself. */
  extra?: Record<string, unknown>;
  /** Blobs the step references (a visit's photos and signatures), uploaded once the record is taken. */
  blobs?: string[];
}

/** The one builder of a `case.upsert` record, for every step of every capability. */
export function caseUpsertRecord(s: CaseStep): CaseUpsertRecord {
  const app = s.app;
  const applicant = app.applicant ? { applicant: { idNumber: app.applicant.idNumber, name: app.applicant.name } } : {};
  const head = {
    caseId: s.caseId,
    caseNo: s.caseNo,
    version: s.baseVersion + 1,
    state: s.state,
    action: s.action,
    at: s.at,
    type: app.type ?? null,
  };
  const body =
    s.content === 'household'
      ? { ...head, subtype: app.subtype ?? null, relatedParty: app.relatedParty.related, ...applicant, application: app, ...s.extra }
      : { ...head, ...applicant, ...s.extra };
  return {
    kind: CASE_UPSERT,
    caseId: s.caseId,
    baseVersion: s.baseVersion,
    ...(s.blobs?.length ? { blobs: uniqueBlobs(s.blobs) } : {}),
    body,
  };
}
