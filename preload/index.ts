import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { JiuzhuBridge } from '../common/contract/bridge';
import { CHANNELS, type Envelope } from '../common/contract/envelope';
import type { CoreEvent } from '../common/contract/events';
import { isEventName, isMethodName } from '../common/contract/names';
import { translate } from '../common/i18n/translate';

/**
 * The whole surface the page gets: `window.jiuzhu.invoke(method, input)` for the contract's
 * methods and `window.jiuzhu.onEvent(listener)` for the contract's events. No raw ipcRenderer;
 * a name outside the contract never reaches main.
 */
const refuse = (method: string): Envelope => ({
  ok: false,
  error: { code: 'UNKNOWN_METHOD', message: translate('errors.UNKNOWN_METHOD', { method: method.slice(0, 80) }) },
});

const bridge: JiuzhuBridge = {
  invoke: async (method: string, input: unknown): Promise<Envelope> =>
    isMethodName(method) ? ipcRenderer.invoke(CHANNELS.invoke, method, input) : refuse(String(method)),
  onEvent(listener: (event: CoreEvent) => void) {
    const handler = (_event: IpcRendererEvent, payload: CoreEvent) => {
      if (isEventName(payload?.event)) listener(payload);
    };
    ipcRenderer.on(CHANNELS.event, handler);
    return () => {
      ipcRenderer.removeListener(CHANNELS.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('jiuzhu', bridge);
