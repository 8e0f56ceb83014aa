import { describe, expect, it } from 'vitest';
import { grantPermissionCheck, grantPermissionRequest } from './permissions';

const APP = 'app://jiuzhu/index.html';
const DEV = 'http://localhost:5173';

describe('permission requests (getUserMedia and the rest)', () => {
  it('grants the camera to the app origin only for an explicit video request', () => {
    expect(grantPermissionRequest('media', { mediaTypes: ['video'], requestingUrl: APP }, undefined)).toBe(true);
    expect(grantPermissionRequest('media', { mediaTypes: ['video'], requestingUrl: `${DEV}/#/intake` }, DEV)).toBe(true);
  });

  it('refuses what was granted before: an empty or missing list, unknown types, audio', () => {
    expect(grantPermissionRequest('media', { mediaTypes: [], requestingUrl: APP }, undefined)).toBe(false);
    expect(grantPermissionRequest('media', { requestingUrl: APP }, undefined)).toBe(false);
    expect(grantPermissionRequest('media', { mediaTypes: ['unknown'], requestingUrl: APP }, undefined)).toBe(false);
    expect(grantPermissionRequest('media', { mediaTypes: ['audio'], requestingUrl: APP }, undefined)).toBe(false);
    expect(grantPermissionRequest('media', { mediaTypes: ['video', 'audio'], requestingUrl: APP }, undefined)).toBe(false);
  });

  it('refuses other origins and other permissions', () => {
    expect(grantPermissionRequest('media', { mediaTypes: ['video'], requestingUrl: 'https://evil.example/' }, undefined)).toBe(false);
    expect(grantPermissionRequest('media', { mediaTypes: ['video'], requestingUrl: `${DEV}/` }, undefined)).toBe(false);
    expect(grantPermissionRequest('media', { mediaTypes: ['video'] }, undefined)).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'display-capture',
      'openExternal',
      'fileSystem',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(grantPermissionRequest(permission, { mediaTypes: ['video'], requestingUrl: APP }, undefined)).toBe(false);
    }
  });
});

describe('permission checks', () => {
  it('answers yes only for video from the app origin', () => {
    expect(grantPermissionCheck('media', 'app://jiuzhu', { mediaType: 'video' }, undefined)).toBe(true);
    expect(grantPermissionCheck('media', 'app://jiuzhu', { mediaType: 'unknown' }, undefined)).toBe(false);
    expect(grantPermissionCheck('media', 'app://jiuzhu', {}, undefined)).toBe(false);
    expect(grantPermissionCheck('media', 'app://jiuzhu', { mediaType: 'audio' }, undefined)).toBe(false);
    expect(grantPermissionCheck('media', 'https://evil.example', { mediaType: 'video' }, undefined)).toBe(false);
    expect(grantPermissionCheck('clipboard-read', 'app://jiuzhu', { mediaType: 'video' }, undefined)).toBe(false);
  });
});
