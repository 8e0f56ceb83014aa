import type { Envelope } from './envelope';
import type { CoreEvent } from './events';

/**
 * What the preload exposes as `window.jiuzhu` and what the browser shell's client implements:
 * the contract's methods behind one invoke, and the one event channel. Nothing else.
 */
export interface JiuzhuBridge {
  invoke(method: string, input: unknown): Promise<Envelope>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Only where the link to core can drop (the browser shell's WebSocket); Electron's IPC cannot. */
  onConnectionChange?(listener: (connected: boolean) => void): () => void;
}
