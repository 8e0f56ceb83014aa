import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { JiuzhuError } from '../../common/contract/errors';
import { registrationRequestSchema, type Registration } from '../../common/sync/registration';
import { platformKeysFor } from '../../sync-protocol/parties';
import { signRegistration, verifyRegistrationRequest } from '../../sync-protocol/registration';
import { bodyPace, clientAddress, type PlatformDeps } from '../context';
import { readJson, refuseUnread } from '../http/body';
import { sendJson } from '../http/respond';
import { raw } from '../http/raw';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `dev_` + 26 base32 characters (130 random bits). */
export function newDeviceId(): string {
  return `dev_${[...randomBytes(26)].map((b) => BASE32[b & 31]).join('')}`;
}

/**
 * POST /v1/devices — enrol a workstation with a one-time code and its public keys. Failed
 * attempts are counted per source address (checked before the body is read) and per enrolment
 * code, so codes cannot be guessed; over either limit the answer is 429 with Retry-After.
 */
export const deviceRoutes = (app: FastifyInstance, deps: PlatformDeps) =>
  app.post(
    '/v1/devices',
    raw(deps.log, async (req, res) => {
      const { limiter, guards } = deps;
      const source = `enrol-source:${clientAddress(deps, req)}`;
      await refuseUnread(req, res, () => limiter.check(source, guards.enrolPerSource));
      let code: string | undefined;
      try {
        const body = await readJson(req, res, 16 * 1024, { pace: bodyPace(deps, true) });
        const claimed = (body as { claim?: { enrolmentCode?: unknown } } | null)?.claim?.enrolmentCode;
        if (typeof claimed === 'string' && claimed.length <= 64) {
          code = `enrol-code:${claimed.trim().toUpperCase()}`;
          limiter.check(code, guards.enrolPerCode);
        }
        await register(deps, res, body);
      } catch (e) {
        const limited = e instanceof Error && (e.name === 'RequestAborted' || (e as { code?: string }).code === 'SYNC_RATE_LIMITED');
        if (!limited) {
          limiter.hit(source, guards.enrolPerSource);
          if (code) limiter.hit(code, guards.enrolPerCode);
        }
        throw e;
      }
    }),
  );

/** Check the claim and its proof, consume the code and answer with the signed registration. */
async function register(deps: PlatformDeps, res: ServerResponse, body: unknown): Promise<void> {
  const parsed = registrationRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JiuzhuError('INVALID_INPUT', { path: issue?.path.join('.') ?? '', detail: issue?.message ?? '' });
  }
  const { claim } = parsed.data;
  if (claim.platformId !== deps.identity.platformId) throw new JiuzhuError('SYNC_BUNDLE_WRONG_RECIPIENT', { recipient: claim.platformId });
  // A suite the deployment does not offer is refused before anything is stored.
  if (!deps.identity.suites.includes(claim.suite)) throw new JiuzhuError('SYNC_SUITE_NOT_OFFERED', {}, { suite: claim.suite });
  if (!verifyRegistrationRequest(parsed.data)) throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'registration proof' });
  const platformKeys = platformKeysFor(deps.codec, claim.suite);
  const deviceId = newDeviceId();
  const now = deps.now();
  const outcome = await deps.store.registerDevice(
    claim.enrolmentCode,
    {
      deviceId,
      machineIdHash: claim.machineIdHash,
      signingKey: claim.signingKey,
      encryptionKey: claim.encryptionKey,
      name: claim.deviceName,
      appVersion: claim.appVersion,
      ...(claim.counterNo !== undefined ? { counterNo: claim.counterNo } : {}),
    },
    now,
  );
  if (!outcome.ok && outcome.counterTaken)
    throw new JiuzhuError('SYNC_COUNTER_TAKEN', {
      counterNo: outcome.counterTaken.counterNo,
      deviceName: outcome.counterTaken.deviceName || '—',
    });
  if (!outcome.ok) throw new JiuzhuError('SYNC_ENROLMENT_CODE_INVALID');
  // No other device is named in the answer: a pending replacement is the platform admin's to confirm.
  const registration: Registration = {
    deviceId: outcome.deviceId,
    stationId: outcome.stationId,
    regionCode: outcome.regionCode,
    counterNo: outcome.counterNo,
    platformId: deps.identity.platformId,
    signingKey: platformKeys.signing.publicKey,
    encryptionKey: platformKeys.encryption.publicKey,
    ...(deps.tlsSpkiPins.length ? { tlsSpkiPins: deps.tlsSpkiPins } : {}),
    serverTime: now,
  };
  const pending = outcome.pendingReplacementOf;
  deps.log(
    `enrolled ${outcome.deviceId} for station ${outcome.stationId}${pending ? ` (pending: replaces ${pending} once an admin confirms)` : ''}`,
  );
  sendJson(res, 201, signRegistration(registration, platformKeys.signing, claim.suite));
}
