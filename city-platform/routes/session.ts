import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openSessionRequest, sealSession } from '../../sync-protocol/platformCodec';
import { clientAddress, onlyDevice, readSealed, type PlatformDeps } from '../context';
import { refuseUnread } from '../http/body';
import { sendSealed } from '../http/respond';
import { raw } from '../http/raw';

/**
 * POST /v1/session — a sealed request in, a bearer token for the blob endpoints out (sealed to the
 * device). Rate-limited: failed requests per source address (someone trying device ids or forged
 * signatures: refused before the body is read once over), and sessions issued per device (only
 * the key holder can spend that, so nobody else can lock a device out).
 */
export const sessionRoutes = (app: FastifyInstance, deps: PlatformDeps) =>
  app.post(
    '/v1/session',
    raw(deps.log, async (req, res) => {
      const { limiter, guards } = deps;
      const source = `session-source:${clientAddress(deps, req)}`;
      await refuseUnread(req, res, () => limiter.check(source, guards.sessionFailuresPerSource));
      let opened;
      try {
        const { body, known } = await readSealed(deps, req, res, 16 * 1024);
        opened = { known, nonce: openSessionRequest(deps.codec, body, onlyDevice(known)).payload.nonce };
      } catch (e) {
        if (!(e instanceof Error && e.name === 'RequestAborted')) limiter.hit(source, guards.sessionFailuresPerSource);
        throw e;
      }
      const { known, nonce } = opened;
      const perDevice = `session-device:${known.deviceId}`;
      limiter.check(perDevice, guards.sessionsPerDevice);
      limiter.hit(perDevice, guards.sessionsPerDevice);
      const token = randomBytes(32).toString('base64url');
      const now = deps.now();
      await deps.store.createSession(token, known.deviceId, now + deps.timing.sessionTtlSeconds * 1000);
      sendSealed(res, 200, sealSession(deps.codec, known, { nonce, token, expiresIn: deps.timing.sessionTtlSeconds, serverTime: now }));
    }),
  );
