import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, JiuzhuError, type Envelope } from '../../common/contract/index';
import { exceededInputLimit, inputTooLarge, type CoreApi, type Logger } from '../core/index';
import { isAppUrl } from './origin';
import { handOverInstaller } from './updateInstall';

/**
 * The IPC router: every invoke is checked to come from the app's own top frame (as VS Code's
 * validatedIpcMain does) and its input against core's limits on depth and size, then forwarded
 * unchanged to core, which validates the input.
 */
export function routeIpc(core: CoreApi, logger: Logger, devServerUrl: string | undefined): void {
  ipcMain.handle(CHANNELS.invoke, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Envelope> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, devServerUrl)) {
      logger.log('warn', 'ipc.foreign_sender', { url: frame?.url.slice(0, 100) });
      return { ok: false, error: new JiuzhuError('FORBIDDEN', { permission: 'ipc' }).toApiError() };
    }
    if (typeof method !== 'string')
      return { ok: false, error: new JiuzhuError('UNKNOWN_METHOD', { method: String(method).slice(0, 80) }).toApiError() };
    // Over-deep or over-large input is refused here, before it is copied to the core worker.
    const exceeded = exceededInputLimit(input);
    if (exceeded) return { ok: false, error: inputTooLarge(exceeded).toApiError() };
    const envelope = await core.invoke(method, input, { via: 'electron', windowId: windowIdOf(event.sender.id) });
    // 安装并重启: core verified the kept download and checked the admin; this shell runs it (updateInstall.ts).
    return method === 'update.install' ? handOverInstaller(envelope, logger) : envelope;
  });
}

export const windowIdOf = (webContentsId: number): string => `electron:${webContentsId}`;

/** Forward core events to one app window: the broadcast ones and those addressed to it. */
export function forwardEvents(core: CoreApi, window: BrowserWindow): () => void {
  return core.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(CHANNELS.event, event);
  }, windowIdOf(window.webContents.id));
}
