import { z } from 'zod';
import { defineMethod } from '../define';

/**
 * A 核对 report the platform sent that this station keeps aside, not applied (its case is not here),
 * as the sync centre lists it: the case as the report names it, the household by its first member
 * masked (never an ID number or a name in full), the report's centre, number and issue day, when it
 * came, and why it is kept with what to do — both in words.
 */
export const verificationKeptRowSchema = z.object({
  id: z.string(),
  /** The case number the report names; null where the platform sent none (then `caseId` is all there is). */
  caseNo: z.string().nullable(),
  caseId: z.string(),
  /** The report's first member, masked: 张*国 500110********0012. */
  householdMasked: z.string(),
  members: z.number().int(),
  centre: z.string(),
  reportNo: z.string(),
  issuedOn: z.string(),
  receivedAt: z.string(),
  code: z.string(),
  reason: z.string(),
  advice: z.string(),
});
export type VerificationKeptRow = z.infer<typeof verificationKeptRowSchema>;

export const verificationKept = defineMethod({
  summary:
    "核对 reports the platform sent for a case this station does not hold, kept aside until the case arrives, each with its reason and what to do — the sync centre's list (the read is audited with a count).",
  // The report holds a household's economic data: the casework of a caseworker or the station head, not print staff or the administrator.
  permission: 'case.casework',
  input: z.object({}).strict(),
  output: z.object({ rows: z.array(verificationKeptRowSchema) }),
});

export const verificationMethods = {
  'verification.kept': verificationKept,
} as const;
