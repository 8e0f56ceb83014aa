import { createHash } from 'node:crypto';

/** The fields of one audit row that its hash covers, in this fixed order. */
export interface AuditHashInput {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  workstation: string;
  details: string;
}

export const GENESIS_HASH = Buffer.alloc(32);

function field(value: string | number | null): Buffer {
  if (value === null) return Buffer.from([0]);
  const bytes = Buffer.from(String(value), 'utf8');
  const head = Buffer.alloc(5);
  head[0] = typeof value === 'number' ? 2 : 1;
  head.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([head, bytes]);
}

/**
 * SHA-256 over "jiuzhu-audit/v1", the previous row's hash and each field as
 * (type tag, u32 length, UTF-8 bytes) — unambiguous, so no two rows encode alike.
 * The sequence number is inside the hash: moving a row to another position breaks it.
 */
export function auditRowHash(prevHash: Uint8Array, row: AuditHashInput): Buffer {
  const h = createHash('sha256');
  h.update('jiuzhu-audit/v1\0');
  h.update(prevHash);
  for (const v of [row.seq, row.at, row.actor, row.action, row.targetType, row.targetId, row.workstation, row.details]) h.update(field(v));
  return h.digest();
}
