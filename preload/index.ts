import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { JiuzhuBridge } from '../common/contract/bridge';
import { CHANNELS, type Envelope } from '../common/contract/envelope';
import type { CoreEvent } from '../common/contract/events';

/**
 * The whole surface the page gets: `window.jiuzhu.invoke(method, input)` for the contract's
 * methods and `window.jiuzhu.onEvent(listener)` for the one event channel. No raw ipcRenderer.
 */
const bridge: JiuzhuBridge = {
  invoke: (method: string, input: unknown): Promise<Envelope> => ipcRenderer.invoke(CHANNELS.invoke, method, input),
  onEvent(listener: (event: CoreEvent) => void) {
    const handler = (_event: IpcRendererEvent, payload: CoreEvent) => listener(payload);
    ipcRenderer.on(CHANNELS.event, handler);
    return () => {
      ipcRenderer.removeListener(CHANNELS.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('jiuzhu', bridge);
