import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openSessionRequest, sealSession } from '../../main/core/sync/protocol/platform-codec';
import { onlyDevice, senderOf, type PlatformDeps } from '../context';
import { readBody } from '../http/body';
import { sendSealed } from '../http/respond';
import { raw } from '../http/raw';

/** POST /v1/session — a sealed request in, a bearer token for the blob endpoints out (sealed to the device). */
export const sessionRoutes = (app: FastifyInstance, deps: PlatformDeps) =>
  app.post(
    '/v1/session',
    raw(deps.log, async (req, res) => {
      const body = await readBody(req, 16 * 1024);
      const { known } = await senderOf(deps, body);
      const { payload } = openSessionRequest(deps.codec, body, onlyDevice(known));
      const token = randomBytes(32).toString('base64url');
      const now = deps.now();
      await deps.store.createSession(token, known.deviceId, now + deps.timing.sessionTtlSeconds * 1000);
      sendSealed(
        res,
        200,
        sealSession(deps.codec, known, { nonce: payload.nonce, token, expiresIn: deps.timing.sessionTtlSeconds, serverTime: now }),
      );
    }),
  );
