import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';

export type ReaderState = MethodOutput<'idcard.status'>;
export type CardRead = MethodOutput<'idcard.read'>;

const STATE_KEY = ['idcard.status'];

/** The reader's state, kept live by idcard.status events, and the actions on it. */
export function useReader() {
  const client = useQueryClient();
  const state = useQuery({ queryKey: STATE_KEY, queryFn: () => call('idcard.status', {}) });
  useCoreEvent('idcard.status', (payload) => client.setQueryData(STATE_KEY, payload));

  const configure = useMutation({
    mutationFn: (config: MethodInput<'idcard.configure'>) => call('idcard.configure', config),
    onSuccess: (next) => client.setQueryData(STATE_KEY, next),
  });
  const watch = useMutation({
    mutationFn: (on: boolean) => call('idcard.watch', { on }),
    onSuccess: (next) => client.setQueryData(STATE_KEY, next),
  });
  const read = useMutation({ mutationFn: () => call('idcard.read', { timeoutSeconds: 10 }) });
  return { state, configure, watch, read };
}

/** The configure action, handed to the setup forms so one error line shows what core said. */
export type Configure = ReturnType<typeof useReader>['configure'];
