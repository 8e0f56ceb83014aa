import { z } from 'zod';
import { sha256HexSchema } from '../../common/sync/primitives';
import { blobsSchema, caseIdSchema, idNumberSchema, sameCase } from './fields';

/**
 * `certification.record` (docs/sync-protocol.md §5.1; main/core/certification): one 待遇资格认证 of
 * an enrolled person — at the counter with a face check (the live photo's SHA-256 in `blobs`), or
 * through a proxy backed by a home visit of at least two staff.
 */
export const CERTIFICATION_RECORD = 'certification.record';

const verdict = z.enum(['pass', 'review', 'fail']);
const score = z.number().min(0).max(1).nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const certificationRecordBodySchema = z.object({
  certificationId: z.string().min(1).max(64),
  rosterId: z.string().min(1).max(64),
  caseId: caseIdSchema,
  person: z.object({ idNumber: idNumberSchema, name: z.string().min(1).max(40) }),
  method: z.enum(['counter', 'proxy']),
  result: verdict,
  outcome: z.enum(['certified', 'failed']),
  certifiedOn: day,
  recordedAt: z.string().min(1).max(40),
  match: z.object({ score, verdict: z.enum(['pass', 'review', 'fail', 'notApplicable']) }).nullable(),
  liveness: z.object({ antispoof: score, liveness: score, verdict }).nullable(),
  thresholds: z.object({ matchPass: z.number(), matchReview: z.number(), livePass: z.number(), liveReview: z.number() }).nullable(),
  /** What the live face was matched against. */
  referenceSource: z.enum(['enrolled', 'card', 'none']).nullable(),
  photoSha256: sha256HexSchema.nullable(),
  /** The clerk's confirmation of a result the model left to a person. */
  confirmation: z.object({ decision: z.enum(['confirm', 'reject']), reason: z.string().max(500) }).nullable(),
  proxy: z.object({ idNumber: idNumberSchema, name: z.string().min(1).max(40), relationship: z.string().max(40) }).nullable(),
  homeVisit: z.object({ visitedOn: day, staff: z.array(z.string().min(1).max(40)).max(10), findings: z.string().max(2000) }).nullable(),
  nextDueOn: day,
});
export type CertificationRecordBody = z.infer<typeof certificationRecordBodySchema>;

export const certificationRecordSchema = z
  .object({
    kind: z.literal(CERTIFICATION_RECORD),
    caseId: caseIdSchema,
    blobs: blobsSchema.optional(),
    body: certificationRecordBodySchema,
  })
  .superRefine((r, ctx) => {
    sameCase(r, ctx);
    const b = r.body;
    if (b.method === 'counter' && !r.blobs?.length) ctx.addIssue({ code: 'custom', path: ['blobs'], message: '柜台认证缺少认证照片指纹' });
    if (b.method === 'proxy' && b.proxy === null) ctx.addIssue({ code: 'custom', path: ['body', 'proxy'], message: '代办认证缺少代办人' });
    if (b.method === 'proxy' && (b.homeVisit?.staff.length ?? 0) < 2)
      ctx.addIssue({ code: 'custom', path: ['body', 'homeVisit', 'staff'], message: '代办认证缺少入户核实（至少 2 名工作人员）' });
  });
export type CertificationRecord = z.input<typeof certificationRecordSchema>;

export function certificationRecord(body: CertificationRecordBody): CertificationRecord {
  return { kind: CERTIFICATION_RECORD, caseId: body.caseId, ...(body.photoSha256 ? { blobs: [body.photoSha256] } : {}), body };
}
