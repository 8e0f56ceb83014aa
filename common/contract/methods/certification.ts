import { z } from 'zod';
import { DEFAULT_FACE_DECISION } from '../../capture/faceVerdict';
import { faceCaptureSchema } from '../../capture/schemas';
import { REMOTE_CERTIFICATION_METHODS } from '../../sync/pull';
import { defineMethod } from '../define';

/**
 * 待遇资格认证 (benefit eligibility certification): enrolled people prove, on the county's
 * schedule, that they are alive and still eligible — at the counter with a face check against
 * their enrolled photo, or through a proxy backed by a home visit. See main/core/certification.
 */

const score = z.number().min(0).max(1);

/** The capture issue's face thresholds (common/capture/faceVerdict.ts), as the county sets them. */
export const faceDecisionSchema = z
  .object({ matchPass: score, matchReview: score, livePass: score, liveReview: score })
  .refine((f) => f.matchReview <= f.matchPass && f.liveReview <= f.livePass, {
    message: 'review threshold above pass threshold',
    path: ['matchReview'],
  });

export const CERTIFICATION_MODES = ['interval', 'fixedMonths'] as const;
export const CERTIFICATION_WHO = ['applicant', 'adults'] as const;

export const certificationSettingsSchema = z
  .object({
    /** interval: every N months after the last certification (or enrolment); fixedMonths: in the listed months of each year. */
    mode: z.enum(CERTIFICATION_MODES).default('interval'),
    intervalMonths: z.number().int().min(1).max(36).default(12),
    /** Months of the year (1–12) in which people certify, for mode fixedMonths. */
    months: z.array(z.number().int().min(1).max(12)).max(12).default([]),
    /** Who must certify: the household's applicant only, or every member aged 18 or over. */
    who: z.enum(CERTIFICATION_WHO).default('applicant'),
    /** Interval mode: a certification is listed as due this many days before its date. */
    dueWindowDays: z.number().int().min(0).max(90).default(30),
    /** Whether a proxy (with a home visit) may certify for someone who cannot come. */
    proxyAllowed: z.boolean().default(true),
    /** Face match and liveness thresholds; default the capture issue's. */
    face: faceDecisionSchema.default(DEFAULT_FACE_DECISION),
  })
  .refine((s) => s.mode !== 'fixedMonths' || s.months.length > 0, { message: 'fixedMonths needs at least one month', path: ['months'] });
export type CertificationSettings = z.output<typeof certificationSettingsSchema>;

export const CERTIFICATION_RESULTS = ['pass', 'review', 'fail'] as const;
export const CERTIFICATION_OUTCOMES = ['certified', 'failed'] as const;
export const DUE_STATUSES = ['overdue', 'due', 'later'] as const;

export const dueRowSchema = z.object({
  /** The full number: the clerk picks the person by it (the view is audited); shown masked. */
  idNumber: z.string(),
  idNumberMasked: z.string(),
  name: z.string(),
  rosterId: z.string(),
  caseId: z.string(),
  applicantName: z.string(),
  isApplicant: z.boolean(),
  dueOn: z.string(),
  opensOn: z.string(),
  status: z.enum(DUE_STATUSES),
  lastCertifiedOn: z.string().nullable(),
});
export type DueRow = z.infer<typeof dueRowSchema>;

export const certificationRecordSchema = z.object({
  id: z.string(),
  idNumberMasked: z.string(),
  name: z.string(),
  caseId: z.string(),
  /** remote: made elsewhere (the mini-program's face check, …) and pulled from the platform (`remote` says how and when). */
  method: z.enum(['counter', 'proxy', 'remote']),
  result: z.enum(CERTIFICATION_RESULTS),
  outcome: z.enum(CERTIFICATION_OUTCOMES),
  certifiedOn: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  match: z.object({ score: z.number().nullable(), verdict: z.enum(['pass', 'review', 'fail', 'notApplicable']) }).nullable(),
  liveness: z
    .object({ antispoof: z.number().nullable(), liveness: z.number().nullable(), verdict: z.enum(CERTIFICATION_RESULTS) })
    .nullable(),
  thresholds: faceDecisionSchema.nullable(),
  referenceSource: z.enum(['enrolled', 'card', 'none']).nullable(),
  photoSha256: z.string().nullable(),
  confirmation: z.object({ decision: z.enum(['confirm', 'reject']), reason: z.string() }).nullable(),
  proxy: z.object({ name: z.string(), relationship: z.string(), idNumberMasked: z.string() }).nullable(),
  homeVisit: z.object({ visitedOn: z.string(), staff: z.array(z.string()), findings: z.string() }).nullable(),
  remote: z.object({ method: z.enum(REMOTE_CERTIFICATION_METHODS), certifiedAt: z.string() }).nullable(),
  /** When this person is due next (after a certified outcome it moves on). */
  nextDueOn: z.string(),
});
export type CertificationRecord = z.infer<typeof certificationRecordSchema>;

