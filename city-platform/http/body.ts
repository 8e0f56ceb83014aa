import type { IncomingMessage, ServerResponse } from 'node:http';
import { JiuzhuError } from '../../common/contract/errors';
import { closeUnread } from '../../sync-protocol/transport/closeUnread';

export { closeUnread };

/**
 * How fast a request body must arrive. A body that, in any window of `windowMs` while it is being
 * read, brings fewer than `minBytesPerSecond × windowMs` bytes is cut (a client trickling a byte now
 * and then holds a connection and a handler for nothing). `deadlineMs`, when set, also bounds the
 * whole body: small bodies (registration, session, pull, admin JSON) have no reason to take long.
 */
export interface BodyPace {
  minBytesPerSecond: number;
  windowMs: number;
  deadlineMs?: number;
}

/** Thrown when a request body ended early or was cut for being too slow; nothing is answered. */
export class RequestAborted extends Error {
  constructor(reason = 'request body ended early') {
    super(reason);
    this.name = 'RequestAborted';
  }
}

/**
 * The chunks of a request body as they arrive, under `pace`: a body too slow for it has its
 * connection closed and the iteration ends with RequestAborted (no answer: the client, if it is a
 * real one on a bad link, resends). Time spent by the consumer between chunks counts too, so keep
 * that short (the PATCH writes to disk, nothing slower).
 */
export async function* pacedChunks(req: IncomingMessage, pace: BodyPace): AsyncGenerator<Buffer> {
  let inWindow = 0;
  let cut: string | undefined;
  const stop = (reason: string) => {
    cut ??= reason;
    req.socket.destroy();
  };
  const perWindow = (pace.minBytesPerSecond * pace.windowMs) / 1000;
  const window = setInterval(() => {
    if (inWindow < perWindow) stop(`body slower than ${pace.minBytesPerSecond} B/s`);
    inWindow = 0;
  }, pace.windowMs);
  const deadline = pace.deadlineMs ? setTimeout(() => stop(`body not complete after ${pace.deadlineMs} ms`), pace.deadlineMs) : undefined;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (cut) break;
      inWindow += chunk.length;
      yield chunk;
    }
  } catch (e) {
    if (!cut) throw e;
  } finally {
    clearInterval(window);
    clearTimeout(deadline);
  }
  if (cut) throw new RequestAborted(cut);
}

/**
 * A check on the first bytes of a body, run before the rest is read: `ready` says when enough has
 * arrived, `check` throws to refuse. A refused body is never read further: the answer goes out
 * at once and the connection is closed after it (`closeUnread`).
 */
export interface EarlyCheck {
  ready: (head: Buffer) => boolean;
  check: (head: Buffer) => Promise<void>;
}

export interface BodyOptions {
  pace: BodyPace;
  early?: EarlyCheck;
}

/** Read a whole request body, refusing more than `limit` bytes (by Content-Length first, then by count). */
export async function readBody(req: IncomingMessage, res: ServerResponse, limit: number, options: BodyOptions): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    closeUnread(req, res);
    throw new JiuzhuError('SYNC_BODY_TOO_LARGE', { limit });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let early = options.early;
  for await (const chunk of pacedChunks(req, options.pace)) {
    size += chunk.length;
    if (size > limit) {
      closeUnread(req, res);
      throw new JiuzhuError('SYNC_BODY_TOO_LARGE', { limit });
    }
    chunks.push(chunk);
    if (early) {
      const head = chunks.length === 1 ? chunk : Buffer.concat(chunks);
      if (early.ready(head)) {
        const check = early;
        early = undefined;
        await refuseUnread(req, res, () => check.check(head));
      }
    }
  }
  if (!req.complete) {
    // The connection broke mid-body (a cut, a half-close): this is no request at all. Answer
    // nothing, so the client sees a transport failure and resends the same bytes.
    req.socket.destroy();
    throw new RequestAborted();
  }
  const body = Buffer.concat(chunks);
  // A body shorter than the check needed is checked whole.
  if (early) await early.check(body);
  return body;
}

/** Run a check before the body is read; a refusal closes the connection after the answer (`closeUnread`). */
export async function refuseUnread(req: IncomingMessage, res: ServerResponse, check: () => Promise<void> | void): Promise<void> {
  try {
    await check();
  } catch (e) {
    closeUnread(req, res);
    throw e;
  }
}

/** How long a refused request's unread body is still taken in (and thrown away) before the connection is dropped. */

export async function readJson(req: IncomingMessage, res: ServerResponse, limit: number, options: BodyOptions): Promise<unknown> {
  const body = await readBody(req, res, limit, options);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new JiuzhuError('INVALID_INPUT', { path: '(body)', detail: 'not JSON' });
  }
}
