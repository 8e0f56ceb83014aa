import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { restrictPermissions, type PermissionSession } from './sessionPermissions';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;

const APP = 'app://jiuzhu/index.html';
const PDF = 'data:application/pdf;base64,JVBERi0xLjcK';
const contents = {} as WebContents;

/** A session that keeps the handlers it is given, so they are asked as Electron asks them. */
function recordingSession() {
  const set: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  const ses: PermissionSession = {
    setPermissionRequestHandler: (h) => void (set.request = h ?? undefined),
    setPermissionCheckHandler: (h) => void (set.check = h ?? undefined),
    setDevicePermissionHandler: (h) => void (set.device = h ?? undefined),
  };
  const request = (permission: string, details: { mediaTypes?: string[]; requestingUrl: string }) => {
    let granted: boolean | undefined;
    set.request!(
      contents,
      permission as Parameters<RequestHandler>[1],
      (g) => void (granted = g),
      details as Parameters<RequestHandler>[3],
    );
    return granted;
  };
  const check = (permission: string, origin: string, mediaType?: string) =>
    set.check!(contents, permission as Parameters<CheckHandler>[1], origin, { mediaType } as Parameters<CheckHandler>[3]);
  const device = () => set.device!({ deviceType: 'hid', origin: APP } as Parameters<DeviceHandler>[0]);
  return { ses, set, request, check, device };
}

describe('restrictPermissions (the app session and the print session alike)', () => {
  it('sets all three handlers; the app page gets the camera when it asks for video, nothing else', () => {
    const s = recordingSession();
    restrictPermissions(s.ses, undefined);
    expect([typeof s.set.request, typeof s.set.check, typeof s.set.device]).toEqual(['function', 'function', 'function']);
    expect(s.request('media', { mediaTypes: ['video'], requestingUrl: APP })).toBe(true);
    expect(s.request('media', { mediaTypes: ['audio'], requestingUrl: APP })).toBe(false);
    expect(s.request('geolocation', { requestingUrl: APP })).toBe(false);
    expect(s.check('media', 'app://jiuzhu', 'video')).toBe(true);
    expect(s.check('notifications', 'app://jiuzhu')).toBe(false);
    expect(s.device()).toBe(false);
  });

  it("refuses the print window's PDF page everything: camera, microphone, notifications, clipboard, devices", () => {
    const s = recordingSession();
    restrictPermissions(s.ses, 'http://localhost:5173');
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'display-capture', 'openExternal'])
      expect(s.request(permission, { mediaTypes: ['video'], requestingUrl: PDF }), permission).toBe(false);
    expect(s.check('media', 'null', 'video')).toBe(false);
    expect(s.check('media', PDF, 'video')).toBe(false);
    expect(s.device()).toBe(false);
  });
});
