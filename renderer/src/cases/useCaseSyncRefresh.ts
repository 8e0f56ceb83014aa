import { useQueryClient } from '@tanstack/react-query';
import { useCoreEvent } from '../api/useCoreEvent';

/**
 * The open case page reads again what a sync run may have changed — its 平台状态, a decision, a 核对
 * report, the state and timeline — when a run ends (`sync.changed` with `running: false`), whoever
 * started it: this window, another one, the scheduler. Every query keyed `[method, caseId]` is
 * invalidated (the active ones refetch); the per-file reads (`[method, caseId, attachmentId]`) are
 * left alone, their bytes do not change.
 */
export function useCaseSyncRefresh(caseId: string): void {
  const client = useQueryClient();
  useCoreEvent('sync.changed', (p) => {
    if (p.running) return;
    void client.invalidateQueries({ predicate: (q) => q.queryKey.length === 2 && q.queryKey[1] === caseId });
  });
}
