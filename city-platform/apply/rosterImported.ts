import { maskIdNumber } from '../../common/format/mask';
import { translate, type MessageKey } from '../../common/i18n/translate';
import type { RecordAnswer } from '../../common/sync/push';
import type { RosterHousehold, RosterImportedBody, RosterRefusal } from '../../sync-protocol/records/index';
import { ROSTER_RECIPIENT } from '../../sync-protocol/records/rosterRecipientItem';
import { wireError } from '../errors';
import type { Row } from '../store/rows';
import type { BundleToApply } from '../store/types';

type CaseRecord = BundleToApply['payload']['records'][number];

/** What the platform holds of a current recipient household (table `recipients`, one row per head's ID number). */
export type RecipientBody = RosterHousehold;
export interface RecipientRow {
  idNumber: string;
  stationId: string;
  /** The station's case the household is matched to; null until a station's `roster.imported` names it. */
  caseId: string | null;
  body: RecipientBody;
  /** `platform`: loaded as the platform's own; `station`: first known from a station's import. */
  source: 'platform' | 'station';
  updatedAt: number;
}

export const recipientRow = (r: Row): RecipientRow => ({
  idNumber: String(r['id_number']),
  stationId: String(r['station_id']),
  caseId: (r['case_id'] as string | null) ?? null,
  body: JSON.parse(String(r['body'])) as RecipientBody,
  source: r['source'] === 'platform' ? 'platform' : 'station',
  updatedAt: Number(r['updated_at']),
});

/** The `roster.recipient` feed item of a recipient of the platform's own (§7.4): the household, by its head's ID number. */
export const recipientFeedItem = (idNumber: string, body: RecipientBody): Record<string, unknown> => ({
  kind: ROSTER_RECIPIENT,
  id: idNumber,
  body,
});

/** The household part of an import, as the platform keeps its recipient. */
export function recipientBodyOf(b: RosterImportedBody): RecipientBody {
  const { caseId: _c, caseNo: _n, version: _v, importId: _i, at: _a, ...household } = b;
  return household;
}

/** The case the platform holds after the import: the household as approved, at the station's version. */
export const importedCaseBody = (b: RosterImportedBody): Record<string, unknown> => ({ ...b, state: 'approved', action: 'rosterImported' });

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;
/** The category in the catalog's words (城市低保, 特困（分散供养）…), as the station's roster names it. */
const kind = (h: Pick<RecipientBody, 'type' | 'subtype'>) =>
  translate(`roster.categories.${h.subtype ? `${h.type}-${h.subtype}` : h.type}` as MessageKey);

/** Where the platform's recipient and the station's import disagree, in words; empty when they agree. */
export function differences(platform: RecipientBody, imported: RecipientBody): string[] {
  const out: string[] = [];
  if (kind(platform) !== kind(imported)) out.push(`救助类别：平台 ${kind(platform)}，导入 ${kind(imported)}`);
  if (platform.amountFen !== imported.amountFen || platform.monthly !== imported.monthly)
    out.push(`月保障金额：平台 ${yuan(platform.amountFen)}，导入 ${yuan(imported.amountFen)}`);
  if (platform.sinceMonth !== imported.sinceMonth) out.push(`开始享受年月：平台 ${platform.sinceMonth}，导入 ${imported.sinceMonth}`);
  return out;
}

/**
 * Whether a station's `roster.imported` may create its case, the same for every store. Refused,
 * with the reason the station's sync centre shows, and nothing written: a case id another station
 * holds, or one of this station whose household is matched already or whose version is ahead of
 * the import's (a case of this station the platform made from a later step sent on version 0 before
 * the import was settled is taken over: its body and version become the import's); a household the platform holds as another station's recipient; a recipient of
 * this station already matched to another of its cases; a recipient of this station whose type,
 * amount or first month differ from the import (neither side is taken: the county settles it).
 * The error's details name the refusal's kind (`refusal`, and `stationId` for another station's
 * household), so the station offers only what can succeed. Null means: create the case at the station's version and match the recipient.
 */
export function refuseRosterImport(
  record: CaseRecord,
  b: RosterImportedBody,
  current: Row | undefined,
  recipient: RecipientRow | undefined,
  stationId: string,
): RecordAnswer | null {
  const refuse = (detail: string, refusal: RosterRefusal, more: Record<string, string> = {}): RecordAnswer => ({
    id: record.id,
    seq: record.seq,
    status: 'rejected',
    error: wireError('SYNC_ROSTER_REFUSED', { caseNo: b.caseNo, detail }, { refusal, ...more }),
  });
  const head = maskIdNumber(b.applicant.idNumber);
  if (current && current['station_id'] !== stationId) return refuse('案件编号已被其他工作站使用', 'case-held');
  // A case of this station the platform holds already (a later step of it sent again on version 0 before
  // the import was settled) is taken over by the import, unless its household is matched or it is ahead.
  if (current && (recipient?.caseId === b.caseId || Number(current['version']) > b.version))
    return refuse(`平台已有此案件（第 ${Number(current['version'])} 版），不再按导入新建`, 'case-held');
  if (!recipient) return null;
  if (recipient.stationId !== stationId)
    return refuse(`户主 ${head} 在平台上是其他工作站（${recipient.stationId}）的在册对象`, 'other-station', {
      stationId: recipient.stationId,
    });
  if (recipient.caseId && recipient.caseId !== b.caseId) return refuse(`户主 ${head} 在平台上已对应本站的另一案件`, 'matched-elsewhere');
  const differ = differences(recipient.body, recipientBodyOf(b));
  return differ.length ? refuse(`平台在册信息与导入不一致（${differ.join('；')}）`, 'differs') : null;
}
