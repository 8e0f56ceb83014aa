import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Pull cursors are opaque to clients: "<epoch>.<seq>.<mac>", where epoch names the current feed
 * (a rebuilt or restored feed gets a new one), seq is the last feed position delivered, and mac
 * is an HMAC so a client cannot forge a position. Never a timestamp.
 */
export interface CursorPosition {
  epoch: string;
  seq: number;
}

const mac = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url').slice(0, 16);

export function encodeCursor(secret: Buffer, position: CursorPosition): string {
  const body = `${position.epoch}.${position.seq}`;
  return `${body}.${mac(secret, body)}`;
}

/** Undefined for a cursor that is not ours (garbled or forged). */
export function decodeCursor(secret: Buffer, cursor: string): CursorPosition | undefined {
  const match = /^([A-Za-z0-9_-]{1,32})\.(\d{1,15})\.([A-Za-z0-9_-]{16})$/.exec(cursor);
  if (!match) return undefined;
  const [, epoch, seq, tag] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, `${epoch}.${seq}`));
  if (!timingSafeEqual(expected, Buffer.from(tag))) return undefined;
  return { epoch, seq: Number(seq) };
}
