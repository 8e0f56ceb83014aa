import { BrowserWindow, screen } from 'electron';
import type { CoreApi, Logger } from '../core/index';
import { forwardEvents, windowIdOf } from './ipc';
import { isAppUrl } from './origin';
import { appWebPreferences } from './window';

/** Only the app's own applicant route with a pairing code may open a window (issue 6 item 3). */
const APPLICANT_HASH = /^#\/applicant\?code=[A-Z2-9]{8}$/;

export function isApplicantScreenUrl(url: string, devServerUrl: string | undefined): boolean {
  if (!isAppUrl(url, devServerUrl)) return false;
  try {
    return APPLICANT_HASH.test(new URL(url).hash);
  } catch {
    return false;
  }
}

/**
 * Let the clerk's window open the applicant screen: its window.open of the applicant route is
 * caught here and becomes our own window — on the second display when there is one, full screen
 * there, with the same security settings as the main window; everything else is still denied.
 * One applicant window at a time; it gets its own window id (core pairs it by the code).
 */
export function allowApplicantWindow(core: CoreApi, clerk: BrowserWindow, logger: Logger, devServerUrl: string | undefined): void {
  let current: BrowserWindow | null = null;
  clerk.webContents.setWindowOpenHandler(({ url }) => {
    if (!isApplicantScreenUrl(url, devServerUrl)) return { action: 'deny' };
    if (current && !current.isDestroyed()) current.close();
    current = createApplicantWindow(url);
    const stopEvents = forwardEvents(core, current);
    const windowId = windowIdOf(current.webContents.id);
    current.on('closed', () => {
      stopEvents();
      current = null;
      logger.log('info', 'applicant_window.closed', { windowId });
    });
    return { action: 'deny' };
  });
  clerk.on('closed', () => {
    if (current && !current.isDestroyed()) current.close();
  });
}

function createApplicantWindow(url: string): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const area = (second ?? primary).workArea;
  const window = new BrowserWindow({
    x: area.x,
    y: area.y,
    width: second ? area.width : Math.min(1280, area.width),
    height: second ? area.height : Math.min(800, area.height),
    fullscreen: Boolean(second),
    show: false,
    title: '申请人确认屏',
    backgroundColor: '#f7f9fc',
    autoHideMenuBar: true,
    webPreferences: appWebPreferences(),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
