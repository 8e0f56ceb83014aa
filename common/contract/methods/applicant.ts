import { z } from 'zod';
import { policyNoticeSchema } from '../../cases/settings';
import { assistanceTypeSchema, subtypeSchema } from '../../cases/types';
import { faceCaptureSchema, signatureCaptureSchema } from '../../capture/schemas';
import { defineMethod } from '../define';
import { applicantRatingViewSchema } from '../../ratings/view';

/**
 * The applicant screen (issue 6 item 3): a second window, paired with the clerk's window by a
 * one-time code, that shows the applicant what is being recorded about them, takes their
 * signature and their 确认, and shows the station's policy notices between applicants.
 * See main/core/applicant/README.md for the pairing and who receives what.
 */

const pairingCode = z.string().regex(/^[A-Z2-9]{8}$/);
const viewId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

/** An ID number as the applicant screen may carry it: masked (5001**********1234), never whole. */
export const screenIdNumberSchema = z.string().regex(/^[0-9]{4}\*{10}[0-9X]{4}$/);

/** Only what the applicant may see about themselves and their household: never other applicants. */
export const applicantIntakeViewSchema = z
  .object({
    kind: z.literal('intake'),
    applicant: z
      .object({
        name: z.string().max(40),
        idNumber: screenIdNumberSchema.optional(),
        sex: z.enum(['男', '女']).optional(),
        birthDate: z.string().max(10).optional(),
        phone: z.string().max(20).optional(),
        address: z.string().max(120).optional(),
      })
      .strict(),
    members: z
      .array(z.object({ name: z.string().max(40), relationship: z.string().max(20) }).strict())
      .max(30)
      .default([]),
    type: assistanceTypeSchema.optional(),
    subtype: subtypeSchema.optional(),
    /** Ask the applicant to press 确认 (that what is shown is right). */
    askConfirm: z.boolean().default(true),
  })
  .strict();
export type ApplicantIntakeView = z.output<typeof applicantIntakeViewSchema>;

/**
 * One signer of the 家庭经济状况核对授权书 at the applicant screen (the one signing path): the
 * canonical statement of this signer for this case (shown in large type, the ID number masked; the
 * signature bound to its SHA-256), which signer of how many, and the face where the county asks for one.
 */
export const applicantSigningViewSchema = z
  .object({
    kind: z.literal('signing'),
    signer: z.object({ name: z.string().min(1).max(40), role: z.enum(['member', 'supporter']) }).strict(),
    position: z.number().int().min(1).max(30),
    total: z.number().int().min(1).max(30),
    statement: z.string().min(1).max(2000),
    faceRequired: z.boolean(),
    /** The card photo (BMP, base64) the face is matched against, when the card read gave one. */
    cardPhotoBmp: z.base64().max(400_000).optional(),
  })
  .strict();
export type ApplicantSigningView = z.output<typeof applicantSigningViewSchema>;

/**
 * A manual face capture the clerk asked for (手动拍摄: a face the gate never takes, in bad light), with
 * the clerk's reason: core adds it to the signing view on the screen, and a manual capture is taken
 * from the applicant's side only with this reason (never better than 复核 when core judges it).
 */
export const manualFaceSchema = z.object({ reason: z.string().trim().min(2).max(200), at: z.string().max(40) }).strict();
export type ManualFace = z.output<typeof manualFaceSchema>;

/**
 * What became of a signature the screen handed on, told by the clerk's window once core has saved it or
 * refused it (intake.authorize): the screen says 已保存 — or core's reason, and lets the signer sign again.
 */
export const signingOutcomeSchema = z
  .object({ saved: z.boolean(), message: z.string().trim().min(1).max(300).optional(), at: z.string().max(40) })
  .strict();
export type SigningOutcome = z.output<typeof signingOutcomeSchema>;

/** What the applicant may point out as wrong (信息有误): the clerk's screen names it at once. */
export const REPORT_PARTS = ['name', 'idNumber', 'phone', 'address', 'members', 'type', 'statement', 'other'] as const;
export const reportPartSchema = z.enum(REPORT_PARTS);

/** Between applicants: the station's 政策宣传 (built by core from the county settings). */
export const applicantIdleViewSchema = z.object({
  kind: z.literal('idle'),
  stationName: z.string(),
  hotline: z.string(),
  notices: z.array(policyNoticeSchema),
  standards: z.array(z.object({ residence: z.enum(['urban', 'rural']), monthlyFen: z.number().int(), year: z.number().int() })),
  materials: z.array(z.object({ type: assistanceTypeSchema, items: z.array(z.string()) })),
});

/** Every view the screen knows, each with the id core stamps on it (a new kind is one more line here and in `shownViewSchema`). */
export const applicantViewSchema = z.discriminatedUnion('kind', [
  applicantIntakeViewSchema.extend({ viewId }),
  applicantSigningViewSchema.extend({ viewId, manualFace: manualFaceSchema.optional(), outcome: signingOutcomeSchema.optional() }),
  applicantIdleViewSchema.extend({ viewId }),
  /** 好差评 after a service: only core makes it (ratings.ask), never applicant.show. */
  applicantRatingViewSchema.extend({ viewId }),
]);
export type ApplicantView = z.output<typeof applicantViewSchema>;

