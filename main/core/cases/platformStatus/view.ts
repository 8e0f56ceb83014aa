import { maskName } from '../../../../common/format/mask';
import {
  CASE_PLATFORM_STATUSES,
  isKnownPlatformStatus,
  type CasePlatformStatusView,
  type PlatformStatusEntry,
  type PlatformStatusFilter,
  type PlatformStatusRow as ListRow,
} from '../../../../common/cases/platformStatus';
import type { PlatformStatusRepo, PlatformStatusRow } from './platformStatusRepo';

const entry = (r: PlatformStatusRow): PlatformStatusEntry => ({
  id: r.id,
  status: r.status,
  known: isKnownPlatformStatus(r.status),
  at: r.platform_at,
  note: r.note,
  feedSeq: r.feed_seq,
});

/** The case page's 平台状态: the latest change and the history, newest first. */
export function casePlatformStatus(repo: PlatformStatusRepo, caseId: string): CasePlatformStatusView {
  const history = repo.history(caseId).map(entry);
  return { current: history[0] ?? null, history };
}

/** The sync centre's list: each case's latest status, the applicant's name masked, filtered by status. */
export function platformStatusList(
  repo: PlatformStatusRepo,
  filter: PlatformStatusFilter,
  limit: number,
): { rows: ListRow[]; total: number } {
  const out =
    filter === 'all'
      ? repo.latest({}, limit)
      : filter === 'unknown'
        ? repo.latest({ exclude: CASE_PLATFORM_STATUSES }, limit)
        : repo.latest({ statuses: [filter] }, limit);
  return {
    total: out.total,
    rows: out.rows.map((r) => ({
      ...entry(r),
      caseId: r.case_id,
      caseNo: r.held_case_no ?? r.case_no,
      applicantNameMasked: r.applicant_name ? maskName(r.applicant_name) : null,
      held: r.held === 1,
    })),
  };
}
