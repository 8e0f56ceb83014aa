import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { JiuzhuError } from '../../common/contract/errors';
import { raw } from './raw';
import { baseHeaders, sendError } from './respond';

/**
 * Every request, before any route (and for paths no route matches): the platform's headers, and
 * 426 for another protocol version. False when it has answered.
 */
function frontDoor(req: IncomingMessage, res: ServerResponse, now: number, log: (line: string) => void): boolean {
  baseHeaders(res, now);
  const protocol = req.headers['jiuzhu-protocol'];
  if (protocol === undefined || protocol === '1') return true;
  req.resume();
  sendError(res, new JiuzhuError('SYNC_PROTOCOL_UNSUPPORTED', { version: String(protocol) }), log);
  return false;
}

/** The connection timeouts of `Guards` (context.ts); a body's pace is the route's (http/body.ts). */
export interface ConnectionTimeouts {
  headersTimeoutMs: number;
  idleTimeoutMs: number;
}

/**
 * The platform's Fastify instance, before its routes: keep-alive and timeouts as the protocol
 * needs them, bodies left unread for the routes, 404 (also for a known path with another method,
 * and for malformed or overlong paths) and every other refusal as the typed JSON body.
 */
export function createHttpServer(now: () => number, log: (line: string) => void, timeouts: ConnectionTimeouts): FastifyInstance {
  const app = Fastify({
    keepAliveTimeout: 30_000,
    // Never a total-time limit: a PATCH may run for minutes at 18 kbit/s, and what arrives is kept.
    // A slow body is cut by its pace instead (http/body.ts), a silent connection by the idle
    // timeout, and headers that do not arrive in time get Node's 408.
    requestTimeout: 0,
    connectionTimeout: timeouts.idleTimeoutMs,
    http: {
      headersTimeout: timeouts.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(10, timeouts.headersTimeoutMs / 4)),
    },
    // HEAD only where a route declares it (blobs, uploads); HEAD /v1/platform stays a 404.
    exposeHeadRoutes: false,
    // stop() is a crash as the network sees it: connections are dropped, not answered 503.
    return503OnClosing: false,
    forceCloseConnections: true,
    // A path find-my-way cannot decode, or a parameter over its length limit, matches no route.
    frameworkErrors: (_error, request, reply) => {
      reply.hijack();
      if (!frontDoor(request.raw, reply.raw, now(), log)) return;
      request.raw.resume();
      sendError(reply.raw, new JiuzhuError('NOT_FOUND'), log);
    },
    // A request cut mid-headers is no request: close quietly, so the client retries, instead of
    // a "400 Bad Request", which a client would take as a definitive refusal.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      const truncated = error.code === 'HPE_INVALID_EOF_STATE' || error.code === 'ECONNRESET' || !socket.writable;
      if (truncated) socket.destroy();
      // Headers not in within `headersTimeoutMs` (Node's check): 408, and the connection closed.
      else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
        socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    },
  });

  // Bodies stay streams: each route reads `request.raw` itself, with its own limit (a bundle up
  // to maxBundleBytes, JSON and sealed requests 16 KiB / 1 MiB), and a tus PATCH goes to disk as
  // it arrives. So no parser buffers anything, whatever the Content-Type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  app.addHook('onRequest', (request, reply, done) => {
    if (!frontDoor(request.raw, reply.raw, now(), log)) reply.hijack();
    done();
  });

  app.setNotFoundHandler(
    raw(log, async (req) => {
      req.resume();
      throw new JiuzhuError('NOT_FOUND');
    }),
  );

  app.setErrorHandler((error, request, reply) => {
    // Fastify refuses a malformed Content-Type (415) before the route runs. The platform never
    // routes by Content-Type (tus PATCH checks its own), so such a request goes to its route as before.
    if ((error as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return request.routeOptions.handler.call(app, request, reply);
    reply.hijack();
    request.raw.resume();
    sendError(reply.raw, error, log);
  });

  return app;
}
