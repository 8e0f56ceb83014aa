import type { FastifyInstance } from 'fastify';
import { JiuzhuError } from '../../common/contract/errors';
import { openBundle, sealBundleResult } from '../../sync-protocol/platformCodec';
import { makeRecordValidator } from '../apply/validateRecord';
import { onlyDevice, readSessionSealed, type PlatformDeps } from '../context';
import { sendSealed } from '../http/respond';
import { raw } from '../http/raw';

const isoDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * POST /v1/bundles — a sealed bundle in, a sealed per-record answer out. Applied exactly once:
 * the same bundle again gets the stored answer; nothing of a refused bundle is applied. Only a
 * device with a live session gets its body read (`readSessionSealed`).
 */
export function bundleRoutes(app: FastifyInstance, deps: PlatformDeps) {
  const validate = makeRecordValidator(() => isoDay(deps.now()));
  app.post(
    '/v1/bundles',
    raw(deps.log, async (req, res) => {
      // The session token (headers) and then the sender on the clear-text header are checked before the (up to 2 MiB) rest is read.
      const { body, row, known } = await readSessionSealed(deps, req, res, deps.limits.maxBundleBytes);
      const { header, payload } = openBundle(deps.codec, body, onlyDevice(known));
      if (payload.records.length > deps.limits.maxRecordsPerBundle)
        throw new JiuzhuError(
          'SYNC_BUNDLE_TOO_LARGE',
          { size: payload.records.length, limit: deps.limits.maxRecordsPerBundle },
          { unit: 'records' },
        );
      const outcome = await deps.store.applyBundle({ device: row, header, payload, receivedAt: deps.now() }, validate);
      if (outcome.kind === 'replayed')
        throw new JiuzhuError(
          'SYNC_BUNDLE_REPLAYED',
          { seq: payload.bundleSeq, last: outcome.lastBundleSeq },
          { lastBundleSeq: outcome.lastBundleSeq, lastRecordSeq: outcome.lastRecordSeq },
        );
      if (outcome.kind === 'out-of-order')
        throw new JiuzhuError(
          'SYNC_BUNDLE_OUT_OF_ORDER',
          { expected: outcome.expected, seq: payload.bundleSeq },
          { expectedBundleSeq: outcome.expected, lastRecordSeq: outcome.lastRecordSeq },
        );
      const result = { ...outcome.result, serverTime: deps.now() };
      if (outcome.kind === 'applied') {
        deps.log(`bundle ${payload.bundleSeq} of ${row.deviceId}: ${result.answers.map((a) => a.status[0]).join('')}`);
        // The alert: a chain that went backwards, forked or was pruned too early (§5.4). The bundle is applied all the same.
        const flag = result.audit?.flags.find((f) => f.bundleSeq === payload.bundleSeq);
        if (flag)
          deps.log(
            `AUDIT FLAG ${flag.kind} (${flag.reason}) station ${row.stationId} device ${row.deviceId} bundle ${flag.bundleSeq}: anchored ${flag.anchoredSeq}, head ${flag.headSeq ?? '-'}`,
          );
      }
      sendSealed(res, 200, sealBundleResult(deps.codec, known, result));
    }),
  );
}