export const applicantOpen = defineMethod({
  summary:
    "The clerk's window asks for an applicant screen: a one-time pairing code (valid 2 minutes) for the second window. Staff who may ask for a 好差评 rating may pair (print staff too); what the screen shows beyond the notices and the rating question still needs case.write (applicant.show).",
  permission: 'person.read',
  input: z.object({}).strict(),
  output: z.object({ code: pairingCode, expiresAt: z.string() }),
});

export const applicantPair = defineMethod({
  summary:
    "The applicant window presents the code: core binds this window as the applicant display of the clerk's session (no login of its own).",
  permission: 'public',
  input: z.object({ code: z.string().trim().toUpperCase().pipe(pairingCode) }).strict(),
  output: z.object({ view: applicantViewSchema }),
});

export const applicantCurrent = defineMethod({
  summary: 'What the paired applicant window should show now (after a reload or a reconnect).',
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({ view: applicantViewSchema }),
});

export const applicantShow = defineMethod({
  summary: "The clerk's intake pushes what the applicant sees (only applicant-facing fields), or the policy notices between applicants.",
  permission: 'case.write',
  input: z
    .object({
      view: z.discriminatedUnion('kind', [
        applicantIntakeViewSchema,
        applicantSigningViewSchema,
        z.object({ kind: z.literal('idle') }).strict(),
      ]),
    })
    .strict(),
  output: z.object({ paired: z.boolean(), viewId: viewId.nullable() }),
});

export const applicantSign = defineMethod({
  summary:
    "A signer's signature (bound to the signing view's statement) and face (where the view asks for one) from the paired window, for the current signing view; reaches the clerk's window as an event.",
  permission: 'public',
  input: z.object({ viewId, signature: signatureCaptureSchema, face: faceCaptureSchema.nullable().default(null) }).strict(),
  output: z.object({ received: z.literal(true) }),
});

export const applicantManualFace = defineMethod({
  summary:
    "The clerk asks the paired screen's signing view for a manual face capture (手动拍摄) with a reason, for a face the automatic capture never takes; only the clerk's window may, and only for the signing view on the screen that asks for a face.",
  permission: 'case.write',
  input: z.object({ viewId, reason: manualFaceSchema.shape.reason }).strict(),
  output: z.object({ received: z.literal(true) }),
});

export const applicantOutcome = defineMethod({
  summary:
    "The clerk's window tells the paired screen what became of the signature it handed on (saved, or refused with core's words): only for the signing view on the screen, whose signature came from it.",
  permission: 'case.write',
  input: z.object({ viewId, saved: z.boolean(), message: z.string().trim().min(1).max(300).optional() }).strict(),
  output: z.object({ shown: z.boolean() }),
});

export const applicantConfirm = defineMethod({
  summary: "The applicant's 确认 of what the view shows; reaches the clerk's window as an event.",
  permission: 'public',
  input: z.object({ viewId }).strict(),
  output: z.object({ received: z.literal(true) }),
});

export const applicantReport = defineMethod({
  summary:
    "The applicant presses 信息有误 on the paired window, naming the part: the clerk's window is told at once; nothing waits for it.",
  permission: 'public',
  input: z.object({ viewId, part: reportPartSchema }).strict(),
  output: z.object({ received: z.literal(true) }),
});

export const applicantClose = defineMethod({
  summary: "End the pairing of the caller's applicant screen (it falls back to an unpaired, empty page).",
  permission: 'person.read',
  input: z.object({}).strict(),
  output: z.object({ closed: z.boolean() }),
});

/** Events: to the applicant window only, and to the clerk's window only (addressed, never broadcast). */
/** `held`: the clerk's session locked — the screen hides the view it shows and keeps it (with the applicant's work) until that view comes back. */
export const applicantViewEventSchema = z.object({ view: applicantViewSchema.nullable(), held: z.boolean().optional() });
export const applicantReplyEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paired'), at: z.string() }),
  z.object({ kind: z.literal('unpaired'), at: z.string() }),
  z.object({ kind: z.literal('confirmed'), viewId, at: z.string() }),
  z.object({ kind: z.literal('signed'), viewId, at: z.string(), signature: signatureCaptureSchema, face: faceCaptureSchema.nullable() }),
  z.object({ kind: z.literal('reported'), viewId, at: z.string(), part: reportPartSchema }),
]);

export const applicantMethods = {
  'applicant.open': applicantOpen,
  'applicant.pair': applicantPair,
  'applicant.current': applicantCurrent,
  'applicant.show': applicantShow,
  'applicant.sign': applicantSign,
  'applicant.manualFace': applicantManualFace,
  'applicant.outcome': applicantOutcome,
  'applicant.confirm': applicantConfirm,
  'applicant.report': applicantReport,
  'applicant.close': applicantClose,
} as const;
