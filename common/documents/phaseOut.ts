/** 渐退通知书 — after a review finds the household above the line: the benefit goes on for N ≤ 6 months, then stops. */
import { z } from 'zod';
import {
  assistanceCategorySchema,
  documentBaseShape,
  fenSchema,
  isoDateSchema,
  isoMonthSchema,
  personSchema,
  redressSchema,
  textSchema,
} from './common';

/** The national measures allow a phase-out (渐退期) of at most six months. */
export const PHASE_OUT_MAX_MONTHS = 6;

export const phaseOutSchema = z
  .object({
    ...documentBaseShape,
    caseNo: textSchema(40),
    applicant: personSchema,
    category: assistanceCategorySchema,
    previousAmountFen: fenSchema,
    /** Paid every month of the phase-out (reduced or unchanged, never more). */
    amountFen: fenSchema,
    months: z.number().int().min(1).max(PHASE_OUT_MAX_MONTHS, `渐退期最长 ${PHASE_OUT_MAX_MONTHS} 个月`),
    /** First and last month of the phase-out; the benefit stops from the month after `endMonth`. */
    startMonth: isoMonthSchema,
    endMonth: isoMonthSchema,
    decidedOn: isoDateSchema,
    reasons: z.array(textSchema(200)).min(1, '应写明理由'),
    legalBasis: z.array(textSchema(120)).min(1, '应写明法律依据'),
    redress: redressSchema,
  })
  .refine((d) => d.amountFen <= d.previousAmountFen, { path: ['amountFen'], message: '渐退期金额不得高于原金额' })
  .refine((d) => d.endMonth >= d.startMonth, { path: ['endMonth'], message: '渐退期结束月份不得早于开始月份' });
export type PhaseOutInput = z.input<typeof phaseOutSchema>;
export type PhaseOutData = z.output<typeof phaseOutSchema>;
