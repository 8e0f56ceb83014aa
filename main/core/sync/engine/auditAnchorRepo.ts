import type { Db } from '../../kernel/store/types';

/** The heads of the audit chain the platform anchored (sync_audit_anchor) and the flags it raised about it (sync_audit_flag). */

export interface AuditFlagRow {
  id: string;
  kind: string;
  reason: string;
  at: number;
  bundle_seq: number;
  anchored_seq: number;
  head_seq: number | null;
  received_at: string;
}

export function saveAnchor(db: Db, seq: number, hash: string, anchoredAt: string): void {
  db.prepare('INSERT OR REPLACE INTO sync_audit_anchor (seq, hash, anchored_at) VALUES (?, ?, ?)').run(seq, hash, anchoredAt);
}

export function anchors(db: Db): Array<{ seq: number; hash: string }> {
  return db.prepare('SELECT seq, hash FROM sync_audit_anchor').all() as Array<{ seq: number; hash: string }>;
}

export function deleteAnchors(db: Db): void {
  db.prepare('DELETE FROM sync_audit_anchor').run();
}

/** Keep flags (a flag already kept is not changed). */
export function saveFlags(db: Db, flags: Array<Omit<AuditFlagRow, 'received_at'>>, receivedAt: string): void {
  const ins = db.prepare(
    `INSERT OR IGNORE INTO sync_audit_flag (id, kind, reason, at, bundle_seq, anchored_seq, head_seq, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of flags) ins.run(f.id, f.kind, f.reason, f.at, f.bundle_seq, f.anchored_seq, f.head_seq, receivedAt);
}

export function recentFlags(db: Db, limit: number): AuditFlagRow[] {
  return db.prepare('SELECT * FROM sync_audit_flag ORDER BY at DESC, bundle_seq DESC LIMIT ?').all(limit) as AuditFlagRow[];
}
