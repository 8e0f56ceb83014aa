import { randomUUID } from 'node:crypto';
import type { AuditFlag, BundleAuditAnswer } from '../../common/sync/auditAnchor';
import { baseMoved, judgeAuditHead, type StoredAnchor } from '../apply/auditAnchor';
import type { Row } from './rows';
import type { AuditAnchorRow, AuditFlagRow, BundleToApply } from './types';

/**
 * The audit anchor (docs/sync-protocol.md §5.4) for either store. The steps are written once as a
 * generator that yields each statement (`?` placeholders) and receives its rows: the SQLite store
 * drives it synchronously inside its transaction (`runSync`), the PostgreSQL store awaits each
 * statement on the bundle's client (`runAsync`, placeholders numbered). Every device's heads are
 * kept (`audit_anchors`, one row per bundle that carried one) and every flag (`audit_flags`).
 */
export type Statement = { sql: string; params: unknown[] };
type Steps<T> = Generator<Statement, T, Row[]>;

export function runSync<T>(steps: Steps<T>, exec: (s: Statement) => Row[]): T {
  let next = steps.next([]);
  while (!next.done) next = steps.next(exec(next.value));
  return next.value;
}

export async function runAsync<T>(steps: Steps<T>, exec: (s: Statement) => Promise<Row[]>): Promise<T> {
  let next = steps.next([]);
  while (!next.done) next = steps.next(await exec(next.value));
  return next.value;
}

/** `?` → `$1, $2, …` for PostgreSQL. */
export const numbered = (sql: string): string => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

const q = (sql: string, params: unknown[]): Statement => ({ sql, params });

export const AUDIT_FLAGS_RETURNED = 20;

export const anchorRow = (r: Row): AuditAnchorRow => ({
  deviceId: String(r['device_id']),
  bundleSeq: Number(r['bundle_seq']),
  headSeq: Number(r['head_seq']),
  headHash: String(r['head_hash']),
  baseSeq: Number(r['base_seq']),
  baseHash: String(r['base_hash']),
  receivedAt: Number(r['received_at']),
});

export const flagRow = (r: Row): AuditFlagRow => ({
  id: String(r['id']),
  deviceId: String(r['device_id']),
  stationId: String(r['station_id']),
  kind: String(r['kind']),
  reason: String(r['reason']),
  at: Number(r['at']),
  bundleSeq: Number(r['bundle_seq']),
  anchoredSeq: Number(r['anchored_seq']),
  headSeq: r['head_seq'] === null || r['head_seq'] === undefined ? null : Number(r['head_seq']),
});

const wireFlag = (f: AuditFlagRow): AuditFlag => ({
  id: f.id,
  kind: f.kind,
  reason: f.reason,
  at: f.at,
  bundleSeq: f.bundleSeq,
  anchoredSeq: f.anchoredSeq,
  headSeq: f.headSeq,
});

/**
 * Judge the bundle's audit head, record the anchor and any flag, and return the `audit` of the
 * bundle result. Runs inside the bundle's transaction (after the device row is locked), so the
 * stored answer of the bundle carries exactly this verdict.
 */
export function* anchorAuditHead(b: BundleToApply): Steps<BundleAuditAnswer> {
  const { deviceId, stationId } = b.device;
  const claim = b.payload.audit;
  const [latestRow] = yield q('SELECT * FROM audit_anchors WHERE device_id = ? ORDER BY bundle_seq DESC LIMIT 1', [deviceId]);
  const latest: StoredAnchor | undefined = latestRow ? anchorRow(latestRow) : undefined;
  let atBase: StoredAnchor | undefined;
  if (claim && latest && baseMoved(claim, latest)) {
    const [r] = yield q('SELECT * FROM audit_anchors WHERE device_id = ? AND head_seq = ? AND head_hash = ? ORDER BY bundle_seq LIMIT 1', [
      deviceId,
      claim.base.seq,
      claim.base.hash,
    ]);
    atBase = r ? anchorRow(r) : undefined;
  }
  const verdict = judgeAuditHead({ claim, latest, atBase, now: b.receivedAt });
  if (claim && verdict.anchor)
    yield q(
      'INSERT INTO audit_anchors (device_id, bundle_seq, head_seq, head_hash, base_seq, base_hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [deviceId, b.payload.bundleSeq, claim.head.seq, claim.head.hash, claim.base.seq, claim.base.hash, b.receivedAt],
    );
  if (verdict.flag)
    yield q(
      'INSERT INTO audit_flags (id, device_id, station_id, kind, reason, at, bundle_seq, anchored_seq, head_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        randomUUID(),
        deviceId,
        stationId,
        verdict.flag.kind,
        verdict.flag.reason,
        b.receivedAt,
        b.payload.bundleSeq,
        verdict.flag.anchoredSeq,
        verdict.flag.headSeq,
      ],
    );
  const anchored = claim && verdict.anchor ? claim.head : latest ? { seq: latest.headSeq, hash: latest.headHash } : null;
  const flags = yield q(`SELECT * FROM audit_flags WHERE device_id = ? ORDER BY at DESC, bundle_seq DESC LIMIT ${AUDIT_FLAGS_RETURNED}`, [
    deviceId,
  ]);
  return { anchored, flags: flags.map((r) => wireFlag(flagRow(r))) };
}

export const AUDIT_FLAGS_SQL = 'SELECT * FROM audit_flags ORDER BY at DESC, device_id, bundle_seq DESC';
export const AUDIT_ANCHORS_SQL = 'SELECT * FROM audit_anchors WHERE device_id = ? ORDER BY bundle_seq';
