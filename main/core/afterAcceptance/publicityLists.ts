import { createHash, randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import type { NoticeRequest } from '../../../common/contract/methods/documents/print';
import type { PublicityListRequest } from '../../../common/contract/methods/afterAcceptance/visits';
import { documentCategory, type AssistanceType, type Subtype } from '../../../common/cases/types';
import { assistanceCategorySchema, type AssistanceCategory } from '../../../common/documents/common';
import { publicityListSchema, type PublicityListData } from '../../../common/documents/publicityList';
import { translate } from '../../../common/i18n/translate';
import { stationBlock } from '../cases/notices';
import { addDays } from './dates';
import type { ListHousehold } from './publicityListRepo';
import { PublicityListRepo } from './publicityListRepo';
import type { Work } from './work';

/** A combined list covers at most this many days (a quarter). */
export const MAX_LIST_DAYS = 92;

/** The China day range [from, to] as the UTC instants that bound it (decisions are stored as instants). */
const instants = (from: string, to: string) => ({
  fromAt: new Date(`${from}T00:00:00+08:00`).toISOString(),
  toAt: new Date(`${addDays(to, 1)}T00:00:00+08:00`).toISOString(),
});

function checkPeriod(r: Pick<PublicityListRequest, 'from' | 'to'>): void {
  if (r.from > r.to || addDays(r.from, MAX_LIST_DAYS - 1) < r.to)
    throw new JiuzhuError('PUBLICITY_LIST_PERIOD', { days: String(MAX_LIST_DAYS) });
}

/**
 * The households a combined list would hold, by village/community: stage 'initial' — every
 * household whose 初审 公示 (a posted proposal to approve) overlaps the period, with the amount of
 * its latest 公示 in it; stage 'approval' — every household approved in the period (审核确认办法
 * art. 24), with the approved amount, listed under the community of its last 公示. Withdrawn cases
 * are left out. Read only from the station's own tables: the client never supplies a row.
 */
export function listHouseholds(work: Work, r: PublicityListRequest): Map<string, ListHousehold[]> {
  checkPeriod(r);
  const repo = new PublicityListRepo(work.db);
  const rows =
    r.stage === 'initial'
      ? repo.inPublicity(r.from, r.to, r.community ?? null)
      : repo.approved(instants(r.from, r.to), r.community ?? null);
  const byCommunity = new Map<string, ListHousehold[]>();
  const seen = new Set<string>();
  // Latest round first per case (the repo's order), so a household is listed once with its current amount.
  for (const h of rows) {
    if (seen.has(h.case_id)) continue;
    seen.add(h.case_id);
    const list = byCommunity.get(h.community) ?? [];
    list.push(h);
    byCommunity.set(h.community, list);
  }
  for (const list of byCommunity.values()) list.sort((a, b) => (a.case_no ?? a.case_id).localeCompare(b.case_no ?? b.case_id));
  return byCommunity;
}

const categoryOf = (h: ListHousehold): AssistanceCategory =>
  h.type ? documentCategory(h.type as AssistanceType, (h.subtype ?? undefined) as Subtype | undefined) : 'dibao-urban';

/** The list document's data: name, household size and amount per row — the row schema admits nothing else. */
export function listData(work: Work, r: PublicityListRequest & { community: string }, households: ListHousehold[]): PublicityListData {
  const order = assistanceCategorySchema.options;
  const sections = order
    .map((category) => ({
      category,
      rows: households
        .filter((h) => categoryOf(h) === category)
        .map((h) => ({ name: h.applicant_name ?? '', householdSize: Math.max(1, h.household_size), amountFen: h.amount_fen ?? 0 })),
    }))
    .filter((s) => s.rows.length > 0);
  const station = stationBlock({ settings: work.cases.settings(), stationName: work.cases.station.name });
  const parsed = publicityListSchema.safeParse({
    station,
    issuedOn: work.today(),
    stage: r.stage,
    community: r.community,
    from: r.from,
    to: r.to,
    sections,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new JiuzhuError('CASE_NOTICE_INVALID', { path: issue.path.join('.') || '(名单)', detail: issue.message });
  }
  return parsed.data;
}

/** The print-queue id of a list: the same list asked for twice names the same thing. */
const listId = (r: PublicityListRequest & { community: string }) =>
  `list:${r.stage}:${r.from}:${r.to}:${createHash('sha256').update(r.community).digest('hex').slice(0, 8)}`;

/**
 * Queue one combined list per village/community (or the one named) in the print queue, where it is
 * printed singly or in a batch like any notice; one transaction, audited with counts only.
 */
export function queueLists(work: Work, actor: string, r: PublicityListRequest): NoticeRequest[] {
  const stageLabel = translate(`visits.lists.stages.${r.stage}`);
  return work.db.transaction(() => {
    const found = listHouseholds(work, r);
    if (found.size === 0)
      throw new JiuzhuError('PUBLICITY_LIST_EMPTY', {
        community: r.community ?? translate('visits.lists.anyCommunity'),
        from: r.from,
        to: r.to,
        stage: stageLabel,
      });
    const out: NoticeRequest[] = [];
    const at = work.now();
    for (const [community, households] of found) {
      const req = { ...r, community };
      const data = listData(work, req, households);
      const id = randomUUID();
      const caseId = listId(req);
      work.notices.queue({ id, caseId, kind: 'publicity-list', data: JSON.stringify(data), at, by: actor });
      work.audit(actor, 'publicity.list_queued', id, { stage: r.stage, households: households.length }, 'notice_request');
      out.push({ id, caseId, caseNo: null, kind: 'publicity-list', state: 'pending', requestedAt: at, documentId: null, label: community });
    }
    return out;
  })();
}

/** Per village/community: how many households and people a list for the period would hold. */
export function listSummary(work: Work, r: PublicityListRequest) {
  return [...listHouseholds(work, r)].map(([community, hs]) => ({
    community,
    households: hs.length,
    people: hs.reduce((n, h) => n + Math.max(1, h.household_size), 0),
  }));
}
