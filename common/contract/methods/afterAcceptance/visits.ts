import { z } from 'zod';
import { documentCaptureSchema, signatureCaptureSchema } from '../../../capture/schemas';
import { defineMethod } from '../../define';
import { MAX_RELIEF_PAYMENTS, RELIEF_FORMS } from '../../../cases/relief';
import { noticeRequestSchema } from '../documents/print';
import { changeViewSchema, decisionRefusalViewSchema } from './changes';

/** Home visits, the initial opinion with its 公示, objections, 民主评议 and local decisions (issue 9). */

const caseId = z.string().min(1).max(64);
const version = z.number().int().min(0);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const name = z.string().trim().min(1).max(30);
const text = (max: number) => z.string().trim().min(1, '请填写').max(max);
const lines = (maxEach: number, maxCount = 10) => z.array(z.string().trim().min(1).max(maxEach)).max(maxCount);

/** The answer of every step: where the case stands now (the page reloads cases.get). */
export const caseStepOutputSchema = z.object({ caseId: z.string(), state: z.string(), version: z.number().int() });

/** Photos of the living conditions: at most this many pages in all (document camera or file). */
export const MAX_VISIT_PHOTO_PAGES = 12;

/**
 * One signature on the 入户调查表: a staff member who went or a family member present, drawn on the
 * pad bound (documentHash) to the visit's statement (common/afterAcceptance/visitStatement.ts).
 */
export const visitSignatureSchema = z.object({ role: z.enum(['staff', 'family']), name, capture: signatureCaptureSchema }).strict();
export type VisitSignature = z.infer<typeof visitSignatureSchema>;

export const visitInputSchema = z
  .object({
    visitedOn: isoDate,
    /** Names of the staff who went: the law wants two or more (checked in core with a zh-CN message). */
    staff: z.array(name).max(6),
    familyPresent: z.array(name).min(1, '请填写在场的家庭成员').max(15),
    housing: text(200),
    assets: text(300),
    livingConditions: text(400),
    findings: text(600),
    /** Photos of the home, each capture one or more pages (checked, EXIF-stripped and encrypted by the attachment store). */
    photos: z.array(documentCaptureSchema).max(MAX_VISIT_PHOTO_PAGES).default([]),
    /** Every staff member and every family member present signs (checked in core with a zh-CN message). */
    signatures: z.array(visitSignatureSchema).max(21).default([]),
  })
  .strict();
export type VisitInput = z.infer<typeof visitInputSchema>;

export const opinionInputSchema = z
  .object({
    proposal: z.enum(['approve', 'refuse']),
    /** Proposed monthly amount for the household (fen): printed on the 公示 list. */
    amountFen: z.number().int().min(0).max(10_000_000).optional(),
    reasons: lines(200).min(1, '请写明初审意见的理由'),
    community: text(40),
  })
  .strict();
export type OpinionInput = z.infer<typeof opinionInputSchema>;

export const objectionInputSchema = z.object({ objector: name, content: text(400), receivedOn: isoDate }).strict();
export type ObjectionInput = z.infer<typeof objectionInputSchema>;

export const resolveInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('review'),
      heldOn: isoDate,
      participants: z.array(name).max(30),
      outcome: z.enum(['uphold', 'reinvestigate']),
      summary: text(600),
    })
    .strict(),
  z.object({ kind: z.literal('reinvestigate'), reason: text(200) }).strict(),
]);
export type ResolveInput = z.infer<typeof resolveInputSchema>;

