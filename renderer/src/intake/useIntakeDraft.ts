import { useCallback, useEffect, useRef, useState } from 'react';
import type { Application } from '../../../common/cases/application';
import { emptyApplication } from '../../../common/cases/application';
import type { MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';
import { createDraftAutosave, type DraftAutosave } from './draftAutosave';

export type Problems = MethodOutput<'intake.save'>['problems'];

export interface DraftState {
  caseId: string | null;
  rev: number;
  app: Application;
  problems: Problems;
  savedAt: string | null;
  saving: boolean;
  error: string | null;
}

const AUTOSAVE_MS = 500;

/**
 * The intake draft and its autosave: every change is saved half a second after the clerk stops
 * typing, one save at a time, each with the revision the last one returned (a second window
 * editing the same draft gets CASE_STALE instead of silently overwriting). The timing and ordering
 * are draftAutosave.ts's (unit-tested); this hook holds the draft and talks to core.
 */
export function useIntakeDraft(initial?: { caseId: string; rev: number; app: Application }) {
  const [state, setState] = useState<DraftState>(() => ({
    caseId: initial?.caseId ?? null,
    rev: initial?.rev ?? 0,
    app: initial?.app ?? emptyApplication(),
    problems: [],
    savedAt: null,
    saving: false,
    error: null,
  }));
  const latest = useRef(state);
  latest.current = state;
  const autosave = useRef<DraftAutosave | null>(null);
  if (!autosave.current) {
    autosave.current = createDraftAutosave({
      delayMs: AUTOSAVE_MS,
      hasBeenSaved: () => latest.current.caseId !== null,
      save: async () => {
        const s = latest.current;
        setState((x) => ({ ...x, saving: true }));
        try {
          const r = await call('intake.save', { ...(s.caseId ? { caseId: s.caseId, rev: s.rev } : {}), application: s.app });
          latest.current = { ...latest.current, caseId: r.caseId, rev: r.rev };
          setState((x) => ({ ...x, caseId: r.caseId, rev: r.rev, problems: r.problems, savedAt: r.savedAt, saving: false, error: null }));
        } catch (e) {
          setState((x) => ({ ...x, saving: false, error: (e as Error).message }));
          throw e;
        }
      },
    });
  }
  const saver = autosave.current;

  const saveNow = useCallback((): Promise<void> => saver.flush(), [saver]);

  const update = useCallback(
    (change: Partial<Application> | ((app: Application) => Application)) => {
      setState((x) => {
        const app = typeof change === 'function' ? change(x.app) : { ...x.app, ...change };
        latest.current = { ...x, app };
        return { ...x, app };
      });
      saver.changed();
    },
    [saver],
  );

  /** After core changed the draft itself (a material, an authorization): take its revision. */
  const adoptRev = useCallback((rev: number) => {
    latest.current = { ...latest.current, rev };
    setState((x) => ({ ...x, rev }));
  }, []);

  useEffect(() => () => saver.dispose(), [saver]);

  /** The draft as of now (after the last save), not as of the last render. */
  const current = useCallback(() => latest.current, []);

  return { state, update, saveNow, adoptRev, current };
}
