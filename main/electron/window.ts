import { BrowserWindow, type WebPreferences } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN } from './origin';

/** Every app window's page: sandboxed, isolated, no Node in the page; only the preload's bridge. */
export function appWebPreferences(): WebPreferences {
  return {
    preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}

/** The clerk's app window. */
export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '救助通工作站',
    backgroundColor: '#f5f5f5',
    webPreferences: appWebPreferences(),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
