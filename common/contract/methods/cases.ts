import { z } from 'zod';
import { verificationViewSchema } from '../../cases/verification';
import { casePlatformStatusSchema, platformStatusFilterSchema, platformStatusRowSchema } from '../../cases/platformStatus';
import { applicationSchema } from '../../cases/application';
import { DEADLINE_KINDS } from '../../cases/deadlines';
import { caseSettingsSchema, standardInForceSchema } from '../../cases/settings';
import { countyPolicyInfoSchema } from '../../cases/countyPolicy';
import { referenceInfoSchema } from '../../cases/referenceTables';
import { materialItemSchema, materialsChecklistSchema } from '../../cases/materials';
import { caseStateSchema } from '../../cases/stateMachine';
import { assistanceTypeSchema, subtypeSchema } from '../../cases/types';
import { documentCaptureSchema, faceCaptureSchema, signatureCaptureSchema } from '../../capture/schemas';
import { defineMethod } from '../define';
import type { Permission } from '../permissions';

const caseId = z.uuid();
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位');

export const problemSchema = z.object({
  code: z.string(),
  severity: z.enum(['block', 'warn']),
  path: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const deadlineViewSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  fromDate: z.string(),
  workingDays: z.number().int(),
  dueDate: z.string(),
  status: z.enum(['overdue', 'due_soon', 'on_time', 'met']),
  workingDaysLeft: z.number().int(),
  metAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** The due date falls in a year the holiday calendar does not cover yet: counted Monday–Friday there. */
  provisional: z.boolean(),
});

export const caseSummarySchema = z.object({
  id: caseId,
  caseNo: z.string().nullable(),
  state: caseStateSchema,
  type: assistanceTypeSchema.nullable(),
  subtype: subtypeSchema.nullable(),
  channel: z.enum(['counter', 'proxy', 'online']),
  applicantName: z.string().nullable(),
  applicantIdNumber: z.string().nullable(),
  householdSize: z.number().int(),
  relatedParty: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  staffName: z.string().nullable(),
  nextDeadline: deadlineViewSchema.nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const timelineEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromState: caseStateSchema.nullable(),
  toState: caseStateSchema.nullable(),
  note: z.string().nullable(),
});

/** Why a signer used the printed 授权书 instead of the pad (the paper route). */
export const PAPER_REASONS = ['elderly', 'disabled', 'no_pad', 'other'] as const;

/**
 * The face check of one authorization as core recorded it: its verdict is recomputed in core from
 * the scores with the county's thresholds (the client's own verdict is kept as `claimedVerdict`);
 * the scores themselves come from the capture component (core cannot run the face model).
 */
export const faceCheckViewSchema = z.object({
  verdict: z.enum(['pass', 'review', 'fail']),
  claimedVerdict: z.enum(['pass', 'review', 'fail']),
  /** SHA-256 of the stored face photo. */
  sha256: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Matched against the ID card's photo (a vendor decoder made it), or no card photo was available. */
  cardPhoto: z.enum(['matched', 'unavailable']),
  cardMatchScore: z.number().nullable(),
  cardPhotoSha256: z.string().nullable(),
});

/** The statement reference of an intake authorization: the signer signs for this application. */
export const intakeStatementRef = (caseId: string) => `申请 ${caseId}`;

export const authorizationViewSchema = z.object({
  id: z.string(),
  signerIdNumber: z.string(),
  signerName: z.string(),
  role: z.enum(['member', 'supporter']),
  signedAt: z.string(),
  signatureAttachmentId: z.string(),
  faceAttachmentId: z.string().nullable(),
  faceVerdict: z.string().nullable(),
  recordedBy: z.string(),
  /** SHA-256 of the statement signed, when the signature pad was bound to it. */
  documentHash: z.string().nullable(),
  /** SHA-256 of the signature image as received and stored. */
  signatureSha256: z.string().nullable(),
  /** Signed on the pad, or on the printed 授权书 scanned back (the paper route, with its reason). */
  route: z.enum(['pad', 'paper']),
  paperReason: z.enum(PAPER_REASONS).nullable(),
  /** The scanned pages of a paper authorization (the first is also `signatureAttachmentId`). */
  scanAttachmentIds: z.array(z.string()),
  /** The face check as core judged it; null when no face was taken (paper route where the county allows it). */
  face: faceCheckViewSchema.nullable(),
  /** Added after the case was submitted: the amendment number on the case; null when recorded in the draft. */
  amendment: z.number().int().positive().nullable(),
});

