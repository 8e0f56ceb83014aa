import { JiuzhuError } from '../../../../common/contract/errors';
import type { Clock, Db } from '../store/types';
import { canonicalJson } from '../store/keys/canonicalJson';
import { auditRowHash, GENESIS_HASH } from './canonical';
import { assertNoPersonalData } from './personalData';
import { auditAnchorRow, auditAppender, auditRowCount, filteredAuditRows, type AuditRawRow } from './auditRepo';

export type AuditDetailValue = string | number | boolean | null;

export interface AuditEntryInput {
  /** Account id of who acted, or 'system' / 'anonymous'. */
  actor: string;
  /** Dotted verb, e.g. 'auth.login', 'person.view', 'case.update', 'backup.create'. */
  action: string;
  targetType?: string | null;
  /** An id (case id, person id, attachment id) — never the personal data itself. */
  targetId?: string | null;
  details?: Record<string, AuditDetailValue>;
  /** Defaults to the clock; pending pre-unlock events keep their own time. */
  at?: Date;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  workstation: string;
  details: Record<string, AuditDetailValue>;
  hash: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  targetId?: string;
  /** ISO times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  /** Page backwards: rows with seq < beforeSeq. */
  beforeSeq?: number;
  limit?: number;
}

const ACTION = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * The append-only audit log. Each row's hash covers the previous row's hash (see canonical.ts).
 * `append` may run inside a caller's transaction so the audit row commits with the change it
 * records (or not at all).
 */
export class AuditLog {
  private readonly rows;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** The hashed device id of this workstation. */
    private readonly workstation: string,
  ) {
    this.rows = auditAppender(db);
  }

  append(entry: AuditEntryInput): AuditRow {
    if (!ACTION.test(entry.action)) throw new Error(`bad audit action ${entry.action}`);
    assertNoPersonalData('actor', entry.actor);
    assertNoPersonalData('targetType', entry.targetType);
    assertNoPersonalData('targetId', entry.targetId);
    for (const [k, v] of Object.entries(entry.details ?? {})) assertNoPersonalData(`details.${k}`, v);
    return this.db.transaction(() => {
      const prev = this.rows.newest();
      const anchor = prev ? null : auditAnchorRow(this.db);
      const row = {
        seq: prev ? prev.seq + 1 : anchor ? anchor.seq + 1 : 1,
        at: (entry.at ?? this.clock.now()).toISOString(),
        actor: entry.actor,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        workstation: this.workstation,
        details: canonicalJson(entry.details ?? {}),
      };
      const prevHash = prev?.hash ?? anchor?.hash ?? GENESIS_HASH;
      const hash = auditRowHash(prevHash, row);
      this.rows.insert({ ...row, prevHash, hash });
      return { ...row, details: entry.details ?? {}, hash: hash.toString('hex') };
    })();
  }

  query(q: AuditQuery = {}): AuditRow[] {
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
    return filteredAuditRows(this.db, q, limit).map(toAuditRow);
  }

  count(): number {
    return auditRowCount(this.db);
  }
}

export function toAuditRow(r: AuditRawRow): AuditRow {
  let details: Record<string, AuditDetailValue>;
  try {
    details = JSON.parse(r.details) as Record<string, AuditDetailValue>;
  } catch {
    throw new JiuzhuError('AUDIT_CHAIN_BROKEN', { seq: r.seq, reason: '内容无法解析' });
  }
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    workstation: r.workstation,
    details,
    hash: r.hash.toString('hex'),
  };
}

export type { AuditRawRow };
