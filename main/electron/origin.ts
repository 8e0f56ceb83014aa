/**
 * The app's own origin. Production pages come from the privileged app:// scheme; in development
 * electron-vite serves them from its dev server, whose URL it passes in ELECTRON_RENDERER_URL.
 * Everything else — remote pages, file:// URLs, other schemes — is foreign.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jiuzhu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}
