import { createHash } from 'node:crypto';
import { JiuzhuError } from '../../common/contract/errors';
import { checkIdNumber } from '../../common/idnumber/check';
import { applicationOnlineBlobs, applicationOnlineBodySchema, type ApplicationOnlineBody } from '../../sync-protocol/records/index';
import { keepFiledBlobs, removeUnheldBlobs } from './filedBlobs';
import type { OnlineApplicationRow, PlatformStore } from '../store/types';

/** Input of an online application (CLI `apply`, admin API `fileApplication`): the station, the body as the feed carries it, the files of its papers and signatures. */
export type OnlineApplicationInput = { stationId: string; body: unknown; blobs?: readonly Buffer[] };

/** The feed item's fields (the pull route adds `kind`, `feedSeq` and `at`). */
export const onlineApplicationFeedBody = (r: Pick<OnlineApplicationRow, 'id' | 'body'>): { id: string; body: ApplicationOnlineBody } => ({
  id: r.id,
  body: r.body,
});

const invalid = (path: string, detail: string) => new JiuzhuError('INVALID_INPUT', { path, detail });
const unknownStation = () => invalid('stationId', 'no device or enrolment code of this station');

/**
 * File an application made in the mini-program or on a 网格员's phone for a station: the body read
 * with the `application.online` schema, every ID number valid by its check digit, the submission not
 * after now, every paper and signature named by its SHA-256 given as bytes (checked against the hash
 * and size the body names) — or already held for the station. The bytes are kept under their hash,
 * the application in online_applications (its blobs as the blobs of a case whose id is the
 * application id, so the station's devices fetch them with the case blob download), and a
 * `application.online` item goes to the station's feed. Nothing is written for a station the platform
 * does not know; if the row is not written after the files were, the files this filing made that no
 * row of any station holds are removed again (the sweeper removes what a crash leaves).
 */
export async function fileOnlineApplication(
  store: PlatformStore,
  dataDir: string,
  id: string,
  input: OnlineApplicationInput,
  now: number,
): Promise<{ id: string; feedSeq: number }> {
  const parsed = applicationOnlineBodySchema.safeParse(input.body);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw invalid(['body', ...(i?.path ?? [])].join('.'), i?.message ?? 'invalid');
  }
  const body = parsed.data;
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const [i, m] of body.members.entries()) {
    const checked = checkIdNumber(m.idNumber, { today });
    if (!checked.valid) throw invalid(`body.members.${i}.idNumber`, `invalid resident ID number (${checked.problems.join(', ')})`);
  }
  if (!checkIdNumber(body.applicant.idNumber, { today }).valid) throw invalid('body.applicant.idNumber', 'invalid resident ID number');
  if (Date.parse(body.submittedAt) > now + 5 * 60_000)
    throw invalid('body.submittedAt', 'an application cannot be submitted in the future');

  const given = new Map((input.blobs ?? []).map((b) => [createHash('sha256').update(b).digest('hex'), b]));
  const refs = [
    ...body.papers.map((p, i) => ({ ...p, path: `body.papers.${i}` })),
    ...body.signatures.map((s, i) => ({ ...s, path: `body.signatures.${i}` })),
  ];
  for (const r of refs) {
    const bytes = given.get(r.sha256);
    if (bytes && bytes.length !== r.size) throw invalid(`${r.path}.size`, `the file has ${bytes.length} bytes, the body says ${r.size}`);
    if (!bytes && !(await store.getBlob(r.sha256, input.stationId)))
      throw invalid(`${r.path}.sha256`, 'no file given with this SHA-256 (pass it with --blob)');
  }
  const named = new Set(applicationOnlineBlobs(body));
  for (const h of given.keys())
    if (!named.has(h)) throw invalid('blobs', `a file given (${h.slice(0, 12)}…) is not named by the body's papers or signatures`);

  if (!(await store.knowsStation(input.stationId))) throw unknownStation();
  const made = await keepFiledBlobs(dataDir, id, given);
  const blobs = refs
    .filter((r, i) => refs.findIndex((x) => x.sha256 === r.sha256) === i)
    .map((r) => ({ sha256: r.sha256, size: r.size, contentType: r.contentType }));
  const feedSeq = await store
    .addOnlineApplication(
      {
        id,
        stationId: input.stationId,
        submittedAt: body.submittedAt,
        type: body.type,
        applicantIdNumber: body.applicant.idNumber,
        body,
        recordedAt: now,
      },
      blobs,
    )
    .catch(async (e: unknown) => {
      await removeUnheldBlobs(store, dataDir, made);
      throw e;
    });
  if (feedSeq === undefined) {
    await removeUnheldBlobs(store, dataDir, made);
    throw unknownStation();
  }
  return { id, feedSeq };
}
