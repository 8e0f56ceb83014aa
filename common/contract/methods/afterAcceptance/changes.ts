import { z } from 'zod';
import { CHANGE_ORIGINS, CHANGE_OUTCOMES, DECIDED_ITEM_KINDS } from '../../../sync/decisions';
import { defineMethod } from '../../define';

/**
 * Changes to a benefit (调整 / 渐退 / 终止) are decisions (DOMAIN.md "Who decides"; 办法 art. 32,
 * 社会救助暂行办法 art. 11, 13): a review or a warning only PROPOSES one; the county decides it on the
 * platform (pulled), or the station head where the county delegated 审核确认. Decisions from the
 * platform that cannot be applied are listed with the reason they were sent back.
 */

const lines = (max: number) => z.array(z.string().trim().min(1).max(max)).max(10).default([]);

export const CHANGE_STATUSES = ['proposed', 'approved', 'refused'] as const;

export const changeViewSchema = z.object({
  id: z.string(),
  rosterId: z.string(),
  caseId: z.string(),
  caseNo: z.string().nullable(),
  applicantName: z.string(),
  origin: z.enum(CHANGE_ORIGINS),
  originId: z.string(),
  outcome: z.enum(CHANGE_OUTCOMES),
  previousAmountFen: z.number().int(),
  /** adjust: the new amount; 渐退: the amount during the phase-out; stop: null. */
  newAmountFen: z.number().int().nullable(),
  effectiveMonth: z.string(),
  phaseOut: z.object({ months: z.number().int(), endMonth: z.string(), stopMonth: z.string() }).nullable(),
  reasons: z.array(z.string()),
  legalBasis: z.array(z.string()),
  status: z.enum(CHANGE_STATUSES),
  proposedAt: z.string(),
  proposedBy: z.string(),
  decision: z
    .object({ source: z.enum(['platform', 'local']), decidedOn: z.string(), reasons: z.array(z.string()), decidedBy: z.string() })
    .nullable(),
  /** The 终止 / 调整 / 渐退通知书 the decision queued (none before it, none when refused). */
  notice: z.object({ kind: z.string(), state: z.string() }).nullable(),
});
export type ChangeView = z.infer<typeof changeViewSchema>;

export const decisionRefusalViewSchema = z.object({
  decisionId: z.string(),
  kind: z.enum(DECIDED_ITEM_KINDS),
  caseId: z.string(),
  caseNo: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  receivedAt: z.string(),
  /** The `decision.refusal` record that tells the platform: queued, sent, acknowledged … */
  sent: z.enum(['queued', 'sent', 'acknowledged', 'rejected', 'conflict']),
});
export type DecisionRefusalView = z.infer<typeof decisionRefusalViewSchema>;

export const changesList = defineMethod({
  summary: 'Proposals to adjust, phase out or stop a benefit: open ones first, then the latest decided (the view is audited).',
  permission: 'case.read',
  input: z.object({ filter: z.enum(['open', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(200) }).strict(),
  output: z.object({ rows: z.array(changeViewSchema), delegated: z.boolean(), today: z.string() }),
});

export const changesDecide = defineMethod({
  summary:
    'The station head decides a proposal where the county delegated 审核确认: approved → roster changed and the notice queued; refused (with reasons) → the benefit continues.',
  permission: 'case.decide',
  input: z
    .object({
      proposalId: z.string().min(1).max(64),
      outcome: z.enum(['approved', 'refused']),
      reasons: lines(200),
      legalBasis: lines(120),
    })
    .strict(),
  output: changeViewSchema,
});

export const decisionsRefusals = defineMethod({
  summary: 'Decisions from the platform this station could not apply, with the reason sent back to the platform (sync centre).',
  permission: 'sync.run',
  input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
  output: z.object({ rows: z.array(decisionRefusalViewSchema) }),
});

export const changesMethods = {
  'changes.list': changesList,
  'changes.decide': changesDecide,
  'decisions.refusals': decisionsRefusals,
} as const;
