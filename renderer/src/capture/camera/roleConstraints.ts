import type { CameraRole } from './deviceSettings';

/**
 * What each role asks of its camera. The face needs a smooth 720p preview; the document camera
 * (高拍仪, typically 5 MP) its full resolution, since an A4 page at 150 dpi is 1240×1754 pixels.
 * `ideal`, never `exact`: a camera that cannot do it still opens, at its best.
 */
export const ROLE_CONSTRAINTS: Record<CameraRole, MediaTrackConstraints> = {
  face: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
  document: { width: { ideal: 2592 }, height: { ideal: 1944 }, frameRate: { ideal: 15 } },
};

export function constraintsFor(role: CameraRole, deviceId: string | null): MediaStreamConstraints {
  return { audio: false, video: { ...ROLE_CONSTRAINTS[role], ...(deviceId ? { deviceId: { exact: deviceId } } : {}) } };
}
