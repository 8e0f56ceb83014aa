import { z } from 'zod';

/**
 * The machine-wide preset a county's IT writes for mass deployment (docs/RELEASE.md "Deployment"):
 * the values the first-run setup and enrolment start from, and the GPU switch. Every field is
 * optional; a value here is a default the admin still sees and confirms, never a silent override.
 */
export const machinePresetSchema = z
  .object({
    stationName: z.string().trim().min(2).max(60).optional(),
    regionCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    platformUrl: z.string().url().max(400).optional(),
    /** For graphics drivers that draw garbage or crash (some 信创 GPUs): software rendering. */
    disableGpu: z.boolean().optional(),
    /**
     * Where the station's data lives: "user" (the default) in each OS account's local folder, one
     * station per account; "machine" one station for the whole PC, shared by the staff accounts of
     * the installer's group (main/core/kernel/app/dataScope.ts, docs/SECURITY.md).
     */
    dataScope: z.enum(['user', 'machine']).optional(),
    /** The county's update server (its own or the city platform's file area): the default of 程序更新's address. */
    updateUrl: z.string().url().max(400).optional(),
  })
  .strict();
export type MachinePreset = z.infer<typeof machinePresetSchema>;