const idNumberInput = z.string().trim().min(1).max(32);

export const certificationSettings = defineMethod({
  summary: "The county's certification schedule, who certifies, proxy rule and face thresholds.",
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({ settings: certificationSettingsSchema }),
});

export const certificationSetSettings = defineMethod({
  summary: "Change the county's certification rules (audited).",
  permission: 'admin.settings',
  input: z.object({ settings: certificationSettingsSchema }).strict(),
  output: z.object({ settings: certificationSettingsSchema }),
});

export const certificationDue = defineMethod({
  summary: 'Enrolled people who must certify, with their due date: due (window open), overdue, or all (the view is audited).',
  permission: 'case.read',
  input: z
    .object({ filter: z.enum(['due', 'overdue', 'all']).default('due'), limit: z.number().int().min(1).max(2000).default(500) })
    .strict(),
  output: z.object({
    rows: z.array(dueRowSchema),
    today: z.string(),
    counts: z.object({ persons: z.number(), due: z.number(), overdue: z.number() }),
  }),
});

export const certificationPerson = defineMethod({
  summary:
    'One enrolled person for the counter check: due date, enrolled photo (intake face), earlier certifications (audited). Refused for anyone not on the active roster.',
  permission: 'case.read',
  input: z.object({ idNumber: idNumberInput }).strict(),
  output: z.object({
    person: dueRowSchema,
    enrolledPhoto: z.object({ attachmentId: z.string(), sha256: z.string(), mime: z.string(), base64: z.string() }).nullable(),
    history: z.array(certificationRecordSchema),
    settings: certificationSettingsSchema,
  }),
});

export const certificationRecord = defineMethod({
  summary:
    'Record a counter certification: the live face photo (encrypted, hashed), match and liveness scores; the result is computed with the county thresholds; a review needs the clerk’s confirmation with a reason.',
  permission: 'case.write',
  input: z
    .object({
      idNumber: idNumberInput,
      face: faceCaptureSchema,
      /** What the live face was matched against: the enrolled (intake) photo, the card photo (PNG, converted from the reader's BMP), or nothing. */
      reference: z.discriminatedUnion('source', [
        z.object({ source: z.literal('enrolled'), attachmentId: z.string().min(1).max(64) }).strict(),
        z.object({ source: z.literal('card'), pngBase64: z.base64().max(2_000_000) }).strict(),
        z.object({ source: z.literal('none') }).strict(),
      ]),
      confirmation: z
        .object({ decision: z.enum(['confirm', 'reject']), reason: z.string().trim().min(2).max(300) })
        .strict()
        .optional(),
    })
    .strict(),
  output: certificationRecordSchema,
});

export const certificationRecordProxy = defineMethod({
  summary:
    'Record a proxy certification for someone who cannot come: the proxy’s identity (ID number checked) and the home visit that confirmed the person (date, 2+ staff, findings).',
  permission: 'case.write',
  input: z
    .object({
      idNumber: idNumberInput,
      proxy: z
        .object({
          idNumber: z.string().trim().max(32),
          name: z.string().trim().min(1).max(40),
          relationship: z.string().trim().min(1).max(20),
        })
        .strict(),
      /** Required by the law of the county; left optional here so its absence gets the zh-CN refusal. */
      homeVisit: z
        .object({
          visitedOn: z.iso.date(),
          staff: z.array(z.string().trim().max(40)).max(10),
          findings: z.string().trim().min(1).max(1000),
        })
        .strict()
        .nullable()
        .optional(),
    })
    .strict(),
  output: certificationRecordSchema,
});

/** A pulled remote certification this station could not record, and why (a person not on its roster …). */
export const remoteKeptRowSchema = z.object({
  id: z.string(),
  idNumberMasked: z.string(),
  method: z.enum(REMOTE_CERTIFICATION_METHODS),
  certifiedAt: z.string(),
  code: z.string(),
  message: z.string(),
  receivedAt: z.string(),
});

export const certificationRemoteKept = defineMethod({
  summary:
    'Remote certifications (made on the phone, pulled from the platform) not recorded here, each with its reason — shown in the sync centre.',
  permission: 'sync.run',
  input: z.object({}).strict(),
  output: z.object({ rows: z.array(remoteKeptRowSchema) }),
});

export const certificationRetryKept = defineMethod({
  summary:
    'Record the kept remote certifications whose person is now on the active roster (a household imported after its head certified on the phone); the others stay kept with the reason of today (audited).',
  permission: 'case.write',
  input: z.object({}).strict(),
  output: z.object({ applied: z.number().int(), kept: z.number().int() }),
});

export const certificationMethods = {
  'certification.settings': certificationSettings,
  'certification.setSettings': certificationSetSettings,
  'certification.due': certificationDue,
  'certification.person': certificationPerson,
  'certification.record': certificationRecord,
  'certification.recordProxy': certificationRecordProxy,
  'certification.remoteKept': certificationRemoteKept,
  'certification.retryKept': certificationRetryKept,
} as const;
