import { useCallback, useEffect, useRef, useState } from 'react';
import type { Application } from '../../../common/cases/application';
import { emptyApplication } from '../../../common/cases/application';
import type { MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';

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
 * editing the same draft gets CASE_STALE instead of silently overwriting).
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
  const dirty = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const saveNow = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(async () => {
      if (!dirty.current && latest.current.caseId) return;
      dirty.current = false;
      const s = latest.current;
      setState((x) => ({ ...x, saving: true }));
      try {
        const r = await call('intake.save', { ...(s.caseId ? { caseId: s.caseId, rev: s.rev } : {}), application: s.app });
        latest.current = { ...latest.current, caseId: r.caseId, rev: r.rev };
        setState((x) => ({ ...x, caseId: r.caseId, rev: r.rev, problems: r.problems, savedAt: r.savedAt, saving: false, error: null }));
      } catch (e) {
        dirty.current = true;
        setState((x) => ({ ...x, saving: false, error: (e as Error).message }));
        throw e;
      }
    });
    return chain.current;
  }, []);

  const update = useCallback(
    (change: Partial<Application> | ((app: Application) => Application)) => {
      setState((x) => {
        const app = typeof change === 'function' ? change(x.app) : { ...x.app, ...change };
        latest.current = { ...x, app };
        return { ...x, app };
      });
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow().catch(() => undefined), AUTOSAVE_MS);
    },
    [saveNow],
  );

  /** After core changed the draft itself (a material, an authorization): take its revision. */
  const adoptRev = useCallback((rev: number) => {
    latest.current = { ...latest.current, rev };
    setState((x) => ({ ...x, rev }));
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  /** The draft as of now (after the last save), not as of the last render. */
  const current = useCallback(() => latest.current, []);

  return { state, update, saveNow, adoptRev, current };
}
