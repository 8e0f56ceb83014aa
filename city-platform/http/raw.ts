import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandlerMethod } from 'fastify';
import { sendError } from './respond';

/** Path parameters by name, as Fastify matched them (decoded, already checked by the route's regex). */
export type Params = Record<string, string>;

/** A platform route handler: it reads the raw request (bodies are never pre-parsed) and writes the raw answer. */
export type RawHandler = (req: IncomingMessage, res: ServerResponse, params: Params) => Promise<void>;

/**
 * The adapter between a Fastify route and a platform handler. The handler takes the answer over
 * (`reply.hijack()`), because the protocol needs what a reply object hides: no answer at all when
 * a body was cut, `Connection: close` without draining after an offset mismatch, a PATCH that
 * keeps writing to disk while its connection dies. A handler's error becomes the typed JSON body
 * (`sendError`), never Fastify's own error format.
 */
export const raw =
  (log: (line: string) => void, handler: RawHandler): RouteHandlerMethod =>
  (request, reply) => {
    reply.hijack();
    handler(request.raw, reply.raw, request.params as Params).catch((e: unknown) => sendError(reply.raw, e, log));
  };