export const localDecisionSchema = z.discriminatedUnion('outcome', [
  z
    .object({
      outcome: z.literal('approved'),
      /** Monthly amount (fen); 临时救助: the total granted; 0 for a monitoring entry without a monthly amount. */
      amountFen: z.number().int().min(0).max(10_000_000),
      /** First paid month; not used by 临时救助. */
      startMonth: isoMonth.optional(),
      legalBasis: lines(120).default([]),
      /** 临时救助: how the total is paid (现金 / 实物 / 转账) and in how many instalments. */
      relief: z
        .object({
          form: z.enum(RELIEF_FORMS),
          inKind: z.string().trim().min(1).max(200).optional(),
          payments: z.number().int().min(1).max(MAX_RELIEF_PAYMENTS).default(1),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ outcome: z.literal('refused'), reasons: lines(200).min(1), legalBasis: lines(120).min(1) }).strict(),
]);
export type LocalDecision = z.infer<typeof localDecisionSchema>;

export const linkedBenefitSchema = z.object({
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(40),
  department: z.string().max(40).optional(),
});
export type LinkedBenefit = z.infer<typeof linkedBenefitSchema>;

export const visitsRecord = defineMethod({
  summary:
    'Record a home visit (2+ staff, each staff member and family member present signed, photos); the first visit of an accepted case starts the investigation; queues the 入户调查表.',
  permission: 'case.casework',
  input: z.object({ caseId, version, visit: visitInputSchema }).strict(),
  output: caseStepOutputSchema,
});

export const publicityOpinion = defineMethod({
  summary:
    "The station's 初审意见, numbered per case: approve → a new 7-day 公示 and the masked 公示 list; refuse → not posted, the 初审意见告知书 to the applicant and up for the decision. After an objection only once it was answered (民主评议 or a re-investigation visit).",
  permission: 'case.casework',
  input: z.object({ caseId, version, opinion: opinionInputSchema }).strict(),
  output: caseStepOutputSchema,
});

export const publicityObject = defineMethod({
  summary: 'Record an objection raised during 公示 (who, what, when): the case is disputed.',
  permission: 'case.write',
  input: z.object({ caseId, version, objection: objectionInputSchema }).strict(),
  output: caseStepOutputSchema,
});

export const publicityResolve = defineMethod({
  summary:
    'Answer an objection: a 民主评议 record (uphold: stays disputed until a new 初审意见; reinvestigate: back to investigation), or straight re-investigation. Never sends the case up.',
  permission: 'case.casework',
  input: z.object({ caseId, version, resolution: resolveInputSchema }).strict(),
  output: caseStepOutputSchema,
});

export const publicityEnd = defineMethod({
  summary: 'The 公示 period is over without objection: the case goes up for 审核确认.',
  permission: 'case.casework',
  input: z.object({ caseId, version }).strict(),
  output: caseStepOutputSchema,
});

/**
 * A combined 公示 list of one period: 'initial' — households in 初审 公示 (审核确认办法 art. 19);
 * 'approval' — households approved (art. 24). One list per village/community, or only `community`.
 */
export const publicityListRequestSchema = z
  .object({
    stage: z.enum(['initial', 'approval']),
    from: isoDate,
    to: isoDate,
    community: text(40).optional(),
  })
  .strict();
export type PublicityListRequest = z.infer<typeof publicityListRequestSchema>;

export const publicityLists = defineMethod({
  summary: 'Per village/community, how many households (and people) a combined 公示 list of the period would hold.',
  permission: 'document.print',
  input: publicityListRequestSchema,
  output: z.object({ rows: z.array(z.object({ community: z.string(), households: z.number().int(), people: z.number().int() })) }),
});

export const publicityQueueLists = defineMethod({
  summary:
    'Queue the combined 公示 list (村（居）公示汇总名单: name, household size, amount only) of each village/community for the period, built from the cases, for printing singly or in a batch.',
  permission: 'document.print',
  input: publicityListRequestSchema,
  output: z.object({ requests: z.array(noticeRequestSchema) }),
});

export const decisionsLocal = defineMethod({
  summary: 'The station head decides where the county delegated 审核确认 (approval or refusal, with the notice).',
  permission: 'case.decide',
  input: z.object({ caseId, version, decision: localDecisionSchema }).strict(),
  output: caseStepOutputSchema,
});

export const decisionsRetry = defineMethod({
  summary:
    'Apply again a decision recorded as not applied (e.g. after the station set its redress route); refused with the reason otherwise. Casework, not the counter.',
  permission: 'case.casework',
  input: z.object({ decisionId: z.string().min(1).max(64) }).strict(),
  output: caseStepOutputSchema,
});

export const visitSignerViewSchema = z.object({ name: z.string(), role: z.enum(['staff', 'family']), attachmentId: z.uuid() });

const visitViewSchema = z.object({
  id: z.string(),
  visitedOn: z.string(),
  staff: z.array(z.string()),
  familyPresent: z.array(z.string()),
  findings: z.string(),
  recordedAt: z.string(),
  /** Photo pages and signatures kept with the visit (0 for visits recorded before they were taken). */
  photos: z.number().int().nonnegative(),
  signatures: z.number().int().nonnegative(),
  /** The photo pages' attachment ids, in the order taken; their bytes come from visits.evidence. */
  photoIds: z.array(z.uuid()),
  /** Who signed the 入户调查表, staff first, then family, each with the attachment of the signature image. */
  signers: z.array(visitSignerViewSchema),
});
/**
 * One 初审意见 and its 公示 round: `posted` false for a proposal to refuse (no 公示, no dates);
 * `endedOn` when its 公示 closed without objection.
 */
const opinionViewSchema = z.object({
  id: z.string(),
  round: z.number().int().min(1),
  proposal: z.enum(['approve', 'refuse']),
  amountFen: z.number().nullable(),
  reasons: z.array(z.string()),
  community: z.string(),
  posted: z.boolean(),
  publicityFrom: z.string().nullable(),
  publicityTo: z.string().nullable(),
  endedOn: z.string().nullable(),
  givenAt: z.string(),
});
/** `round`: the 公示 it was raised against. */
const objectionViewSchema = z.object({
  id: z.string(),
  round: z.number().int().nullable(),
  objector: z.string(),
  content: z.string(),
  receivedOn: z.string(),
});
const reviewViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['review', 'reinvestigate']),
  round: z.number().int().nullable(),
  heldOn: z.string(),
  participants: z.array(z.string()),
  outcome: z.string(),
  summary: z.string(),
});
const decisionViewSchema = z.object({
  id: z.string(),
  source: z.enum(['platform', 'local']),
  outcome: z.enum(['approved', 'refused']),
  amountFen: z.number().nullable(),
  startMonth: z.string().nullable(),
  reasons: z.array(z.string()),
  linkedBenefits: z.array(linkedBenefitSchema),
  status: z.enum(['applied', 'refused']),
  refusal: z.string().nullable(),
  receivedAt: z.string(),
});
export const afterAcceptanceViewSchema = z.object({
  visits: z.array(visitViewSchema),
  opinions: z.array(opinionViewSchema),
  objections: z.array(objectionViewSchema),
  reviews: z.array(reviewViewSchema),
  decisions: z.array(decisionViewSchema),
  /** Proposals to adjust, phase out or stop the benefit, and their decisions. */
  changes: z.array(changeViewSchema),
  /** Decisions from the platform this station could not apply, sent back with the reason. */
  refusals: z.array(decisionRefusalViewSchema),
  delegated: z.boolean(),
  /** The county's limits that apply to this case (re-investigation, decision after 公示), in working days. */
  limits: z.object({ reopinionWorkingDays: z.number().int(), countyDecisionWorkingDays: z.number().int() }),
  today: z.string(),
});
export type AfterAcceptanceView = z.infer<typeof afterAcceptanceViewSchema>;

export const visitsOfCase = defineMethod({
  summary: 'Visits, opinions with their 公示, objections, reviews and decisions (applied or refused) of one case.',
  permission: 'case.read',
  input: z.object({ caseId }).strict(),
  output: afterAcceptanceViewSchema,
});

export const visitsEvidence = defineMethod({
  summary: "The bytes of one photo or signature of a case's home visit, audited (as cases.attachment is for the intake's).",
  permission: 'case.read',
  input: z.object({ caseId, attachmentId: z.uuid() }).strict(),
  output: z.object({ mime: z.string(), base64: z.string() }),
});

export const visitsMethods = {
  'visits.record': visitsRecord,
  'visits.ofCase': visitsOfCase,
  'visits.evidence': visitsEvidence,
  'publicity.opinion': publicityOpinion,
  'publicity.object': publicityObject,
  'publicity.resolve': publicityResolve,
  'publicity.end': publicityEnd,
  'publicity.lists': publicityLists,
  'publicity.queueLists': publicityQueueLists,
  'decisions.local': decisionsLocal,
  'decisions.retry': decisionsRetry,
} as const;
