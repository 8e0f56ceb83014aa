/** The timer functions the autosave uses; tests pass fake ones. */
export interface AutosaveTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: AutosaveTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DraftAutosave {
  /** The draft changed: save it `delayMs` after the last change. */
  changed(): void;
  /** Save now if anything is unsaved (or nothing was ever saved); resolves when this save is done. */
  flush(): Promise<void>;
  /** Stop the pending timer (the page is leaving). */
  dispose(): void;
}

/**
 * Saves a draft after the clerk stops typing, one save at a time. `save` reads the latest draft
 * itself; `hasBeenSaved` says whether the draft exists in core yet (the first flush always saves,
 * to create it). A failed save keeps the draft unsaved and rejects its own flush only: the next
 * change or flush tries again, so a moment without core never stops the autosave for good.
 */
export function createDraftAutosave(options: {
  save: () => Promise<void>;
  hasBeenSaved: () => boolean;
  delayMs: number;
  timers?: AutosaveTimers;
}): DraftAutosave {
  const timers = options.timers ?? realTimers;
  let dirty = false;
  let timer: unknown = null;
  let chain: Promise<void> = Promise.resolve();

  const stopTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };

  const flush = (): Promise<void> => {
    stopTimer();
    const run = chain.then(async () => {
      if (!dirty && options.hasBeenSaved()) return;
      dirty = false;
      try {
        await options.save();
      } catch (e) {
        dirty = true;
        throw e;
      }
    });
    // The chain orders saves; one save's failure belongs to its caller, not to the saves after it.
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    changed() {
      dirty = true;
      stopTimer();
      timer = timers.set(() => {
        timer = null;
        void flush().catch(() => undefined);
      }, options.delayMs);
    },
    flush,
    dispose: stopTimer,
  };
}
