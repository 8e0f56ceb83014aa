import { z } from 'zod';

/**
 * Which camera plays which role on this workstation. Kept in localStorage for now, behind this
 * small interface, so it can move to core's settings store without touching the components.
 * The label is kept beside the id: some systems give a replugged camera a new id.
 */
export const CAMERA_ROLES = ['face', 'document'] as const;
export type CameraRole = (typeof CAMERA_ROLES)[number];

const assignmentSchema = z.object({ deviceId: z.string(), label: z.string() });
export type CameraAssignment = z.infer<typeof assignmentSchema>;
const settingsSchema = z.object({ face: assignmentSchema.optional(), document: assignmentSchema.optional() });
export type DeviceSettings = z.infer<typeof settingsSchema>;

const KEY = 'jiuzhu.capture.devices.v1';

export interface DeviceSettingsStore {
  load(): DeviceSettings;
  save(settings: DeviceSettings): void;
}

export function localDeviceSettings(storage: Storage = window.localStorage): DeviceSettingsStore {
  return {
    load() {
      try {
        const parsed = settingsSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? '{}'));
        return parsed.success ? parsed.data : {};
      } catch {
        return {};
      }
    },
    save(settings) {
      storage.setItem(KEY, JSON.stringify(settingsSchema.parse(settings)));
    },
  };
}
