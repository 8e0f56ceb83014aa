import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './origin';

/**
 * Hardening applied to every web contents: no navigation away from the app, no new windows,
 * no <webview>, and of all permissions only video capture, only for the app's own pages.
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
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const videoOnly = permission === 'media' && (details as { mediaTypes?: string[] }).mediaTypes?.every((t) => t === 'video') === true;
    callback(videoOnly && isAppUrl(details.requestingUrl, devServerUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const video = permission === 'media' && (details as { mediaType?: string }).mediaType !== 'audio';
    return video && isAppUrl(requestingOrigin, devServerUrl);
  });
  ses.setDevicePermissionHandler(() => false);
}
