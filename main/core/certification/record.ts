import type { CertificationRecord } from '../../../common/contract/methods/certification';
import { chineseDateTime } from '../../../common/format/chineseDateHan';
import { translate } from '../../../common/i18n/translate';
import type { CertificationRecordBody } from '../../../sync-protocol/records/index';
import type { CertificationRow } from './repo';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

/**
 * What the platform receives: the person (full ID number — the platform checks it), method,
 * result and outcome, scores with the thresholds they were judged by, the clerk's confirmation,
 * and for a proxy the proxy's identity and the home visit. The live photo travels as a blob (its SHA-256 in `blobs`).
 */
export function outboxBody(row: CertificationRow & { method: 'counter' | 'proxy' }, record: CertificationRecord): CertificationRecordBody {
  return {
    certificationId: row.id,
    rosterId: row.roster_id,
    caseId: row.case_id,
    person: { idNumber: row.id_number, name: row.name },
    method: row.method,
    result: row.result,
    outcome: row.outcome,
    certifiedOn: row.certified_on,
    recordedAt: row.recorded_at,
    match: record.match,
    liveness: record.liveness,
    thresholds: record.thresholds,
    referenceSource: row.reference_source,
    photoSha256: record.photoSha256,
    confirmation: record.confirmation,
    proxy: row.proxy ? (JSON.parse(row.proxy) as CertificationRecordBody['proxy']) : null,
    homeVisit: record.homeVisit,
    nextDueOn: record.nextDueOn,
  };
}

const weakest = (scores: Array<number | null>) => {
  const known = scores.filter((s): s is number => s !== null);
  return known.length ? Math.min(...known) : null;
};

/** `2026年11月30日 10:05` in China time: when a remote certification was made. */
export const chinaMinute = (iso: string): string => chineseDateTime(new Date(Date.parse(iso) + 8 * 3_600_000).toISOString());

/** The zh-CN line on the case timeline. */
export function timelineNote(r: CertificationRecord): string {
  if (r.method === 'remote')
    return translate('certification.note.remote', {
      name: r.name,
      method: translate(`certification.remote.methods.${r.remote?.method ?? 'other'}`),
      at: chinaMinute(r.remote?.certifiedAt ?? r.recordedAt),
    });
  if (r.method === 'proxy')
    return translate('certification.note.proxy', {
      name: r.name,
      proxy: r.proxy?.name ?? '',
      relationship: r.proxy?.relationship ?? '',
      date: r.homeVisit?.visitedOn ?? '',
    });
  const base = translate('certification.note.counter', {
    name: r.name,
    result: translate(`certification.check.results.${r.result}`),
    match: fmt(r.match?.score),
    live: fmt(weakest(r.liveness ? [r.liveness.antispoof, r.liveness.liveness] : [])),
  });
  if (!r.confirmation) return base;
  return translate('certification.note.confirmed', {
    base,
    decision: translate(`certification.check.${r.confirmation.decision}`),
    reason: r.confirmation.reason,
  });
}
