import type { JiuzhuError } from '../../../../common/contract/errors';
import { openPullPage, sealPullRequest } from '../../../../sync-protocol/deviceCodec';
import { SEALED_HEADERS, type RunContext } from './context';
import { storePulledItem, type PulledItem } from './pullHandlers';
import { applyAttachmentsItem } from './pulledAttachments';
import { withSession } from './session';

export const PULL_PAGE_LIMIT = 200;

/**
 * Pull the feed from the stored cursor. Each page's items and the new cursor are written in one
 * transaction, so a cut between pages loses nothing and applies nothing twice. mustRefetch drops
 * what was pulled (handlers' reset) and starts again from the platform's fresh cursor.
 */
export async function pullFeed(ctx: RunContext): Promise<void> {
  for (let page = 0; ; page++) {
    const cursor = ctx.state.get('cursor');
    const built = await sealPullRequest(ctx.device, (data) => ctx.signer.sign(data), {
      cursor,
      limit: Math.min(PULL_PAGE_LIMIT, ctx.limits.maxPullLimit),
    });
    const sentAt = Date.now();
    const answer = await withSession(
      ctx,
      (authorization) =>
        ctx.http.request(`${ctx.baseUrl}/v1/pull`, {
          method: 'POST',
          headers: { ...SEALED_HEADERS, Authorization: authorization },
          body: built.bytes,
          signal: ctx.signal,
          maxResponseBytes: 64 * 1024 * 1024,
        }),
      200,
    );
    const opened = openPullPage(ctx.device, answer.body, built);
    ctx.madeProgress();
    ctx.observeServerTime(opened.serverTime, sentAt);
    const at = ctx.clock.now().toISOString();
    const refused = ctx.db.transaction(() => {
      const out: JiuzhuError[] = [];
      const note = (e: JiuzhuError | null) => void (e && out.push(e));
      if (opened.mustRefetch) ctx.pullHandlers.reset(ctx.db);
      // In the feed's order, kinds the codec knows and kinds only their handlers read alike: a later item may
      // rest on an earlier one (a remote 资格认证 on the roster household loaded before it).
      for (const raw of opened.inFeedOrder) {
        if (!raw || typeof raw !== 'object' || typeof (raw as { kind?: unknown }).kind !== 'string') continue;
        const item = raw as PulledItem;
        // The engine's own kind: blob references of station cases (blobs on demand, download.ts).
        if (item.kind === 'attachments') {
          const refusal = applyAttachmentsItem(ctx.db, item, at);
          if (refusal) storePulledItem(ctx.db, item, at);
          note(refusal);
        } else note(ctx.pullHandlers.apply(ctx.db, item, at));
      }
      ctx.state.set('cursor', opened.cursor);
      return out;
    })();
    // A refused item is kept in pulled_item, never applied by guesswork; the log says which field.
    for (const e of refused) ctx.logger.log('warn', 'sync.pull.item_refused', { code: e.code, ...e.details });
    ctx.summary.pulled += opened.items.length + opened.unknownItems.length;
    ctx.progress('pull', opened.hasMore ? Math.min(0.95, (page + 1) / (page + 3)) : 1);
    if (!opened.hasMore) return;
  }
}
