import { z } from 'zod';
import { defineMethod } from '../define';

export const auditRowSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  workstation: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const auditQuery = defineMethod({
  summary: 'Audit rows, newest first, filtered by user, action, target (person/case id) and date.',
  permission: 'audit.read',
  input: z
    .object({
      actor: z.string().max(64).optional(),
      action: z.string().max(64).optional(),
      targetId: z.string().max(64).optional(),
      from: z.string().max(30).optional(),
      to: z.string().max(30).optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  output: z.array(auditRowSchema),
});

export const auditVerify = defineMethod({
  summary: 'Verify the audit hash chain; names the first altered, removed or reordered row.',
  permission: 'audit.read',
  input: z.object({}).strict(),
  output: z.object({ ok: z.boolean(), rows: z.number(), firstBad: z.object({ seq: z.number(), reason: z.string() }).optional() }),
});

/** This capability's methods, as they appear in the registry. */
export const auditMethods = {
  'audit.query': auditQuery,
  'audit.verify': auditVerify,
} as const;
