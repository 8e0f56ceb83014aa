import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { CHANNELS, JiuzhuError, type Envelope, type ErrorCode } from '../../common/contract/index';
import { contentSecurityPolicy } from '../../common/security/csp';
import {
  INPUT_LIMITS,
  closeUnread,
  exceededInputLimit,
  inputTooLarge,
  jsonTextTooDeep,
  readStatic,
  type CoreApi,
  type Logger,
} from '../core/index';
import { bearerToken, hostAllowed, originAllowed, tokenMatches } from './guard';
import { statusOf } from './httpStatus';
import { browserWindowId } from './windowId';

export interface BrowserShellOptions {
  core: CoreApi;
  rendererDir: string;
  logger: Logger;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; otherwise random per launch. */
  token?: string;
  /** Called once, when a request or WebSocket first presents the token (the page has it). */
  onTokenUsed?: () => void;
}

export interface BrowserShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const EVENTS_PATH = '/api/events';
/** WebSocket subprotocols: the version, and the token (browsers cannot set headers on a WebSocket). */
const PROTOCOL = 'jiuzhu.v1';
const TOKEN_PROTOCOL_PREFIX = 'bearer.';
/** The page's window id (as in X-Jiuzhu-Window), so events addressed to that window reach it. */
const WINDOW_PROTOCOL_PREFIX = 'window.';

/**
 * The browser shell: the built renderer and the same API over HTTP and WebSocket, on 127.0.0.1 only.
 * A call is POST /api/<method> with the JSON input and `Authorization: Bearer <token>`; events arrive
 * on a WebSocket at /api/events. Used for end-to-end tests, development without the Electron binary,
 * and demos.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  let port = 0;
  let used = false;
  const tokenUsed = () => {
    if (used) return;
    used = true;
    options.onTokenUsed?.();
  };
  const csp = () => contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);

  const fail = (res: ServerResponse, code: ErrorCode, params: Record<string, string> = {}) => {
    const envelope: Envelope = { ok: false, error: new JiuzhuError(code, params).toApiError() };
    sendJson(res, statusOf(envelope), envelope);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) return fail(res, 'BAD_HOST');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendJson(res, 405, { ok: false, error: new JiuzhuError('NOT_FOUND').toApiError() });
      }
      if (!tokenMatches(bearerToken(req), token)) return fail(res, 'BAD_TOKEN');
      tokenUsed();
      const method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      const body = await readJsonBody(req);
      if (!body.ok) {
        // An over-large body is answered unread; the client still sending must get the answer, not a reset.
        if (body.close) closeUnread(req, res);
        return sendJson(res, statusOf(body.envelope), body.envelope, body.close);
      }
      const windowId = windowOf(req);
      const envelope = await options.core.invoke(method, body.value, { via: 'browser', ...(windowId ? { windowId } : {}) });
      return sendJson(res, statusOf(envelope), envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'NOT_FOUND');
    const file = (await readStatic(rendererDir, url.pathname)) ?? (await readStatic(rendererDir, '/'));
    if (!file) return fail(res, 'NOT_FOUND');
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Security-Policy': csp(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.log('error', 'browser_shell.request_failed', { error: String(error) });
      if (!res.headersSent) fail(res, 'INTERNAL', { ref: 'http' });
      else res.destroy();
    });
  });

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const presented = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!hostAllowed(req, port) || !originAllowed(req, port)) return refuse('403 Forbidden');
    if (url.pathname !== EVENTS_PATH) return refuse('404 Not Found');
    if (!tokenMatches(presented, token)) return refuse('401 Unauthorized');
    tokenUsed();
    const windowId = browserWindowId(offered.find((p) => p.startsWith(WINDOW_PROTOCOL_PREFIX))?.slice(WINDOW_PROTOCOL_PREFIX.length));
    sockets.handleUpgrade(req, socket, head, (ws) => attachEvents(ws, windowId));
  });

  const attachEvents = (ws: WebSocket, windowId: string | undefined) => {
    const unsubscribe = options.core.onEvent((event) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ channel: CHANNELS.event, ...event }));
    }, windowId);
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
    // Events only flow to the renderer; anything it sends is ignored.
  };

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The page names its window (a random id per page load) so core can keep one session per window. */
function windowOf(req: IncomingMessage): string | undefined {
  return browserWindowId(req.headers['x-jiuzhu-window']);
}

/** `close`: end the connection after the answer (the rest of an over-large body is not read). */
function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

type BodyResult = { ok: true; value: unknown } | { ok: false; envelope: Envelope; close?: boolean };

const tooLarge = (limit: 'depth' | 'values' | 'size', close = false): BodyResult => ({
  ok: false,
  envelope: { ok: false, error: inputTooLarge(limit).toApiError() },
  close,
});

/**
 * The JSON body, within core's input limits (main/core/kernel/dispatch/inputLimits.ts): an over-large body
 * is refused by its declared length or as soon as it passes the limit, an over-deep one before it is
 * parsed, and a parsed one whose values or strings pass the limits before it reaches the worker.
 */
async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  if (Number(req.headers['content-length'] ?? 0) > INPUT_LIMITS.maxBodyBytes) return tooLarge('size', true);
  const chunks: Buffer[] = [];
  let size = 0;
  const complete = await new Promise<boolean>((resolveBody, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > INPUT_LIMITS.maxBodyBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        // Stop buffering; the connection is closed after the answer.
        req.pause();
        resolveBody(false);
      } else chunks.push(chunk);
    };
    const onEnd = () => resolveBody(true);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
  if (!complete) return tooLarge('size', true);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return { ok: true, value: {} };
  if (jsonTextTooDeep(text)) return tooLarge('depth');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, envelope: inputError('(请求体)', '不是有效的 JSON') };
  }
  const exceeded = exceededInputLimit(value);
  return exceeded ? tooLarge(exceeded) : { ok: true, value };
}

function inputError(path: string, detail: string): Envelope {
  return { ok: false, error: new JiuzhuError('INVALID_INPUT', { path, detail }, { path }).toApiError() };
}
