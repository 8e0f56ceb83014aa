import { z } from 'zod';
import { verificationReportItemSchema as envelope } from '../../common/sync/pull';
import { VERIFICATION_DATA_TYPES, VERIFICATION_INCOME_TYPES, type VerificationDataType } from '../../common/cases/verification';
import { caseIdSchema, idNumberSchema } from './fields';

/**
 * `verification.report` (docs/sync-protocol.md §7.3; main/core/cases/verification): the household
 * economic verification report (家庭经济状况核对报告) the 核对 centre returns for a case after the
 * household's authorizations reached the platform. Per member (by ID number), per data type, the
 * items found with their amount in fen, the source that answered and the day the figure stands at.
 * `id` is the platform's id of the report: a workstation applies it once, whatever the number of
 * deliveries; a later report of the same case supersedes the earlier one.
 */
export const VERIFICATION_REPORT = 'verification.report';

export { VERIFICATION_DATA_TYPES, VERIFICATION_INCOME_TYPES, type VerificationDataType };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const verificationItemSchema = z
  .object({
    type: z.enum(VERIFICATION_DATA_TYPES),
    /** A balance or value (asset types), or a monthly income (income types), in fen; never negative. */
    amountFen: z.number().int().nonnegative().max(1e15),
    /** The body that answered (人民银行…, 车管所, 不动产登记中心, 市场监管, 人社, 公积金中心, 税务). */
    source: z.string().min(1).max(80),
    /** The day the figure stands at. */
    asOf: isoDate,
    /** What the item is (an account's bank, a plate number, an address, a company), as the source gave it. */
    detail: z.string().max(200).optional(),
  })
  .strict();
export type VerificationItem = z.infer<typeof verificationItemSchema>;

export const verificationReportBodySchema = z
  .object({
    caseId: caseIdSchema,
    caseNo: z.string().max(40).nullable(),
    /** The 核对 centre that issued the report, and its number there. */
    centre: z.string().min(1).max(80),
    reportNo: z.string().min(1).max(64),
    issuedOn: isoDate,
    members: z
      .array(
        z
          .object({
            idNumber: idNumberSchema,
            name: z.string().min(1).max(40),
            /** Every item found; an empty list says nothing was found for this member. */
            items: z.array(verificationItemSchema).max(200),
          })
          .strict(),
      )
      .min(1)
      .max(40)
      .superRefine((members, ctx) => {
        const seen = new Set<string>();
        members.forEach((m, i) => {
          if (seen.has(m.idNumber)) ctx.addIssue({ code: 'custom', path: [i, 'idNumber'], message: '同一成员出现两次' });
          seen.add(m.idNumber);
        });
      }),
  })
  .strict();
export type VerificationReportBody = z.infer<typeof verificationReportBodySchema>;

export const pulledVerificationReportItemSchema = envelope.extend({ body: verificationReportBodySchema });
export type PulledVerificationReportItem = z.infer<typeof pulledVerificationReportItemSchema>;