export const caseAttachmentViewSchema = z.object({
  attachmentId: z.string(),
  role: z.enum(['material', 'signature', 'face']),
  ref: z.string(),
  page: z.number().int(),
  mime: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
});

export const noticeViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.string(),
  requestedAt: z.string(),
});

export const eligibilityViewSchema = z
  /** gapFen: the household's monthly 差额 (standard − per-capita income) × counted members, 0 when not below the standard. */
  .object({
    band: z.enum(['below_standard', 'marginal', 'above']),
    perCapitaFen: z.number().int(),
    standardFen: z.number().int(),
    gapFen: z.number().int(),
    steps: z.array(z.string()),
  })
  .nullable();

export const benefitViewSchema = z
  .object({
    approvedAmountFen: z.number().int(),
    startMonth: z.string(),
    decidedOn: z.string(),
    decisionSource: z.enum(['platform', 'local']),
    /** The monthly amount paid now (after an adjustment or during 渐退); null when not on the roster. */
    currentAmountFen: z.number().int().nullable(),
    status: z.enum(['active', 'stopped']).nullable(),
    stoppedOn: z.string().nullable(),
  })
  .nullable();

export const caseDetailSchema = caseSummarySchema.extend({
  draftRev: z.number().int(),
  application: applicationSchema,
  problems: z.array(problemSchema),
  materials: z.array(materialItemSchema.extend({ status: z.enum(['received', 'missing', 'not_applicable']), pages: z.number().int() })),
  requiredSigners: z.array(
    z.object({ idNumber: z.string(), name: z.string(), role: z.enum(['member', 'supporter']), signed: z.boolean() }),
  ),
  authorizations: z.array(authorizationViewSchema),
  attachments: z.array(caseAttachmentViewSchema),
  timeline: z.array(timelineEventSchema),
  deadlines: z.array(deadlineViewSchema),
  notices: z.array(noticeViewSchema),
  eligibility: eligibilityViewSchema,
  openCases: z.array(z.object({ caseId: z.string(), caseNo: z.string().nullable(), state: caseStateSchema, idNumber: z.string() })),
  /** The approved benefit (审核确认): amount and first paid month as decided, and where the household stands on the roster now. Null before approval. */
  benefit: benefitViewSchema,
  /** The household economic verification report (核对) the platform sent, with what it says against the declaration; null before one arrives. */
  verification: verificationViewSchema,
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const intakeSave = defineMethod({
  summary: 'Autosave the intake draft (creates it when caseId is absent); answers with what is still wrong or missing.',
  permission: 'case.write',
  input: z.object({ caseId: caseId.optional(), rev: z.number().int().min(0).optional(), application: applicationSchema }).strict(),
  output: z.object({ caseId, rev: z.number().int(), savedAt: z.string(), problems: z.array(problemSchema) }),
});

export const intakeDrafts = defineMethod({
  summary: "The caller's unfinished intake drafts, newest first, to resume after a crash or a lock.",
  permission: 'case.read',
  input: z.object({}).strict(),
  output: z.array(
    z.object({
      caseId,
      rev: z.number().int(),
      applicantName: z.string().nullable(),
      type: assistanceTypeSchema.nullable(),
      step: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
});

export const intakeDiscard = defineMethod({
  summary: 'Abandon an intake draft (kept on the timeline as discarded).',
  permission: 'case.write',
  input: z.object({ caseId, rev: z.number().int().min(0) }).strict(),
  output: z.object({ state: caseStateSchema }),
});

export const intakeAddMaterial = defineMethod({
  summary:
    'Attach the captured pages of one checklist material to the case and mark it received. After submission the pages are added (never replaced) as a synced amendment; a finished case takes none.',
  permission: 'case.write',
  input: z.object({ caseId, code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/), capture: documentCaptureSchema }).strict(),
  output: z.object({ attachmentIds: z.array(z.string()), rev: z.number().int() }),
});

/** The ID card's photo (PNG, converted from the reader's BMP) when a vendor decoder made one; the face is matched to it. */
const cardPhotoInput = z
  .object({ pngBase64: z.base64().max(2_000_000) })
  .strict()
  .nullable()
  .optional();

export const intakeAuthorize = defineMethod({
  summary:
    'Record one signer’s authorization on the pad: the signature bound to the SHA-256 of this signer’s statement for this case, the face (verdict recomputed in core; a fail or, where required, none is refused), time. After submission only an unsigned signer may be added, as a synced amendment.',
  permission: 'case.write',
  input: z
    .object({
      caseId,
      signerIdNumber: idNumber,
      signature: signatureCaptureSchema,
      face: faceCaptureSchema.nullable(),
      cardPhoto: cardPhotoInput,
    })
    .strict(),
  output: authorizationViewSchema,
});

export const intakeAuthorizationForm = defineMethod({
  summary:
    'The paper route: queue the printed 家庭经济状况核对授权书 for one signer (unsigned, with the statement’s version and hash), to print, sign by hand and scan back.',
  permission: 'case.write',
  input: z.object({ caseId, signerIdNumber: idNumber }).strict(),
  output: z.object({ requestId: z.string(), statementHash: z.string(), statementVersion: z.number().int() }),
});

export const intakeAuthorizePaper = defineMethod({
  summary:
    'The paper route: record the scan of the printed 授权书 the signer signed by hand as that signer’s authorization, with the reason; the face follows the county setting for paper signers (a fail is refused).',
  permission: 'case.write',
  input: z
    .object({
      caseId,
      signerIdNumber: idNumber,
      /** The printed form's notice request (intake.authorizationForm): it must be this signer's and issued. */
      requestId: z.string().min(1).max(64),
      scan: documentCaptureSchema,
      reason: z.enum(PAPER_REASONS),
      reasonNote: z.string().trim().max(200).optional(),
      face: faceCaptureSchema.nullable(),
      cardPhoto: cardPhotoInput,
    })
    .strict(),
  output: authorizationViewSchema,
});

export const intakeSubmit = defineMethod({
  summary: 'Finish the intake: the draft becomes a submitted case with its case number, timeline event and outbox record.',
  permission: 'case.write',
  input: z.object({ caseId, rev: z.number().int().min(0) }).strict(),
  output: caseDetailSchema,
});

export const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept') }).strict(),
  z
    .object({
      kind: z.literal('supplement'),
      missing: z
        .array(z.object({ item: z.string().trim().min(1).max(60), note: z.string().trim().max(120).optional() }))
        .min(1)
        .max(40),
      dueBy: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('reject'),
      reasons: z.array(z.string().trim().min(2).max(200)).min(1).max(10),
      legalBasis: z.array(z.string().trim().min(2).max(120)).max(5).default([]),
    })
    .strict(),
]);

export const casesDecide = defineMethod({
  summary: 'The acceptance decision at the counter: 受理, 补正 (listing everything missing) or 不予受理 (with reasons); queues the notice.',
  permission: 'case.write',
  input: z.object({ caseId, version: z.number().int().min(0), decision: decisionSchema }).strict(),
  output: caseDetailSchema,
});

/**
 * The steps `cases.act` takes. Every other step has its own method with its own checks: intake.submit,
 * cases.decide (受理), visits.record, publicity.*, decisions.local and the platform's decision (pulled).
 */
export const CASE_STEP_ACTIONS = ['resubmit', 'startInvestigation', 'withdraw'] as const;
export type CaseStepAction = (typeof CASE_STEP_ACTIONS)[number];
/** What each step needs beyond the method's own permission: the investigation is the caseworker's (DOMAIN.md). */
export const CASE_STEP_PERMISSION: Readonly<Record<CaseStepAction, Permission>> = {
  resubmit: 'case.write',
  startInvestigation: 'case.casework',
  withdraw: 'case.write',
};

export const casesAct = defineMethod({
  summary:
    'Another step of the legal path (resubmit after 补正, start the investigation, withdraw), recorded on the timeline; starting the investigation needs case.casework.',
  permission: 'case.write',
  input: z
    .object({ caseId, version: z.number().int().min(0), action: z.enum(CASE_STEP_ACTIONS), note: z.string().trim().max(200).optional() })
    .strict(),
  output: caseDetailSchema,
});

export const casesExtendDecision = defineMethod({
  summary: "Extend the decision time limit to 45 working days, with the recorded reason: the caseworker's (case.casework).",
  permission: 'case.casework',
  input: z.object({ caseId, version: z.number().int().min(0), reason: z.string().trim().min(4).max(200) }).strict(),
  output: caseDetailSchema,
});

export const casesGet = defineMethod({
  summary: 'One case with household, materials, authorizations, timeline, deadlines and notices (the view is audited).',
  permission: 'case.read',
  input: z.object({ caseId }).strict(),
  output: caseDetailSchema,
});

export const casesPlatformStatus = defineMethod({
  summary:
    "What the platform last said about one case (received, in 核对, awaiting the county's decision …) and every change, newest first (the view is audited).",
  permission: 'case.read',
  input: z.object({ caseId }).strict(),
  output: casePlatformStatusSchema,
});

export const casesPlatformStatuses = defineMethod({
  summary:
    "The sync centre's 平台状态: per case its latest platform status, newest first, filtered by status; names masked (the list is audited).",
  permission: 'case.read',
  input: z.object({ status: platformStatusFilterSchema.default('all'), limit: z.number().int().min(1).max(500).default(200) }).strict(),
  output: z.object({ rows: z.array(platformStatusRowSchema), total: z.number().int() }),
});

export const searchInputSchema = z
  .object({
    query: z.string().trim().max(40).default(''),
    states: z.array(caseStateSchema).max(13).default([]),
    types: z.array(assistanceTypeSchema).max(5).default([]),
    deadline: z.enum(['any', 'due_soon', 'overdue']).default('any'),
    staffId: z.string().max(64).optional(),
    relatedParty: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const casesSearch = defineMethod({
  summary: 'Cases by ID number, name, pinyin initials, phone or case number, with filters; newest first.',
  permission: 'case.read',
  input: searchInputSchema,
  output: z.object({
    /** `matched`: the case was found through this person, not its applicant (家庭成员 张三 匹配). */
    rows: z.array(
      caseSummarySchema.extend({ matched: z.object({ role: z.enum(['member', 'supporter', 'agent']), name: z.string() }).nullable() }),
    ),
    total: z.number().int(),
    queryKind: z.enum(['all', 'idNumber', 'phone', 'caseNo', 'tail', 'name', 'initials']),
  }),
});

export const casesDeadlines = defineMethod({
  summary: 'Open deadlines that are due soon or overdue, soonest first (the home page lists).',
  permission: 'case.read',
  /** `limit`: how many cases of each list to return (the home page shows 20); the totals count them all. */
  input: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
  output: z.object({
    dueSoon: z.array(caseSummarySchema),
    overdue: z.array(caseSummarySchema),
    dueSoonTotal: z.number().int(),
    overdueTotal: z.number().int(),
    today: z.string(),
  }),
});

export const casesLookup = defineMethod({
  summary: 'Progress enquiry (进度查询): the cases of a person (applicant or member) with where each stands and what comes next.',
  permission: 'person.read',
  input: z.object({ idNumber }).strict(),
  output: z.array(
    caseSummarySchema.extend({
      role: z.enum(['applicant', 'member', 'supporter', 'agent']),
      nextStepKey: z.string(),
      lastEventAt: z.string(),
    }),
  ),
});

export const casesAttachment = defineMethod({
  summary: 'The bytes of one attachment of a case (a material page, a signature, a face photo), audited.',
  permission: 'case.read',
  input: z.object({ caseId, attachmentId: z.uuid() }).strict(),
  output: z.object({ mime: z.string(), base64: z.string() }),
});

/** The working-day calendar deadlines are counted with: the years shipped with the program, and the one the platform published. */
export const calendarInfoSchema = z.object({
  shippedYears: z.array(z.number().int()),
  published: z
    .object({ version: z.number().int(), years: z.array(z.number().int()), publishedAt: z.string(), receivedAt: z.string() })
    .nullable(),
});

export const casesSettings = defineMethod({
  summary:
    'The county settings of the case work, the materials checklist, the standards, the policy texts and the working-day calendar in force, with the reference data the platform published.',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({
    /** As the admin entered them at this station (what 业务设置's forms edit). */
    settings: caseSettingsSchema,
    /** What the work uses today: `settings` with the county's published parameters in force (common/cases/countyPolicy.ts). */
    inForce: caseSettingsSchema,
    /** The county's published parameters: every value with its status today, and those not applied with the reason. */
    policy: countyPolicyInfoSchema,
    /** The county's published standards (each from its day, with its version) and the local ones (common/cases/settings.ts findStandard). */
    standards: z.array(standardInForceSchema),
    today: z.string(),
    stationName: z.string(),
    regionCode: z.string(),
    materials: materialsChecklistSchema,
    calendar: calendarInfoSchema,
    /** The county reference data the platform published (standards, materials, policy texts), every version, the one in force marked. */
    reference: referenceInfoSchema,
    /** The 政策宣传 texts in force (the county's published ones, then the station's). */
    policyNotices: caseSettingsSchema.shape.policyNotices,
  }),
});

export const casesSetSettings = defineMethod({
  summary: 'Change the county settings of the case work (admin).',
  permission: 'admin.settings',
  input: z.object({ settings: caseSettingsSchema }).strict(),
  output: z.object({ settings: caseSettingsSchema }),
});

export const casesAdminList = defineMethod({
  summary: 'IT support: list cases without personal data beyond the masked applicant (admin, audited).',
  permission: 'admin.settings',
  input: z.object({ state: caseStateSchema.optional(), limit: z.number().int().min(1).max(10_000).default(200) }).strict(),
  output: z.array(caseSummarySchema),
});

export const casesAdminShow = defineMethod({
  summary: 'IT support: one case in full (admin, audited).',
  permission: 'admin.settings',
  input: z.object({ caseRef: z.string().trim().min(1).max(64) }).strict(),
  output: caseDetailSchema,
});

export const demoSeed = defineMethod({
  summary: 'Demo data (jiuzhu-admin demo seed): synthetic households and cases, refused on a station with real cases (admin, audited).',
  permission: 'admin.settings',
  input: z.object({ count: z.number().int().min(1).max(200_000), seed: z.number().int().min(1).max(1_000_000).default(1) }).strict(),
  output: z.object({ created: z.number().int(), total: z.number().int() }),
});

export const casesMethods = {
  'intake.save': intakeSave,
  'intake.drafts': intakeDrafts,
  'intake.discard': intakeDiscard,
  'intake.addMaterial': intakeAddMaterial,
  'intake.authorize': intakeAuthorize,
  'intake.authorizationForm': intakeAuthorizationForm,
  'intake.authorizePaper': intakeAuthorizePaper,
  'intake.submit': intakeSubmit,
  'cases.decide': casesDecide,
  'cases.act': casesAct,
  'cases.extendDecision': casesExtendDecision,
  'cases.get': casesGet,
  'cases.search': casesSearch,
  'cases.deadlines': casesDeadlines,
  'cases.lookup': casesLookup,
  'cases.attachment': casesAttachment,
  'cases.settings': casesSettings,
  'cases.setSettings': casesSetSettings,
  'cases.adminList': casesAdminList,
  'cases.adminShow': casesAdminShow,
  'cases.platformStatus': casesPlatformStatus,
  'cases.platformStatuses': casesPlatformStatuses,
  'demo.seed': demoSeed,
} as const;
