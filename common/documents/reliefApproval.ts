/**
 * 临时救助审核确认通知书 — a 临时救助 approval: the total in figures and capitals, how it is paid
 * (现金 / 实物 with what is given / 转账) and in how many instalments, and the 先行救助 already paid.
 * Not the monthly 审核确认通知书: 临时救助 is paid once or in a few instalments
 * (《社会救助暂行办法》 arts. 47–50; 民发〔2018〕23号).
 */
import { z } from 'zod';
import { MAX_RELIEF_PAYMENTS, reliefFormSchema } from '../cases/relief';
import { documentBaseShape, fenSchema, isoDateSchema, personSchema, textSchema } from './common';

const inKindRule = (p: { form: string; inKind?: string | undefined }) => (p.form === 'in_kind') === (p.inKind !== undefined);
const inKindIssue = { path: ['inKind'], message: '实物救助须写明实物内容；现金或转账不填' };

/** The 先行救助 paid before the papers (art. 49), printed as what has already been given. */
const reliefAdvancePaidSchema = z
  .object({ amountFen: fenSchema.min(1), form: reliefFormSchema, inKind: textSchema(200).optional(), paidOn: isoDateSchema })
  .refine(inKindRule, inKindIssue);

export const reliefApprovalSchema = z
  .object({
    ...documentBaseShape,
    caseNo: textSchema(40),
    applicant: personSchema,
    category: z.enum(['temporary-emergency', 'temporary-expense']),
    householdSize: z.number().int().min(1).max(30),
    /** The granted total, in fen. */
    amountFen: fenSchema.min(1),
    form: reliefFormSchema,
    /** What is given, when the form is 实物. */
    inKind: textSchema(200).optional(),
    /** 1 = one-off; more = staged payments (一次审批、分阶段救助). */
    payments: z.number().int().min(1).max(MAX_RELIEF_PAYMENTS),
    advance: reliefAdvancePaidSchema.optional(),
    decidedOn: isoDateSchema,
    legalBasis: z.array(textSchema(120)).default([]),
  })
  .refine(inKindRule, inKindIssue);
export type ReliefApprovalInput = z.input<typeof reliefApprovalSchema>;
export type ReliefApprovalData = z.output<typeof reliefApprovalSchema>;
