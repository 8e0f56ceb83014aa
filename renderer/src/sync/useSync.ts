import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';

export const SYNC_STATUS_KEY = ['sync.status'];
export const SYNC_QUARANTINE_KEY = ['sync.quarantine'];

/** Sync status and quarantine, refreshed when a run starts or ends; progress of the run under way. */
export function useSync() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: SYNC_STATUS_KEY, queryFn: () => call('sync.status', {}), refetchInterval: 30_000 });
  const quarantine = useQuery({ queryKey: SYNC_QUARANTINE_KEY, queryFn: () => call('sync.quarantine', {}) });
  const [progress, setProgress] = useState<{ phase: string; fraction: number } | null>(null);
  useCoreEvent('task.progress', (p) => {
    if (p.task === 'sync') setProgress({ phase: p.phase, fraction: p.fraction });
  });
  useCoreEvent('sync.changed', (p) => {
    if (!p.running) setProgress(null);
    void client.invalidateQueries({ queryKey: SYNC_STATUS_KEY });
    void client.invalidateQueries({ queryKey: SYNC_QUARANTINE_KEY });
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: SYNC_STATUS_KEY });
    void client.invalidateQueries({ queryKey: SYNC_QUARANTINE_KEY });
  };
  return { status, quarantine, progress, refresh };
}
