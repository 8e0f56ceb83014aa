import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../common/sync/primitives';
import type { PlatformInfo } from '../../common/sync/registration';
import { keyFingerprint } from '../../sync-protocol/keys';
import { suiteById } from '../../sync-protocol/suites';
import type { PlatformDeps } from '../context';
import { sendJson } from '../http/respond';
import { raw } from '../http/raw';

/**
 * The suites this deployment offers, preferred first, each with its keys and fingerprint; the
 * top-level keys and fingerprint are the preferred suite's (what a workstation of before the
 * 国密 suite reads).
 */
export function platformInfo(deps: PlatformDeps): PlatformInfo {
  const { keys, platformId, suites, suiteKeys } = deps.identity;
  return {
    protocol: PROTOCOL_VERSION,
    platformId,
    suites: [...suites],
    signingKey: keys.signing.publicKey,
    encryptionKey: keys.encryption.publicKey,
    fingerprint: keyFingerprint(keys.signing.publicKey, keys.encryption.publicKey, suiteById(suites[0]!)),
    suiteKeys: suites.map((suite) => {
      const k = suiteKeys[suite]!;
      return {
        suite,
        signingKey: k.signing.publicKey,
        encryptionKey: k.encryption.publicKey,
        fingerprint: keyFingerprint(k.signing.publicKey, k.encryption.publicKey, suiteById(suite)),
      };
    }),
    limits: deps.limits,
    serverTime: deps.now(),
  };
}

/** GET /v1/platform — who the platform is, its keys and limits. */
export const infoRoutes = (app: FastifyInstance, deps: PlatformDeps) =>
  app.get(
    '/v1/platform',
    raw(deps.log, async (_req, res) => sendJson(res, 200, platformInfo(deps))),
  );
