/** 终止 / 调整通知书 — stop or change a benefit, with reasons, legal basis and the redress route. */
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

export const terminationSchema = z
  .object({
    ...documentBaseShape,
    caseNo: textSchema(40),
    applicant: personSchema,
    category: assistanceCategorySchema,
    action: z.enum(['terminate', 'adjust']),
    previousAmountFen: fenSchema,
    /** Required for `adjust`. */
    newAmountFen: fenSchema.optional(),
    /** The first month the change applies to. */
    effectiveMonth: isoMonthSchema,
    decidedOn: isoDateSchema,
    reasons: z.array(textSchema(200)).min(1, '应写明理由'),
    legalBasis: z.array(textSchema(120)).min(1, '应写明法律依据'),
    redress: redressSchema,
  })
  .refine((d) => d.action === 'terminate' || d.newAmountFen !== undefined, {
    path: ['newAmountFen'],
    message: '调整待遇时应写明调整后的金额',
  });
export type TerminationInput = z.input<typeof terminationSchema>;
export type TerminationData = z.output<typeof terminationSchema>;
