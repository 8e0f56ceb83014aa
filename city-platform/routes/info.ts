import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, SUITE_IDS } from '../../common/sync/primitives';
import type { PlatformInfo } from '../../common/sync/registration';
import { keyFingerprint } from '../../sync-protocol/keys';
import type { PlatformDeps } from '../context';
import { sendJson } from '../http/respond';
import { raw } from '../http/raw';

export function platformInfo(deps: PlatformDeps): PlatformInfo {
  const { keys, platformId } = deps.identity;
  return {
    protocol: PROTOCOL_VERSION,
    platformId,
    suites: [...SUITE_IDS],
    signingKey: keys.signing.publicKey,
    encryptionKey: keys.encryption.publicKey,
    fingerprint: keyFingerprint(keys.signing.publicKey, keys.encryption.publicKey),
    limits: deps.limits,
    serverTime: deps.now(),
  };
}

/** GET /v1/platform — who the platform is, its keys and limits. */
export const infoRoutes = (app: FastifyInstance, deps: PlatformDeps) =>
  app.get('/v1/platform', raw(deps.log, async (_req, res) => sendJson(res, 200, platformInfo(deps))));
