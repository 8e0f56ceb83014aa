import { useCallback, useRef, useState } from 'react';
import type { PrintBatch } from '../../../common/contract/methods/documents/print';
import { ApiCallError, call } from '../api/client';
import { printInBrowser } from './browserPrint';

/** Notices per browser print dialog (the desktop shell prints one at a time, silently). */
const PER_DIALOG = 10;

/**
 * Drives a persisted batch: asks core for the next notices until the batch is done, paused,
 * cancelled or stopped by a printer error. The place is kept by core, so a reload or a restart
 * resumes where it stopped (printBatch.list → resume).
 */
export function useBatchRunner(onChange: () => void) {
  const [batch, setBatch] = useState<PrintBatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stop = useRef(false);

  const run = useCallback(
    async (id: string) => {
      stop.current = false;
      setBusy(true);
      setError(null);
      try {
        for (;;) {
          if (stop.current) break;
          const next = await call('printBatch.next', { batchId: id, max: PER_DIALOG });
          let now = next.batch;
          setBatch(now);
          if (next.jobs.length > 0) {
            await printInBrowser(next.jobs, next.paper);
            now = await call('printBatch.ack', { batchId: id, seqs: next.jobs.map((j) => j.seq) });
            setBatch(now);
          }
          if (now.state !== 'running') break;
        }
      } catch (e) {
        setError(e instanceof ApiCallError ? e.message : String(e));
        setBatch(
          await call('printBatch.list', {})
            .then((open) => open.find((b) => b.id === id) ?? null)
            .catch(() => null),
        );
      } finally {
        setBusy(false);
        onChange();
      }
    },
    [onChange],
  );

  const start = useCallback(
    async (requestIds: string[]) => {
      const b = await call('printBatch.start', { requestIds });
      setBatch(b);
      await run(b.id);
    },
    [run],
  );

  const pause = useCallback(async () => {
    if (!batch) return;
    stop.current = true;
    setBatch(await call('printBatch.pause', { batchId: batch.id }));
  }, [batch]);

  const resume = useCallback(
    async (b: PrintBatch | null = batch) => {
      if (!b) return;
      setBatch(await call('printBatch.resume', { batchId: b.id }));
      await run(b.id);
    },
    [batch, run],
  );

  const cancel = useCallback(async () => {
    if (!batch) return;
    stop.current = true;
    setBatch(await call('printBatch.cancel', { batchId: batch.id }));
    onChange();
  }, [batch, onChange]);

  return { batch, error, busy, start, pause, resume, cancel, dismiss: () => setBatch(null) };
}
