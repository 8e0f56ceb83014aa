import type { CameraAssignment, CameraRole } from './deviceSettings';

export interface VideoDevice {
  deviceId: string;
  label: string;
}

/**
 * The device for a role: the assigned one by id, else by label (replugged with a new id), else a
 * sensible default — the first camera for the face, the second (or the only) for documents.
 */
export function resolveDevice(
  role: CameraRole,
  assigned: CameraAssignment | undefined,
  devices: readonly VideoDevice[],
): VideoDevice | null {
  if (devices.length === 0) return null;
  if (assigned) {
    const byId = devices.find((d) => d.deviceId === assigned.deviceId);
    if (byId) return byId;
    const byLabel = assigned.label ? devices.find((d) => d.label === assigned.label) : undefined;
    if (byLabel) return byLabel;
    return null;
  }
  return role === 'face' ? devices[0]! : (devices[1] ?? devices[0]!);
}
