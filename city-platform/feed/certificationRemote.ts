import { z } from 'zod';
import { JiuzhuError } from '../../common/contract/errors';
import { checkIdNumber } from '../../common/idnumber/check';
import { certificationRemoteBodySchema, type CertificationRemoteBody } from '../../sync-protocol/records/index';
import type { PlatformStore, RemoteCertificationRow } from '../store/types';

/** Input of a remote 资格认证 (CLI `certify`, admin API `certifyRemote`). */
export const remoteCertificationInputSchema = z
  .object({ stationId: z.string().min(1).max(64) })
  .extend(certificationRemoteBodySchema.shape)
  .strict();
export type RemoteCertificationInput = z.infer<typeof remoteCertificationInputSchema>;

/** The feed item's fields (the pull route adds `kind`, `feedSeq` and `at`): the platform's id and the body the workstation reads. */
export const remoteCertificationFeedBody = (
  r: Pick<RemoteCertificationRow, 'id' | 'idNumber' | 'certifiedAt' | 'method'>,
): { id: string; body: CertificationRemoteBody } => ({
  id: r.id,
  body: { idNumber: r.idNumber, certifiedAt: r.certifiedAt, method: r.method },
});

/**
 * Record a certification made on the phone (or by video, or another channel) for a person of a
 * station: the ID number valid by its check digit, the time not after now, the station one the
 * platform knows. Kept in remote_certifications and fed to the station's devices as a
 * `certification.remote` item, which each applies once (by `id`).
 */
export async function addRemoteCertification(
  store: PlatformStore,
  id: string,
  input: RemoteCertificationInput,
  now: number,
): Promise<{ id: string; feedSeq: number }> {
  const parsed = remoteCertificationInputSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new JiuzhuError('INVALID_INPUT', { path: (i?.path ?? []).join('.'), detail: i?.message ?? 'invalid' });
  }
  const v = parsed.data;
  const checked = checkIdNumber(v.idNumber, { today: new Date(now + 8 * 3_600_000).toISOString().slice(0, 10) });
  if (!checked.valid)
    throw new JiuzhuError('INVALID_INPUT', { path: 'idNumber', detail: `invalid resident ID number (${checked.problems.join(', ')})` });
  if (Date.parse(v.certifiedAt) > now + 5 * 60_000)
    throw new JiuzhuError('INVALID_INPUT', { path: 'certifiedAt', detail: 'a certification cannot be in the future' });
  const feedSeq = await store.addRemoteCertification({
    id,
    stationId: v.stationId,
    idNumber: checked.idNumber,
    certifiedAt: v.certifiedAt,
    method: v.method,
    recordedAt: now,
  });
  if (feedSeq === undefined)
    throw new JiuzhuError('INVALID_INPUT', { path: 'stationId', detail: 'no device or enrolment code of this station' });
  return { id, feedSeq };
}
