import { z } from 'zod';
import { faceCaptureSchema, signatureCaptureSchema } from '../../../capture/schemas';
import { assetSchema, deductionSchema, incomeItemSchema, memberSchema } from '../../../cases/household';
import { defineMethod } from '../../define';
import { changeViewSchema } from './changes';

/**
 * The periodic review of an enrolled household (定期核查, issue 9 §4): start, re-check the household
 * and income, re-sign the authorization (every adult member), conclude with an outcome. Rules that a
 * clerk can break (phase-out too long, a stop without reasons …) are checked by core with zh-CN
 * messages, so the schemas here only bound sizes.
 */

export const REVIEW_OUTCOMES = ['continue', 'adjust', 'phase_out', 'stop'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

const id = z.string().min(1).max(64);
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const lines = (max: number) => z.array(z.string().trim().min(1).max(max)).max(10).default([]);

/** What each signer of a review signs: the authorization statement bound to this review (common/capture/signatureBinding.ts). */
export const reviewStatementRef = (reviewId: string) => `定期核查 ${reviewId}`;

export const reviewHouseholdSchema = z
  .object({
    members: z.array(memberSchema).min(1).max(30),
    income: z.array(incomeItemSchema).max(200).default([]),
    deductions: z.array(deductionSchema).max(30).default([]),
    assets: z.array(assetSchema).max(100).default([]),
  })
  .strict();
export type ReviewHousehold = z.output<typeof reviewHouseholdSchema>;

export const reviewConclusionSchema = z
  .object({
    outcome: z.enum(REVIEW_OUTCOMES),
    reasons: lines(200),
    legalBasis: lines(120),
    /** adjust: the new monthly amount. */
    newAmountFen: z.number().int().min(0).max(10_000_000).optional(),
    /** adjust / phase_out / stop: the first month the change applies to (default: next month). */
    effectiveMonth: isoMonth.optional(),
    /** phase_out: number of months (the law allows at most 6; core refuses more with its message). */
    phaseOutMonths: z.number().int().min(1).max(60).optional(),
    /** phase_out: the monthly amount during the phase-out (default: unchanged; never more). */
    phaseOutAmountFen: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();
export type ReviewConclusion = z.input<typeof reviewConclusionSchema>;

export const reviewViewSchema = z.object({
  today: z.string(),
  roster: z.object({
    id: z.string(),
    caseId: z.string(),
    caseNo: z.string().nullable(),
    caseVersion: z.number().int(),
    applicantName: z.string(),
    category: z.string(),
    amountFen: z.number().int(),
    status: z.enum(['active', 'stopped']),
    nextReviewOn: z.string(),
    reviewMonths: z.number().int(),
    phaseOutEndMonth: z.string().nullable(),
  }),
  /** The open review, else the last one, else null. */
  review: z
    .object({
      id: z.string(),
      status: z.enum(['open', 'concluded']),
      version: z.number().int(),
      startedAt: z.string(),
      dueOn: z.string(),
      rechecked: z.boolean(),
      findings: z.string(),
      outcome: z.enum(REVIEW_OUTCOMES).nullable(),
      outcomeDetail: z.record(z.string(), z.unknown()).nullable(),
      concludedAt: z.string().nullable(),
      statementRef: z.string(),
      /** The notice queued by the outcome (none for continue). */
      notice: z.object({ kind: z.string(), state: z.string() }).nullable(),
    })
    .nullable(),
  /** The household as re-checked in the open review, else as the case holds it. */
  household: reviewHouseholdSchema,
  /** Who re-signs; `faceVerdict`: core's verdict on the face given with the signature (review: 人脸待复核), null without one. */
  signers: z.array(
    z.object({
      idNumber: z.string(),
      name: z.string(),
      role: z.enum(['member', 'supporter']),
      signed: z.boolean(),
      signedAt: z.string().nullable(),
      faceVerdict: z.enum(['pass', 'review', 'fail']).nullable(),
    }),
  ),
  eligibility: z
    .object({
      perCapitaFen: z.number().int(),
      standardFen: z.number().int(),
      standardYear: z.number().int(),
      band: z.enum(['below_standard', 'marginal', 'above']),
      steps: z.array(z.string()),
    })
    .nullable(),
  faceRequired: z.boolean(),
  phaseOutMaxMonths: z.number().int(),
  /** The proposal the review's adjust / 渐退 / stop made, with its decision (null for continue or before the outcome). */
  change: changeViewSchema.nullable(),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

export const reviewsGet = defineMethod({
  summary:
    'The review of an enrolled household: roster row, open (or last) review, household, signers, per-capita income against the standard (audited).',
  permission: 'case.read',
  input: z.object({ rosterId: id }).strict(),
  output: reviewViewSchema,
});

export const reviewsStart = defineMethod({
  summary: 'Start the review of an active roster row (the open one is returned when there is one); the case timeline notes it.',
  permission: 'case.write',
  input: z.object({ rosterId: id, caseVersion: z.number().int().min(0) }).strict(),
  output: reviewViewSchema,
});

export const reviewsRecheck = defineMethod({
  summary: "Record the household's current members, income, deductions and assets found by the review; the case record follows.",
  permission: 'case.write',
  input: z
    .object({
      reviewId: id,
      version: z.number().int().min(1),
      household: reviewHouseholdSchema,
      findings: z.string().trim().min(1).max(1000),
    })
    .strict(),
  output: reviewViewSchema,
});

export const reviewsAuthorize = defineMethod({
  summary:
    'One adult member re-signs the authorization for the economic verification (signature bound to the statement hash, optional face).',
  permission: 'case.write',
  input: z
    .object({
      reviewId: id,
      version: z.number().int().min(1),
      signerIdNumber: z.string().length(18),
      signature: signatureCaptureSchema,
      face: faceCaptureSchema.nullable(),
    })
    .strict(),
  output: reviewViewSchema,
});

export const reviewsConclude = defineMethod({
  summary:
    'Conclude the review: continue (next review set), or a proposal to adjust / phase out (渐退 ≤ 6 months) / stop, which changes nothing until decided.',
  permission: 'case.write',
  input: z.object({ reviewId: id, version: z.number().int().min(1), conclusion: reviewConclusionSchema }).strict(),
  output: reviewViewSchema,
});

export const reviewsMethods = {
  'reviews.get': reviewsGet,
  'reviews.start': reviewsStart,
  'reviews.recheck': reviewsRecheck,
  'reviews.authorize': reviewsAuthorize,
  'reviews.conclude': reviewsConclude,
} as const;
