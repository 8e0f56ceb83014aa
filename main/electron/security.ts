import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './origin';
import { restrictPermissions } from './sessionPermissions';

/**
 * Hardening applied to every web contents: no navigation away from the app, no new windows,
 * no <webview>, and of all permissions only an explicit video capture, only for the app's own pages
 * (permissions.ts, applied by sessionPermissions.ts).
 */
export function hardenWebContents(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // The packaged menu has no Developer Tools (menu.ts); should they open some other way, they close.
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  });

  restrictPermissions(session.defaultSession, devServerUrl);
}
