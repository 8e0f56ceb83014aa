import { JiuzhuError } from '../../../../common/contract/errors';
import type { Clock, Db } from '../store/types';
import { canonicalJson } from '../store/keys/canonicalJson';
import { auditRowHash, GENESIS_HASH } from './canonical';
import { assertNoPersonalData } from './personalData';

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

interface RawRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  workstation: string;
  details: string;
  prev_hash: Buffer;
  hash: Buffer;
}

const ACTION = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * The append-only audit log. Each row's hash covers the previous row's hash (see canonical.ts).
 * `append` may run inside a caller's transaction so the audit row commits with the change it
 * records (or not at all).
 */
export class AuditLog {
  private readonly last;
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** The hashed device id of this workstation. */
    private readonly workstation: string,
  ) {
    this.last = db.prepare<[], { seq: number; hash: Buffer }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, workstation, details, prev_hash, hash)
       VALUES (@seq, @at, @actor, @action, @targetType, @targetId, @workstation, @details, @prevHash, @hash)`,
    );
  }

  append(entry: AuditEntryInput): AuditRow {
    if (!ACTION.test(entry.action)) throw new Error(`bad audit action ${entry.action}`);
    assertNoPersonalData('actor', entry.actor);
    assertNoPersonalData('targetType', entry.targetType);
    assertNoPersonalData('targetId', entry.targetId);
    for (const [k, v] of Object.entries(entry.details ?? {})) assertNoPersonalData(`details.${k}`, v);
    return this.db.transaction(() => {
      const prev = this.last.get();
      const anchor = prev
        ? null
        : (this.db.prepare('SELECT seq, hash FROM audit_anchor').get() as { seq: number; hash: Buffer } | undefined);
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
      this.insert.run({ ...row, prevHash, hash });
      return { ...row, details: entry.details ?? {}, hash: hash.toString('hex') };
    })();
  }

  query(q: AuditQuery = {}): AuditRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (clause: string, name: string, value: unknown) => {
      if (value === undefined || value === '') return;
      where.push(clause);
      params[name] = value;
    };
    add('actor = @actor', 'actor', q.actor);
    add('action = @action', 'action', q.action);
    add('target_id = @targetId', 'targetId', q.targetId);
    add('at >= @from', 'from', q.from);
    add('at < @to', 'to', q.to);
    add('seq < @beforeSeq', 'beforeSeq', q.beforeSeq);
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${limit}`;
    return (this.db.prepare(sql).all(params) as RawRow[]).map(toAuditRow);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }
}

export function toAuditRow(r: RawRow): AuditRow {
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

export type { RawRow as AuditRawRow };
