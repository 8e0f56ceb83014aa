import type { IncomingMessage } from 'node:http';
import { JiuzhuError } from '../../common/contract/errors';

/** Read a whole request body, refusing more than `limit` bytes (by Content-Length first, then by count). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new JiuzhuError('SYNC_BODY_TOO_LARGE', { limit });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new JiuzhuError('SYNC_BODY_TOO_LARGE', { limit });
    chunks.push(chunk);
  }
  if (!req.complete) {
    // The connection broke mid-body (a cut, a half-close): this is no request at all. Answer
    // nothing, so the client sees a transport failure and resends the same bytes.
    req.socket.destroy();
    throw new RequestAborted();
  }
  return Buffer.concat(chunks);
}

/** Thrown when a request body ended early; the connection is already closed, nothing is answered. */
export class RequestAborted extends Error {
  constructor() {
    super('request body ended early');
    this.name = 'RequestAborted';
  }
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new JiuzhuError('INVALID_INPUT', { path: '(body)', detail: 'not JSON' });
  }
}
