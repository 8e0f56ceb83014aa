import { describe, expect, it } from 'vitest';
import { cameraErrorCode } from './cameraErrors';

describe('cameraErrorCode', () => {
  it.each([
    ['NotFoundError', undefined, 'CAPTURE_NO_CAMERA'],
    ['NotReadableError', undefined, 'CAPTURE_CAMERA_BUSY'],
    ['TrackStartError', undefined, 'CAPTURE_CAMERA_BUSY'],
    ['NotAllowedError', undefined, 'CAPTURE_CAMERA_DENIED'],
    ['OverconstrainedError', 'deviceId', 'CAPTURE_NO_CAMERA'],
    ['OverconstrainedError', 'width', 'CAPTURE_CAMERA_CONSTRAINTS'],
    ['TypeError', undefined, 'CAPTURE_CAMERA_FAILED'],
  ])('%s (%s) → %s', (name, constraint, code) => {
    expect(cameraErrorCode(name, constraint)).toBe(code);
  });
});
