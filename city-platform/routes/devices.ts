import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { JiuzhuError } from '../../common/contract/errors';
import { registrationRequestSchema, type Registration } from '../../common/sync/registration';
import { signRegistration, verifyRegistrationRequest } from '../../main/core/sync/protocol/registration';
import type { PlatformDeps } from '../context';
import { readJson } from '../http/body';
import { sendJson } from '../http/respond';
import { raw } from '../http/raw';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `dev_` + 26 base32 characters (130 random bits). */
export function newDeviceId(): string {
  return `dev_${[...randomBytes(26)].map((b) => BASE32[b & 31]).join('')}`;
}

/** POST /v1/devices — enrol a workstation with a one-time code and its public keys. */
export const deviceRoutes = (app: FastifyInstance, deps: PlatformDeps) =>
  app.post(
    '/v1/devices',
    raw(deps.log, async (req, res) => {
      const parsed = registrationRequestSchema.safeParse(await readJson(req, 16 * 1024));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new JiuzhuError('INVALID_INPUT', { path: issue?.path.join('.') ?? '', detail: issue?.message ?? '' });
      }
      const { claim } = parsed.data;
      if (claim.platformId !== deps.identity.platformId)
        throw new JiuzhuError('SYNC_BUNDLE_WRONG_RECIPIENT', { recipient: claim.platformId });
      if (!verifyRegistrationRequest(parsed.data)) throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'registration proof' });
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
        throw new JiuzhuError('SYNC_COUNTER_TAKEN', { counterNo: outcome.counterTaken.counterNo, deviceName: outcome.counterTaken.deviceName || '—' });
      if (!outcome.ok) throw new JiuzhuError('SYNC_ENROLMENT_CODE_INVALID');
      const registration: Registration = {
        deviceId: outcome.deviceId,
        stationId: outcome.stationId,
        regionCode: outcome.regionCode,
        counterNo: outcome.counterNo,
        platformId: deps.identity.platformId,
        signingKey: deps.identity.keys.signing.publicKey,
        encryptionKey: deps.identity.keys.encryption.publicKey,
        ...(deps.tlsSpkiPins.length ? { tlsSpkiPins: deps.tlsSpkiPins } : {}),
        ...(outcome.replacedDeviceId ? { replacedDeviceId: outcome.replacedDeviceId } : {}),
        serverTime: now,
      };
      deps.log(`enrolled ${outcome.deviceId} for station ${outcome.stationId}${outcome.replacedDeviceId ? ` (replaces ${outcome.replacedDeviceId})` : ''}`);
      sendJson(res, 201, signRegistration(registration, deps.identity.keys.signing));
    }),
  );
