import { z } from 'zod';
import { certificationRemoteItemSchema as envelope, REMOTE_CERTIFICATION_METHODS } from '../../common/sync/pull';
import { idNumberSchema } from './fields';

/**
 * `certification.remote` (docs/sync-protocol.md §7; main/core/certification): a 待遇资格认证 the
 * person made elsewhere — a face check in the 救助通 mini-program, a video call, another channel —
 * recorded by the platform and sent to the station whose roster they are on. `id` is the
 * platform's id of the certification: a workstation applies it once, whatever the number of
 * deliveries. The page's check (common/sync/pull.ts) reads only the envelope; the body is read here,
 * by the handler, so a bad body is refused alone (naming its field) and never stops the feed.
 */
export const CERTIFICATION_REMOTE = 'certification.remote';

export { REMOTE_CERTIFICATION_METHODS };

export const certificationRemoteBodySchema = z
  .object({
    /** The person who certified, in clear as every item about a person (the page is sealed to the device). */
    idNumber: idNumberSchema,
    /** When they certified, with its offset (the day counts in China time). */
    certifiedAt: z.iso.datetime({ offset: true }),
    method: z.enum(REMOTE_CERTIFICATION_METHODS),
  })
  .strict();
export type CertificationRemoteBody = z.infer<typeof certificationRemoteBodySchema>;

export const pulledCertificationRemoteItemSchema = envelope.extend({ body: certificationRemoteBodySchema });
export type PulledCertificationRemoteItem = z.infer<typeof pulledCertificationRemoteItemSchema>;
