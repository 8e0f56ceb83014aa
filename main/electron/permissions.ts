import { isAppUrl } from './origin';

/**
 * Which permission requests the desktop shell grants: the camera (`media` with an explicit `video`
 * request) for the app's own pages, and nothing else — no microphone, no `unknown` media type, no
 * media request that names no type, no other permission, no other origin. Pure, so the decision
 * is tested without Electron (main/electron/permissions.test.ts); security.ts wires it in.
 */

/** setPermissionRequestHandler: `details.mediaTypes` lists what getUserMedia asks for. */
export function grantPermissionRequest(
  permission: string,
  details: { mediaTypes?: readonly string[]; requestingUrl?: string },
  devServerUrl: string | undefined,
): boolean {
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  if (types.length === 0 || !types.every((t) => t === 'video')) return false;
  return typeof details.requestingUrl === 'string' && isAppUrl(details.requestingUrl, devServerUrl);
}

/** setPermissionCheckHandler: `details.mediaType` is one type (video, audio or unknown). */
export function grantPermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: { mediaType?: string },
  devServerUrl: string | undefined,
): boolean {
  return permission === 'media' && details.mediaType === 'video' && isAppUrl(requestingOrigin, devServerUrl);
}
