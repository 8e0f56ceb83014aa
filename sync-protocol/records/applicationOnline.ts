import { z } from 'zod';
import { memberSchema } from '../../common/cases/household';
import { applicantSchema } from '../../common/cases/person';
import { assistanceTypeSchema, reasonCodeSchema, subtypeSchema } from '../../common/cases/types';
import { ONLINE_APPLICATION_SOURCES } from '../../common/onlineApplications/sources';
import { serverTimeSchema, sha256HexSchema } from '../../common/sync/primitives';
import { idNumberSchema } from './fields';

/**
 * `application.online` (docs/sync-protocol.md §7.2; main/core/onlineApplications): an application
 * made in the 救助通 mini-program or by a 网格员 on the phone, filed with the platform and sent to
 * the station that is to accept it. `id` is the platform's application id: a workstation keeps it
 * once, whatever the number of deliveries. The applicant and members are the intake's shapes
 * (common/cases/), so the counter's intake is prefilled with them; the papers and signatures are
 * blobs the station's devices fetch as the blobs of a case whose id is the application id
 * (`GET /v1/cases/{id}/blobs/{sha256}`, §6.1). Read only by its handler: a bad body is refused alone,
 * naming its field, and never stops the feed.
 */
export const APPLICATION_ONLINE = 'application.online';

export { ONLINE_APPLICATION_SOURCES };

const blobRefSchema = {
  sha256: sha256HexSchema,
  contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  size: z
    .number()
    .int()
    .positive()
    .max(50 * 1024 * 1024),
};

/** One page of a paper the applicant uploaded: the material's code (the intake's checklist codes) and its page. */
export const onlinePaperSchema = z
  .object({ ...blobRefSchema, material: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/), page: z.number().int().min(1).max(200) })
  .strict();

/** A signature made on the phone: whose (an ID number of the household), when, and its image. */
export const onlineSignatureSchema = z
  .object({ ...blobRefSchema, idNumber: idNumberSchema, signedAt: z.iso.datetime({ offset: true }) })
  .strict();

export const applicationOnlineBodySchema = z
  .object({
    /** When the applicant submitted it, with its offset: the acceptance deadline runs from this day (China time). */
    submittedAt: z.iso.datetime({ offset: true }),
    source: z.enum(ONLINE_APPLICATION_SOURCES),
    type: assistanceTypeSchema,
    subtype: subtypeSchema.optional(),
    applicant: applicantSchema,
    /** The household as filed, the applicant included as relationship 'self'. */
    members: z.array(memberSchema).min(1).max(30),
    reasons: z.array(reasonCodeSchema).max(10).default([]),
    reasonText: z.string().trim().max(500).default(''),
    papers: z.array(onlinePaperSchema).max(64).default([]),
    signatures: z.array(onlineSignatureSchema).max(30).default([]),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.members.some((m) => m.idNumber === b.applicant.idNumber && m.relationship === 'self'))
      ctx.addIssue({ code: 'custom', path: ['members'], message: '家庭成员中应有申请人本人（relationship self）' });
    const named = new Set(b.members.map((m) => m.idNumber));
    b.signatures.forEach((s, i) => {
      if (!named.has(s.idNumber))
        ctx.addIssue({ code: 'custom', path: ['signatures', i, 'idNumber'], message: '签名人不是申请家庭的成员' });
    });
  });
export type ApplicationOnlineBody = z.output<typeof applicationOnlineBodySchema>;
export type ApplicationOnlineBodyInput = z.input<typeof applicationOnlineBodySchema>;

/** The hashes a body names, once each: the blobs the platform serves under the application id. */
export const applicationOnlineBlobs = (b: Pick<ApplicationOnlineBody, 'papers' | 'signatures'>): string[] => [
  ...new Set([...b.papers, ...b.signatures].map((x) => x.sha256)),
];

export const pulledApplicationOnlineItemSchema = z.object({
  feedSeq: z.number().int().positive(),
  at: serverTimeSchema,
  kind: z.literal(APPLICATION_ONLINE),
  /** The platform's application id (also the id its blobs are served under). */
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  body: applicationOnlineBodySchema,
});
export type PulledApplicationOnlineItem = z.output<typeof pulledApplicationOnlineItemSchema>;
