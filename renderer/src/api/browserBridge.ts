import type { JiuzhuBridge } from '../../../common/contract/bridge';
import { CHANNELS, type Envelope } from '../../../common/contract/envelope';
import type { CoreEvent } from '../../../common/contract/events';

const TOKEN_KEY = 'jiuzhu.token';

/**
 * The token arrives in the URL fragment (never sent to a server, never in a log); it is moved to
 * sessionStorage and wiped from the address bar so a copied URL does not carry it.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = location.hash.match(/token=([A-Za-z0-9_-]+)/);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    // The applicant screen is opened with its one-time pairing code beside the token (renderer/src/applicant).
    const code = location.hash.match(/&applicant=([A-Z2-9]{8})$/)?.[1];
    history.replaceState(null, '', `${location.pathname}${location.search}#/${code ? `applicant?code=${code}` : ''}`);
  }
  return storage.getItem(TOKEN_KEY);
}

/** The URL of a new browser window for the applicant screen: this page's token (fragment only) and the pairing code. */
export function applicantScreenUrl(location: Location, storage: Storage, code: string): string {
  return `${location.origin}/#token=${storage.getItem(TOKEN_KEY) ?? ''}&applicant=${code}`;
}

/** The browser shell's bridge: POST /api/<method> for calls, a WebSocket for events, reconnecting. */
export function createBrowserBridge(token: string, origin: string): JiuzhuBridge {
  // One session per window: a fresh id per page load, kept in memory only.
  const windowId = crypto.randomUUID().replace(/-/g, '');
  const listeners = new Set<(event: CoreEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let socket: WebSocket | null = null;
  let retry = 500;

  const connect = () => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/events`, ['jiuzhu.v1', `bearer.${token}`, `window.${windowId}`]);
    socket = ws;
    ws.onopen = () => {
      retry = 500;
      for (const listener of connectionListeners) listener(true);
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { channel: string } & CoreEvent;
      if (data.channel !== CHANNELS.event) return;
      const event = { event: data.event, payload: data.payload } as CoreEvent;
      for (const listener of listeners) listener(event);
    };
    ws.onclose = () => {
      socket = null;
      for (const listener of connectionListeners) listener(false);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10_000);
    };
  };

  return {
    async invoke(method: string, input: unknown): Promise<Envelope> {
      const response = await fetch(`${origin}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Jiuzhu-Window': windowId },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Envelope;
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => listeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      if (!socket) connect();
      return () => connectionListeners.delete(listener);
    },
  };
}
