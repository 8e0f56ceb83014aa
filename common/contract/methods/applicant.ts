import { z } from 'zod';
import { policyNoticeSchema } from '../../cases/settings';
import { assistanceTypeSchema, subtypeSchema } from '../../cases/types';
import { signatureCaptureSchema } from '../../capture/schemas';
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

/** Only what the applicant may see about themselves and their household: never other applicants. */
export const applicantIntakeViewSchema = z
  .object({
    kind: z.literal('intake'),
    applicant: z
      .object({
        name: z.string().max(40),
        idNumber: z.string().max(18).optional(),
        sex: z.enum(['男', '女']).optional(),
        birthDate: z.string().max(10).optional(),
        phone: z.string().max(20).optional(),
        address: z.string().max(120).optional(),
      })
      .strict(),
    members: z.array(z.object({ name: z.string().max(40), relationship: z.string().max(20) }).strict()).max(30).default([]),
    type: assistanceTypeSchema.optional(),
    subtype: subtypeSchema.optional(),
    /** Ask the applicant to sign on this screen. */
    askSignature: z.boolean().default(false),
    /** The 授权书 statement the signature is asked for: shown on the screen, the signature bound to its SHA-256. */
    statement: z.string().max(2000).optional(),
    /** Ask the applicant to press 确认 (that what is shown is right). */
    askConfirm: z.boolean().default(true),
  })
  .strict();
export type ApplicantIntakeView = z.output<typeof applicantIntakeViewSchema>;

/** Between applicants: the station's 政策宣传 (built by core from the county settings). */
export const applicantIdleViewSchema = z.object({
  kind: z.literal('idle'),
  stationName: z.string(),
  hotline: z.string(),
  notices: z.array(policyNoticeSchema),
  standards: z.array(z.object({ residence: z.enum(['urban', 'rural']), monthlyFen: z.number().int(), year: z.number().int() })),
  materials: z.array(z.object({ type: assistanceTypeSchema, items: z.array(z.string()) })),
});

export const applicantViewSchema = z.discriminatedUnion('kind', [
  applicantIntakeViewSchema.extend({ viewId }),
  applicantIdleViewSchema.extend({ viewId }),
  /** 好差评 after a service: only core makes it (ratings.ask), never applicant.show. */
  applicantRatingViewSchema.extend({ viewId }),
]);
export type ApplicantView = z.output<typeof applicantViewSchema>;

export const applicantOpen = defineMethod({
  summary: "The clerk's window asks for an applicant screen: a one-time pairing code (valid 2 minutes) for the second window.",
  permission: 'case.write',
  input: z.object({}).strict(),
  output: z.object({ code: pairingCode, expiresAt: z.string() }),
});

export const applicantPair = defineMethod({
  summary: "The applicant window presents the code: core binds this window as the applicant display of the clerk's session (no login of its own).",
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
  input: z.object({ view: z.discriminatedUnion('kind', [applicantIntakeViewSchema, z.object({ kind: z.literal('idle') }).strict()]) }).strict(),
  output: z.object({ paired: z.boolean(), viewId: viewId.nullable() }),
});

export const applicantSign = defineMethod({
  summary: "The applicant's signature from the paired window, for the view that asked for it; reaches the clerk's window as an event.",
  permission: 'public',
  input: z.object({ viewId, signature: signatureCaptureSchema }).strict(),
  output: z.object({ received: z.literal(true) }),
});

export const applicantConfirm = defineMethod({
  summary: "The applicant's 确认 of what the view shows; reaches the clerk's window as an event.",
  permission: 'public',
  input: z.object({ viewId }).strict(),
  output: z.object({ received: z.literal(true) }),
});

export const applicantClose = defineMethod({
  summary: "End the pairing of the caller's applicant screen (it falls back to an unpaired, empty page).",
  permission: 'case.write',
  input: z.object({}).strict(),
  output: z.object({ closed: z.boolean() }),
});

/** Events: to the applicant window only, and to the clerk's window only (addressed, never broadcast). */
export const applicantViewEventSchema = z.object({ view: applicantViewSchema.nullable() });
export const applicantReplyEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paired'), at: z.string() }),
  z.object({ kind: z.literal('unpaired'), at: z.string() }),
  z.object({ kind: z.literal('confirmed'), viewId, at: z.string() }),
  z.object({ kind: z.literal('signed'), viewId, at: z.string(), signature: signatureCaptureSchema }),
]);

export const applicantMethods = {
  'applicant.open': applicantOpen,
  'applicant.pair': applicantPair,
  'applicant.current': applicantCurrent,
  'applicant.show': applicantShow,
  'applicant.sign': applicantSign,
  'applicant.confirm': applicantConfirm,
  'applicant.close': applicantClose,
} as const;
