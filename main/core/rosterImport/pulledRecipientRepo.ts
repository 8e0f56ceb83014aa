import type { Db } from '../kernel/store/types';

/** A platform household not written here: its head, the item's body and the reason (JSON `{code, message}`). */
export interface PulledConflictRow {
  id_number: string;
  body: string;
  reason: string;
  received_at: string;
}

/** The statements of `roster_recipient_pulled` (migration 0820): each pulled household once, by its head's ID number. */
export class PulledRecipientRepo {
  constructor(private readonly db: Db) {}

  /** How the household of this head was taken ('applied' | 'conflict'), undefined when it never came. */
  statusOf(idNumber: string): string | undefined {
    return this.db.prepare('SELECT status FROM roster_recipient_pulled WHERE id_number = ?').pluck().get(idNumber) as string | undefined;
  }

  /** The household the platform sent for this head (its latest copy) and how it was taken; undefined when it never came. */
  byHead(idNumber: string): { status: string; body: string; roster_id: string | null } | undefined {
    return this.db.prepare('SELECT status, body, roster_id FROM roster_recipient_pulled WHERE id_number = ?').get(idNumber) as
      { status: string; body: string; roster_id: string | null } | undefined;
  }

  /** The household is now the station's roster row (the platform's values taken here): no longer a conflict. */
  markApplied(idNumber: string, rosterId: string): void {
    this.db
      .prepare("UPDATE roster_recipient_pulled SET status = 'applied', roster_id = ?, reason = NULL WHERE id_number = ?")
      .run(rosterId, idNumber);
  }

  /** Record how the item was taken, replacing what an earlier copy of it left. */
  keep(r: {
    idNumber: string;
    feedSeq: number;
    status: 'applied' | 'conflict';
    rosterId: string | null;
    reason: string | null;
    body: string;
    at: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO roster_recipient_pulled (id_number, feed_seq, status, roster_id, reason, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id_number) DO UPDATE SET feed_seq = excluded.feed_seq, status = excluded.status, roster_id = excluded.roster_id, reason = excluded.reason, body = excluded.body, received_at = excluded.received_at`,
      )
      .run(r.idNumber, r.feedSeq, r.status, r.rosterId, r.reason, r.body, r.at);
  }

  /** The households kept as conflicts, newest first. */
  conflicts(): PulledConflictRow[] {
    return this.db
      .prepare(
        "SELECT id_number, body, reason, received_at FROM roster_recipient_pulled WHERE status = 'conflict' ORDER BY received_at DESC",
      )
      .all() as PulledConflictRow[];
  }
}
