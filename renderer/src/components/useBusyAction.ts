import { useState } from 'react';

/**
 * One action at a time on a panel (预览, 打印, 核验 …): which is running, for its button's spinner, and the
 * last error in words (the message core sent). A new action clears the old error.
 */
export function useBusyAction<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: K, fn: () => Promise<void>): Promise<void> => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, setError, run };
}
