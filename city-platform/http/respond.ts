import type { IncomingMessage, ServerResponse } from 'node:http';
import { JiuzhuError, type ErrorCode } from '../../common/contract/errors';
import { SEALED_MEDIA_TYPE } from '../../common/sync/envelope';
import { PROTOCOL_VERSION } from '../../common/sync/primitives';
import { STATUS, toWireError, wireError } from '../errors';

/** Headers on every answer: the platform's clock (for skew detection) and the protocol version. */
export function baseHeaders(res: ServerResponse, now: number): void {
  res.setHeader('Jiuzhu-Server-Time', String(now));
  res.setHeader('Jiuzhu-Protocol', String(PROTOCOL_VERSION));
  res.setHeader('Cache-Control', 'no-store');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(bytes.length), ...headers });
  res.end(bytes);
}

export function sendSealed(res: ServerResponse, status: number, bytes: Buffer): void {
  res.writeHead(status, { 'Content-Type': SEALED_MEDIA_TYPE, 'Content-Length': String(bytes.length) });
  res.end(bytes);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

/** Answer with a JiuzhuError as `{code, message, messageEn, details}`; anything else is INTERNAL. */
export function sendError(res: ServerResponse, error: unknown, log: (line: string) => void = () => {}): void {
  if (res.headersSent || res.destroyed || (error instanceof Error && error.name === 'RequestAborted')) {
    res.destroy();
    return;
  }
  if (error instanceof JiuzhuError) {
    const extra: Record<string, string> = {};
    const status = STATUS[error.code] ?? 400;
    if (status === 429) extra['Retry-After'] = String(error.details?.['retryAfter'] ?? 60);
    sendJson(res, status, toWireError(error), extra);
    return;
  }
  const ref = Math.random().toString(36).slice(2, 10);
  log(`internal error ${ref}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  sendJson(res, 500, wireError('INTERNAL', { ref }, { ref }));
}

export const fail = (code: ErrorCode, params: Record<string, string | number> = {}, details?: Record<string, unknown>): never => {
  throw new JiuzhuError(code, params, details);
};

export const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};
