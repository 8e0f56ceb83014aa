import type { Clock } from '../../kernel/store/types';
import { Outbox } from '../outbox/outbox';
import { auditAnchorView } from './auditAnchor';
import type { SyncEngine } from './engine';
import { nextWindow } from './windows';

/** Everything the sync centre shows, from the store and the engine. */
export function syncStatus(engine: SyncEngine, clock: Clock) {
  const state = engine.state();
  const reg = state.registration();
  const settings = state.settings();
  const counts = new Outbox(state.db, clock).counts();
  const lastSuccessAt = state.get('lastSuccessAt') ?? null;
  const now = clock.now();
  const since = lastSuccessAt ?? reg?.registeredAt;
  const stale = reg ? !since || now.getTime() - Date.parse(since) > settings.staleDays * 86_400_000 : false;
  const skew = state.get('skewMs');
  const next = reg ? nextWindow(now, settings.windows) : undefined;
  return {
    registered: Boolean(reg),
    registration: reg
      ? {
          deviceId: reg.deviceId,
          stationId: reg.stationId,
          regionCode: reg.regionCode,
          platformUrl: reg.platformUrl,
          fingerprint: reg.platformFingerprint,
          status: reg.status,
          registeredAt: reg.registeredAt,
        }
      : null,
    cloneSuspected: reg ? engine.cloneSuspected() : false,
    running: engine.running(),
    outbox: {
      queued: counts.queued,
      inFlight: counts.sent,
      acknowledged: counts.acknowledged,
      rejected: counts.rejected,
      conflict: counts.conflict,
    },
    blobs: engine.blobs().counts(),
    deferredBlobs: engine
      .blobs()
      .deferred(20)
      .map((b) => ({ sha256: b.sha256, retryAt: b.retryAt!, reason: b.error })),
    lastSuccessAt,
    nextWindowAt: next ? next.toISOString() : null,
    stale,
    skewMs: skew === undefined ? null : Number(skew),
    settings,
    runs: engine.runs().recent(20),
    auditAnchor: auditAnchorView(state.db),
  };
}
