import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import { createFileLogger } from '../kernel/logging/fileLogger';
import { diagnosticsBundle } from './bundle';
import { logsDir } from './logsDir';

/** Renderer errors a window may log per minute: a render loop must not fill the disk or the CPU. */
const REPORTS_PER_MINUTE = 30;

export interface DiagnosticsSources {
  /** The sync state as the sync centre shows it (sync.status), for the export. */
  syncStatus(ctx: SessionCallContext): Promise<unknown>;
}

/** Logs from the renderer, and the diagnostics export for the county's IT (README.md). */
export function diagnosticsCapability(
  deps: CoreDeps,
  sources: DiagnosticsSources,
): Capability<'diagnostics.export' | 'diagnostics.report'> {
  const rendererLog = createFileLogger({ dir: logsDir(deps.dataDir), name: `renderer-${deps.shell}` });
  const recent = new Map<string, number[]>();
  const allowed = (window: string) => {
    const now = deps.clock.now().getTime();
    const times = (recent.get(window) ?? []).filter((t) => now - t < 60_000);
    if (times.length >= REPORTS_PER_MINUTE) return false;
    times.push(now);
    recent.set(window, times);
    return true;
  };

  return {
    handlers: {
      'diagnostics.report': async (input, ctx) => {
        if (!allowed(ctx.windowId ?? ctx.via)) return { logged: false };
        rendererLog.log('error', `renderer.${input.kind}`, {
          window: ctx.windowId ?? null,
          message: input.message,
          stack: input.stack ?? null,
          route: input.route ?? null,
        });
        return { logged: true };
      },
      'diagnostics.export': async (_input, ctx) => {
        const s = await deps.services();
        const sync = await sources.syncStatus(ctx).catch((e: unknown) => ({ unavailable: e instanceof Error ? e.message : String(e) }));
        const bundle = diagnosticsBundle({
          dataDir: deps.dataDir,
          version: deps.version,
          shell: deps.shell,
          now: deps.clock.now(),
          sections: { station: s.station.stationInfo(), sync },
        });
        s.auth.audit().append({
          actor: ctx.session.userId,
          action: 'diagnostics.export',
          details: { files: bundle.files.length, bytes: bundle.zip.length },
        });
        return {
          fileName: bundle.fileName,
          mime: 'application/zip' as const,
          base64: bundle.zip.toString('base64'),
          bytes: bundle.zip.length,
          files: bundle.files,
        };
      },
    },
  };
}
