import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../common/contract/events';
import { getBridge } from './bridge';

/** Run `handler` for each core event of one name while the component is mounted. */
export function useCoreEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      getBridge().onEvent((event) => {
        if (event.event === name) latest.current(event.payload as EventPayload<E>);
      }),
    [name],
  );
}
