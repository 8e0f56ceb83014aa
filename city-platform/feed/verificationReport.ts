import type { z } from 'zod';
import { JiuzhuError } from '../../common/contract/errors';
import { checkIdNumber } from '../../common/idnumber/check';
import { verificationReportBodySchema } from '../../sync-protocol/records/index';
import type { PlatformStore } from '../store/types';

/**
 * What the 核对 centre returns for a case (CLI `verify --file`, admin API `postVerification`): the
 * report body without the case, which the platform fills from the case it holds.
 */
export const verificationReportInputSchema = verificationReportBodySchema.omit({ caseId: true, caseNo: true });
export type VerificationReportInput = z.infer<typeof verificationReportInputSchema>;

const REFUSALS = {
  noCase: 'the platform holds no case with this id or case number',
  noAuthorization: 'the platform holds no 核对授权书 of this case yet (the station has not synced it)',
  notInHousehold: 'not a member of the household of this case',
  memberNotAuthorized: 'the platform holds no 核对授权书 signed by this member',
} as const;

/**
 * Post a household economic verification report for a case: the body read with its schema (a bad
 * item names its field), every ID number valid by its check digit, the day not after today; then
 * kept and fed to the case's station as a `verification.report` item — only for a case whose
 * authorizations the platform holds, and only for members who signed one. Nothing is written on a
 * refusal (INVALID_INPUT naming the field and why).
 */
export async function postVerificationReport(
  store: PlatformStore,
  id: string,
  caseRef: string,
  input: unknown,
  now: number,
): Promise<{ id: string; caseId: string; feedSeq: number }> {
  const parsed = verificationReportInputSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new JiuzhuError('INVALID_INPUT', { path: (i?.path ?? []).join('.'), detail: i?.message ?? 'invalid' });
  }
  const v = parsed.data;
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  if (v.issuedOn > today) throw new JiuzhuError('INVALID_INPUT', { path: 'issuedOn', detail: 'a report cannot be issued after today' });
  for (const [i, m] of v.members.entries()) {
    const checked = checkIdNumber(m.idNumber, { today });
    if (!checked.valid)
      throw new JiuzhuError('INVALID_INPUT', {
        path: `members.${i}.idNumber`,
        detail: `invalid resident ID number (${checked.problems.join(', ')})`,
      });
    const late = m.items.findIndex((it) => it.asOf > today);
    if (late >= 0)
      throw new JiuzhuError('INVALID_INPUT', {
        path: `members.${i}.items.${late}.asOf`,
        detail: 'a figure cannot stand at a day after today',
      });
  }
  const out = await store.addVerificationReport(caseRef, { id, reportNo: v.reportNo, issuedOn: v.issuedOn, recordedAt: now, body: v });
  if (!out.ok) throw new JiuzhuError('INVALID_INPUT', { path: out.path, detail: REFUSALS[out.reason] });
  return { id: out.id, caseId: out.caseId, feedSeq: out.feedSeq };
}
