import { JiuzhuError } from '../../../common/contract/errors';
import type { ApplicantScreenPort } from '../applicant/screenPort';
import type { Capability, CoreDeps } from '../capability';
import type { CallContext } from '../context';
import type { Db } from '../kernel/store/types';
import { RATING_IDLE_SECONDS, RATING_TTL_MS, RatingsService } from './service';

type Methods = 'ratings.ask' | 'ratings.submit' | 'ratings.dismiss' | 'ratings.flagged' | 'ratings.followUp';

/** While a question stands, how often lapsed ones are settled as 未评价 (against core's clock). */
export const RATING_SWEEP_MS = 2_000;

/** 好差评 (main/core/ratings/README.md): the question on the applicant screen, the answer, the head's follow-up of a 差评. */
export function ratingsCapability(deps: CoreDeps, options: { screen: ApplicantScreenPort }): Capability<Methods> {
  let cached: { db: Db; svc: RatingsService } | null = null;
  let sweeping: ReturnType<typeof setTimeout> | null = null;
  /**
   * A question that lapses unanswered is 未评价 from its expiry, whether or not its screen is still
   * there to say so: while any stands, lapsed ones are settled every RATING_SWEEP_MS.
   */
  const sweepWhilePending = () => {
    if (sweeping) return;
    sweeping = setTimeout(() => {
      sweeping = null;
      void open()
        .then((now) => {
          if (now.sweep().pending > 0) sweepWhilePending();
        })
        .catch((e: unknown) => {
          // The store closed (everyone logged out): the next 好差评 call opens it again and sweeps first.
          cached = null;
          deps.logger.log('warn', 'ratings.sweep_failed', { code: e instanceof JiuzhuError ? e.code : 'UNKNOWN' });
        });
    }, RATING_SWEEP_MS);
    sweeping.unref?.();
  };
  const open = async () => {
    const s = await deps.services();
    const db = s.station.db;
    if (!cached || cached.db !== db) {
      const info = s.station.stationInfo();
      cached = {
        db,
        svc: new RatingsService({
          db,
          clock: deps.clock,
          audit: s.auth.audit(),
          station: { name: info?.name ?? '', regionCode: info?.regionCode ?? '000000' },
        }),
      };
      // Questions left standing when the app last stopped are settled now.
      if (cached.svc.sweep().pending > 0) sweepWhilePending();
    }
    return cached.svc;
  };
  const session = (ctx: CallContext) => {
    if (!ctx.session?.sessionId || !ctx.windowId) throw new JiuzhuError('UNAUTHENTICATED');
    return { userId: ctx.session.userId, sessionId: ctx.session.sessionId, windowId: ctx.windowId };
  };
  /** The rating question the calling applicant window shows now, by its view id. */
  const shown = async (ctx: CallContext, viewId: string) => {
    const view = await options.screen.viewOf(ctx);
    if (view.kind !== 'rating' || view.viewId !== viewId) throw new JiuzhuError('RATING_VIEW_STALE');
    return (await open()).standing(viewId);
  };

  return {
    handlers: {
      'ratings.ask': async (input, ctx) => {
        const clerk = session(ctx);
        const svc = await open();
        const service = svc.resolve(input);
        const askedAt = deps.clock.now();
        // Several lookups of one 进度查询 visit ask once: the question standing (or answered) is left as it is.
        if (!svc.shouldAsk(clerk.userId, service, askedAt)) return { asked: false, requestId: null, expiresAt: null };
        const expiresAt = new Date(askedAt.getTime() + RATING_TTL_MS);
        const viewId = options.screen.showFor(clerk, {
          kind: 'rating',
          service: service.service,
          expiresAt: expiresAt.toISOString(),
          idleSeconds: RATING_IDLE_SECONDS,
        });
        if (!viewId) return { asked: false, requestId: null, expiresAt: null };
        const q = svc.asked(clerk.userId, service, viewId, askedAt, expiresAt);
        sweepWhilePending();
        return { asked: true, requestId: q.id, expiresAt: q.expires_at };
      },
      'ratings.submit': async (input, ctx) => {
        const q = await shown(ctx, input.viewId);
        (await open()).rate(q, input);
        await options.screen.backToIdle(ctx, input.viewId);
        return { received: true as const };
      },
      'ratings.dismiss': async (input, ctx) => {
        const q = await shown(ctx, input.viewId);
        const dismissed = (await open()).dismiss(q, input.why);
        await options.screen.backToIdle(ctx, input.viewId);
        return { dismissed };
      },
      'ratings.flagged': async (input, ctx) => (await open()).flagged(session(ctx).userId, input.status, input.limit),
      'ratings.followUp': async (input, ctx) => (await open()).followUp(session(ctx).userId, input),
    },
    close: async () => {
      if (sweeping) clearTimeout(sweeping);
      sweeping = null;
    },
  };
}
