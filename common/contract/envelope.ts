import type { ApiError } from './errors';

/** What every call returns across every boundary: IPC, HTTP and the worker port. */
export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiError };

/** The one IPC/WebSocket channel names, shared by preload, main and the browser shell. */
export const CHANNELS = {
  invoke: 'jiuzhu:invoke',
  event: 'jiuzhu:event',
} as const;
