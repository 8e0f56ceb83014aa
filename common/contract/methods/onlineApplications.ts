import { z } from 'zod';
import { memberSchema } from '../../cases/household';
import { applicantSchema } from '../../cases/person';
import { caseStateSchema } from '../../cases/stateMachine';
import { assistanceTypeSchema, reasonCodeSchema, subtypeSchema } from '../../cases/types';
import { ONLINE_APPLICATION_SOURCES } from '../../onlineApplications/sources';
import { defineMethod } from '../define';

/**
 * The 待受理 queue (main/core/onlineApplications): applications made in the 救助通 mini-program or
 * by a 网格员 on the phone, pulled from the platform. The clerk opens one, completes it at the
 * counter through the intake (`onlineApplications.startIntake` makes the prefilled draft) and
 * decides 受理 / 补正 / 不予受理 with `cases.decide`. Permissions are the intake's (`case.write`).
 */

const id = z.string().min(1).max(64);

/** The acceptance limit of an online application: the county's, counted from the online submission day; null where the county sets none. */
export const onlineDeadlineSchema = z
  .object({ dueDate: z.string(), workingDaysLeft: z.number().int(), status: z.enum(['overdue', 'due_soon', 'on_time']), met: z.boolean() })
  .nullable();

export const onlineQueueRowSchema = z.object({
  id,
  submittedAt: z.string(),
  source: z.enum(ONLINE_APPLICATION_SOURCES),
  type: assistanceTypeSchema,
  applicantName: z.string(),
  applicantIdNumberMasked: z.string(),
  householdSize: z.number().int(),
  paperCount: z.number().int(),
  deadline: onlineDeadlineSchema,
  /** The case it was completed into at the counter, and that case's state (draft until submitted, then the legal path's). */
  caseId: z.string().nullable(),
  caseState: caseStateSchema.nullable(),
});
export type OnlineQueueRow = z.infer<typeof onlineQueueRowSchema>;

export const onlineApplicationsList = defineMethod({
  summary:
    'The 待受理 queue: online applications, those still waiting first (oldest submission first), each with its acceptance limit and the case it became.',
  permission: 'case.write',
  input: z.object({ show: z.enum(['waiting', 'all']).default('waiting') }).strict(),
  output: z.object({ rows: z.array(onlineQueueRowSchema), acceptanceWorkingDays: z.number().int().nullable() }),
});

export const onlineApplicationDetailSchema = onlineQueueRowSchema.extend({
  subtype: subtypeSchema.nullable(),
  applicant: applicantSchema,
  members: z.array(memberSchema),
  reasons: z.array(reasonCodeSchema),
  reasonText: z.string(),
  papers: z.array(
    z.object({
      sha256: z.string(),
      material: z.string(),
      materialLabel: z.string(),
      page: z.number().int(),
      contentType: z.string(),
      size: z.number().int(),
    }),
  ),
  signatures: z.array(
    z.object({ sha256: z.string(), name: z.string(), idNumberMasked: z.string(), signedAt: z.string(), contentType: z.string() }),
  ),
});
export type OnlineApplicationDetail = z.infer<typeof onlineApplicationDetailSchema>;

export const onlineApplicationsGet = defineMethod({
  summary:
    'One online application as the applicant filed it: applicant, members, papers and signatures (audited as a view of personal data).',
  permission: 'case.write',
  input: z.object({ id }).strict(),
  output: onlineApplicationDetailSchema,
});

export const onlineApplicationsStartIntake = defineMethod({
  summary:
    'Complete an online application at the counter: the intake draft prefilled from it (made once, linked to the queue entry), or the case it already became.',
  permission: 'case.write',
  input: z.object({ id }).strict(),
  output: z.object({ caseId: z.string(), created: z.boolean() }),
});

export const onlineApplicationsMethods = {
  'onlineApplications.list': onlineApplicationsList,
  'onlineApplications.get': onlineApplicationsGet,
  'onlineApplications.startIntake': onlineApplicationsStartIntake,
};
