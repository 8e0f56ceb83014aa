import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';

export const SESSION_KEY = ['session.current'];
export const SETUP_KEY = ['setup.status'];

/** The window's session, re-read every 15 s so an idle lock made by core shows promptly. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => call('session.current', {}), refetchInterval: 15_000 });
}

export function useSetupStatus() {
  return useQuery({ queryKey: SETUP_KEY, queryFn: () => call('setup.status', {}) });
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: SESSION_KEY });
}
