import type { FastifyInstance } from 'fastify';
import type { PullPage } from '../../common/sync/pull';
import { openPullRequest, sealPullPage } from '../../sync-protocol/platformCodec';
import { onlyDevice, readSessionSealed, type PlatformDeps } from '../context';
import { decodeCursor, encodeCursor } from '../feed/cursor';
import { currentEpoch } from '../feed/epoch';
import { sendSealed } from '../http/respond';
import { raw } from '../http/raw';

/**
 * POST /v1/pull — the feed of the device's station and region after the cursor, sealed to the
 * device. A cursor of another epoch (feed rebuilt, restored from backup) or not ours gets
 * mustRefetch and a cursor at the start of the current epoch. Needs a live session, as bundles do.
 */
export const pullRoutes = (app: FastifyInstance, deps: PlatformDeps) =>
  app.post(
    '/v1/pull',
    raw(deps.log, async (req, res) => {
      const { body, row, known } = await readSessionSealed(deps, req, res, 16 * 1024);
      const { payload } = openPullRequest(deps.codec, body, onlyDevice(known));
      const secret = deps.identity.cursorSecret;
      const epoch = await currentEpoch(deps.store);
      const requestCursor = payload.cursor ?? null;
      const position = payload.cursor ? decodeCursor(secret, payload.cursor) : { epoch, seq: 0 };
      const now = deps.now();
      let page: PullPage;
      if (!position || position.epoch !== epoch) {
        page = {
          nonce: payload.nonce,
          requestCursor,
          mustRefetch: true,
          items: [],
          cursor: encodeCursor(secret, { epoch, seq: 0 }),
          hasMore: true,
          serverTime: now,
        };
      } else {
        const limit = Math.min(payload.limit, deps.limits.maxPullLimit);
        const rows = await deps.store.readFeed({
          stationId: row.stationId,
          regionCode: row.regionCode,
          afterSeq: position.seq,
          limit: limit + 1,
        });
        const pageRows = rows.slice(0, limit);
        const last = pageRows.at(-1)?.seq ?? position.seq;
        page = {
          nonce: payload.nonce,
          requestCursor,
          mustRefetch: false,
          items: pageRows.map((r) => ({ ...r.body, kind: r.kind, feedSeq: r.seq, at: r.at })),
          cursor: encodeCursor(secret, { epoch, seq: last }),
          hasMore: rows.length > limit,
          serverTime: now,
        };
      }
      sendSealed(res, 200, sealPullPage(deps.codec, known, page));
    }),
  );
