import type { Session } from 'electron';
import { grantPermissionCheck, grantPermissionRequest } from './permissions';

/** The print windows' in-memory session (no `persist:` prefix: nothing of it reaches the disk). */
export const PRINT_PARTITION = 'jiuzhu-print';

/** The part of an Electron session whose permission handlers are set. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * One permission policy for every session the shell opens (the app's default session and the print
 * windows' in-memory one): requests and checks answered by permissions.ts (the camera for the app's
 * own pages, nothing else), device access (HID, serial, USB) never. A new session allows every
 * permission until its handlers are set, so each session gets this before any page loads in it.
 */
export function restrictPermissions(ses: PermissionSession, devServerUrl: string | undefined): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(grantPermissionRequest(permission, details as { mediaTypes?: string[]; requestingUrl?: string }, devServerUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    grantPermissionCheck(permission, requestingOrigin, details as { mediaType?: string }, devServerUrl),
  );
  ses.setDevicePermissionHandler(() => false);
}
