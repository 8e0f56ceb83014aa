import { JiuzhuError } from '../../../common/contract/index';
import type { AuditDetailValue } from '../kernel/audit/index';
import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import type { Station } from '../kernel/store/station';
import { translate } from '../../../common/i18n/translate';
import type { RemoteBlobView } from '../../../common/contract/methods/sync/syncStation';
import { counterNoOf, setCounterNo } from '../cases/caseNumber';
import { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { Db } from '../kernel/store/types';
import { StationRepository } from '../kernel/store/stationRepo';
import { SyncEngine } from './engine/engine';
import { SyncScheduler } from './engine/scheduler';
import { syncStatus } from './engine/status';
import { emptySummary } from './engine/runs';

/** The counter number as the sync centre shows it; locked once the platform assigned it. */
function counterView(db: Db, registered: boolean) {
  const c = counterNoOf(db);
  return { counterNo: c.counterNo, source: c.source, locked: registered || c.source === 'platform' };
}

export { PullHandlers, type PullHandler, type PulledItem } from './engine/pullHandlers';

/**
 * Sync with the city platform (docs/sync-protocol.md). The engine needs the open store, i.e. a
 * logged-in session: scheduled windows that pass while nobody is logged in run at the next
 * login (see engine/scheduler.ts).
 */
export function syncCapability(
  deps: CoreDeps,
): Capability<
  | 'sync.status'
  | 'sync.now'
  | 'sync.cancel'
  | 'sync.register'
  | 'sync.confirmHardware'
  | 'sync.settings'
  | 'sync.quarantine'
  | 'sync.resolve'
  | 'sync.caseBlobs'
  | 'sync.fetchBlob'
  | 'sync.counter'
  | 'sync.setCounter'
> {
  let station: Station | undefined;
  const db = () => {
    if (!station) throw new JiuzhuError('STORE_NOT_OPEN');
    return station.db;
  };
  const ready = async () => {
    station ??= (await deps.services()).station;
    return engine;
  };
  const engine = new SyncEngine({
    clock: deps.clock,
    logger: deps.logger,
    db,
    appVersion: deps.version,
    pullHandlers: deps.pullHandlers,
    onProgress: (p) =>
      deps.emit({ event: 'task.progress', payload: { task: 'sync', phase: p.phase, fraction: Math.min(1, Math.max(0, p.fraction)) } }),
    onChange: (p) => deps.emit({ event: 'sync.changed', payload: p }),
  });
  const scheduler = new SyncScheduler(engine, deps.clock, {
    isOpen: async () => {
      station ??= (await deps.services()).station;
      return station.isOpen();
    },
  });
  scheduler.start();
  const actorOf = (ctx: SessionCallContext) => ctx.session.userId;
  const audit = async (actor: string, action: string, targetId?: string, details?: Record<string, AuditDetailValue>) =>
    (await deps.services()).auth
      .audit()
      .append({ actor, action, ...(targetId ? { targetType: 'device', targetId } : {}), ...(details ? { details } : {}) });

  return {
    handlers: {
      'sync.status': async () => syncStatus(await ready(), deps.clock),
      'sync.now': async (input, ctx) => {
        const e = await ready();
        const actor = actorOf(ctx);
        const promise = e.run('manual');
        await audit(actor, 'sync.now');
        if (!input.wait) return { runId: null, outcome: 'running' as const, summary: emptySummary() };
        const r = await promise;
        return { runId: r.runId, outcome: r.outcome, summary: r.summary, ...(r.error ? { error: r.error } : {}) };
      },
      'sync.cancel': async () => ({ cancelled: (await ready()).cancel() }),
      'sync.confirmHardware': async (_input, ctx) => {
        const e = await ready();
        const actor = actorOf(ctx);
        if (!e.state().registration()) throw new JiuzhuError('SYNC_NOT_REGISTERED');
        const was = e.cloneSuspected();
        e.confirmHardware();
        await audit(actor, 'sync.confirm_hardware', undefined, { wasSuspected: was });
        return { cloneSuspected: e.cloneSuspected() };
      },
      'sync.register': async (input, ctx) => {
        const e = await ready();
        const actor = actorOf(ctx);
        const reg = await e.register({
          platformUrl: input.platformUrl,
          code: input.code,
          fingerprint: input.fingerprint,
          deviceName: input.deviceName ?? new StationRepository(db()).get()?.name.slice(0, 64) ?? '工作站',
          appVersion: deps.version,
          machineId: e.enrolmentMachineId(await deps.deviceId()),
        });
        e.state().set('lastWindowAt', String(deps.clock.now().getTime()));
        await audit(actor, 'sync.register', reg.deviceId, { stationId: reg.stationId });
        return {
          deviceId: reg.deviceId,
          stationId: reg.stationId,
          regionCode: reg.regionCode,
          fingerprint: reg.fingerprint,
          ...(reg.counterNo !== undefined ? { counterNo: reg.counterNo } : {}),
        };
      },
      'sync.settings': async (input, ctx) => {
        const state = (await ready()).state();
        if (Object.keys(input).length === 0) return state.settings();
        const next = { ...state.settings(), ...input };
        state.saveSettings(next);
        await audit(actorOf(ctx), 'sync.settings', undefined, { fields: Object.keys(input).join(',') });
        return next;
      },
      'sync.quarantine': async () => {
        return (await ready()).quarantine();
      },
      'sync.caseBlobs': async (input) => {
        const e = await ready();
        const blobs = e.remoteBlobsOfCase(input.caseId).map((r) => ({
          sha256: r.sha256,
          role: r.role as RemoteBlobView['role'],
          ref: r.ref,
          page: r.page,
          kind: r.kind,
          mime: r.mime,
          size: r.size,
          addedAt: r.addedAt,
          state: e.downloading(r.sha256) ? ('downloading' as const) : r.state,
          attachmentId: r.attachmentId,
        }));
        return { registered: e.state().registration() !== null, blobs };
      },
      'sync.fetchBlob': async (input, ctx) => {
        const e = await ready();
        const actor = actorOf(ctx);
        const out = await e.fetchBlob(input.caseId, input.sha256);
        await (await deps.services()).auth.audit().append({
          actor,
          action: 'sync.fetch_blob',
          targetType: 'case',
          targetId: input.caseId,
          details: { sha256: input.sha256, state: out.state },
        });
        const ref = e.remoteBlob(input.caseId, input.sha256);
        const mime = ref?.mime ?? 'application/octet-stream';
        if (out.state === 'stored')
          return {
            state: 'stored' as const,
            mime,
            base64: new AttachmentStore(db(), deps.clock).get(out.attachmentId).toString('base64'),
            message: null,
          };
        const message =
          out.state === 'failed'
            ? translate('sync.blobs.failedHelp')
            : out.state === 'offline'
              ? translate('sync.blobs.offlineHelp')
              : new JiuzhuError('SYNC_BLOB_NOT_ON_PLATFORM').message;
        return { state: out.state, mime, base64: null, message };
      },
      'sync.counter': async () => {
        const e = await ready();
        return counterView(db(), e.state().registration() !== null);
      },
      'sync.setCounter': async (input, ctx) => {
        const e = await ready();
        const current = counterNoOf(db());
        if (e.state().registration() !== null || current.source === 'platform')
          throw new JiuzhuError('SYNC_COUNTER_LOCKED', { counterNo: current.counterNo });
        setCounterNo(db(), input.counterNo, 'setup', deps.clock.now().toISOString());
        await audit(actorOf(ctx), 'sync.set_counter', undefined, { counterNo: input.counterNo });
        return counterView(db(), false);
      },
      'sync.resolve': async (input, ctx) => {
        const e = await ready();
        const actor = actorOf(ctx);
        const result = e.resolveQuarantined({ recordId: input.recordId, action: input.action, actor });
        await audit(actor, 'sync.resolve', undefined, { recordId: input.recordId, action: input.action });
        return result;
      },
    },
    async close() {
      scheduler.stop();
      engine.close();
    },
  };
}
