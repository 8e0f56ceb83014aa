import { z } from 'zod';
import { JiuzhuError } from '../../common/contract/errors';
import { checkIdNumber } from '../../common/idnumber/check';
import { maskIdNumber } from '../../common/format/mask';
import { firstIssue, issueText } from '../../sync-protocol/records/issue';
import { rosterHouseholdSchema, ROSTER_RECIPIENT } from '../../sync-protocol/records/index';
import type { PlatformStore } from '../store/types';

/** Input of a roster load (CLI `roster-load`, admin API `loadRoster`): a station and its current recipient households. */
export const rosterLoadInputSchema = z
  .object({ stationId: z.string().min(1).max(64), households: z.array(z.unknown()).min(1).max(100_000) })
  .strict();
export type RosterLoadInput = z.infer<typeof rosterLoadInputSchema>;

export interface RosterLoadResult {
  loaded: number;
  /** Households not loaded, by position in the file, with the head masked and why. */
  refused: Array<{ index: number; head: string | null; reason: string }>;
}

/**
 * Load a county's current recipients of a station onto the platform (docs/sync-protocol.md §7.4):
 * each household read with the `roster.recipient` body schema and its ID numbers checked by check
 * digit and birth date, then kept as the platform's own recipient and fed to the station as a
 * `roster.recipient` item, in one transaction each. A household the platform holds for another
 * station, or one a station's import already matched, is refused and named, never moved.
 */
export async function loadRoster(store: PlatformStore, input: RosterLoadInput, now: number): Promise<RosterLoadResult> {
  const parsed = rosterLoadInputSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new JiuzhuError('INVALID_INPUT', { path: (i?.path ?? []).join('.'), detail: i?.message ?? 'invalid' });
  }
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const result: RosterLoadResult = { loaded: 0, refused: [] };
  for (const [index, raw] of parsed.data.households.entries()) {
    const read = rosterHouseholdSchema.safeParse(raw);
    if (!read.success) {
      result.refused.push({ index, head: null, reason: issueText(firstIssue(ROSTER_RECIPIENT, read.error)) });
      continue;
    }
    const h = read.data;
    const head = maskIdNumber(h.applicant.idNumber);
    const bad = h.members.find((m) => !checkIdNumber(m.idNumber, { today }).valid);
    if (bad) {
      result.refused.push({ index, head, reason: `成员身份证号码无效（${maskIdNumber(bad.idNumber)}）` });
      continue;
    }
    const feedSeq = await store.putRecipient({ idNumber: h.applicant.idNumber, stationId: parsed.data.stationId, body: h }, now);
    if (feedSeq === undefined) result.refused.push({ index, head, reason: '平台上该户属于其他工作站，或已与工作站的案件对应' });
    else result.loaded++;
  }
  return result;
}
