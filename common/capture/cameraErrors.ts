/** Camera failures the clerk is told about; each is an error code with its zh-CN message. */
export type CameraErrorCode =
  'CAPTURE_NO_CAMERA' | 'CAPTURE_CAMERA_BUSY' | 'CAPTURE_CAMERA_DENIED' | 'CAPTURE_CAMERA_CONSTRAINTS' | 'CAPTURE_CAMERA_FAILED';

/**
 * Map a getUserMedia DOMException (by its name, plus `constraint` for OverconstrainedError) to
 * what the clerk should do. Old Chromium names (DevicesNotFoundError, TrackStartError…) included.
 */
export function cameraErrorCode(name: string, constraint?: string): CameraErrorCode {
  switch (name) {
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'CAPTURE_NO_CAMERA';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'CAPTURE_CAMERA_BUSY';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'CAPTURE_CAMERA_DENIED';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      // An exact deviceId that no longer exists means the assigned camera is unplugged.
      return constraint === 'deviceId' ? 'CAPTURE_NO_CAMERA' : 'CAPTURE_CAMERA_CONSTRAINTS';
    default:
      return 'CAPTURE_CAMERA_FAILED';
  }
}
