import { z } from 'zod';

/**
 * 核对 results on the case page (main/core/cases/verification; the wire form is
 * sync-protocol/records/verificationReport.ts). The data types of the national and city 核对
 * (《最低生活保障审核确认办法》 art. 17): `amountFen` is a balance or value for the asset types and a
 * monthly income for the income types.
 */
export const VERIFICATION_DATA_TYPES = ['deposit', 'vehicle', 'realEstate', 'business', 'socialInsurance', 'providentFund', 'tax'] as const;
export type VerificationDataType = (typeof VERIFICATION_DATA_TYPES)[number];
/** Types whose amount is a monthly income (a pension or benefit paid; the income a tax record shows). */
export const VERIFICATION_INCOME_TYPES: readonly VerificationDataType[] = ['socialInsurance', 'tax'];

const itemView = z.object({
  type: z.enum(VERIFICATION_DATA_TYPES),
  amountFen: z.number().int(),
  source: z.string(),
  asOf: z.string(),
  detail: z.string().nullable(),
});

export const verificationViewSchema = z
  .object({
    reportId: z.string(),
    reportNo: z.string(),
    centre: z.string(),
    issuedOn: z.string(),
    receivedAt: z.string(),
    members: z.array(
      z.object({
        idNumber: z.string(),
        name: z.string(),
        items: z.array(itemView),
        /** Balances and values of the asset types, fen. */
        assetsFen: z.number().int(),
        /** Monthly income of the income types, fen. */
        incomeFen: z.number().int(),
      }),
    ),
    totals: z.object({
      depositsFen: z.number().int(),
      vehicleValueFen: z.number().int(),
      realEstateCount: z.number().int(),
      incomeFen: z.number().int(),
    }),
    /** Earlier reports of the case this one replaced, newest first. */
    superseded: z.array(z.object({ reportId: z.string(), reportNo: z.string(), issuedOn: z.string() })),
    /** What the report says against the declaration and the county's limits (a hint; the county decides). */
    findings: z.array(z.string()),
  })
  .nullable();
export type VerificationView = z.infer<typeof verificationViewSchema>;
