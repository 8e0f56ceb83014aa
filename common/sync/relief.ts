import { z } from 'zod';
import { RELIEF_FORMS } from '../cases/relief';

/**
 * Assistance that is not monthly, on the wire (docs/sync-protocol.md §5.8): a 临时救助 payment —
 * the station's 先行救助 (`advance`) or the grant of a decision (`grant`) — and the entry into or
 * exit from 低收入人口 monitoring. Neither carries a name: the platform knows the case; a monitoring
 * record names the people monitored by ID number, which is what its warnings match.
 */

export const RELIEF_PAYMENT_RECORD_KIND = 'relief.payment';
export const MONITORING_RECORD_KIND = 'monitoring.entry';

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Body of a `relief.payment` record. */
export const reliefPaymentBodySchema = z
  .object({
    paymentId: id,
    caseId: id,
    kind: z.enum(['advance', 'grant']),
    /** grant: the decision it carries out. */
    decisionId: id.optional(),
    amountFen: z.number().int().positive().max(10_000_000),
    form: z.enum(RELIEF_FORMS),
    inKind: z.string().min(1).max(200).optional(),
    /** grant: instalments (1 = one-off). */
    payments: z.number().int().min(1).max(12),
    /** advance: the day paid, who paid it and why it could not wait; the papers' due date. */
    paidOn: isoDate.optional(),
    paidBy: z.string().min(1).max(30).optional(),
    reason: z.string().min(1).max(300).optional(),
    papersDueOn: isoDate.optional(),
    recordedAt: z.string().max(40),
  })
  .strict()
  .refine((b) => (b.form === 'in_kind') === (b.inKind !== undefined), { path: ['inKind'], message: 'inKind is given for in_kind only' })
  .refine(
    (b) =>
      b.kind === 'advance'
        ? b.paidOn !== undefined && b.paidBy !== undefined && b.papersDueOn !== undefined && b.decisionId === undefined
        : b.decisionId !== undefined,
    {
      path: ['kind'],
      message: 'an advance carries paidOn, paidBy and papersDueOn; a grant its decisionId',
    },
  );
export type ReliefPaymentBody = z.infer<typeof reliefPaymentBodySchema>;

/** Body of a `monitoring.entry` record: a household put under, or taken off, 低收入人口 monitoring. */
export const monitoringBodySchema = z
  .object({
    monitoringId: id,
    caseId: id,
    action: z.enum(['enter', 'exit']),
    /** Why it is monitored: a refused applicant, or a 低保边缘 household. */
    origin: z.enum(['refused', 'marginal']),
    /** The household's ID numbers, the applicant first. */
    idNumbers: z
      .array(z.string().regex(/^\d{17}[\dX]$/))
      .min(1)
      .max(30),
    reason: z.string().min(1).max(300),
    at: z.string().max(40),
  })
  .strict();
export type MonitoringBody = z.infer<typeof monitoringBodySchema>;
