import { z } from 'zod';
import { defineMethod } from '../define';

export const shellSchema = z.enum(['electron', 'browser', 'cli']);
export type Shell = z.infer<typeof shellSchema>;

export const appInfo = defineMethod({
  summary: 'Version, shell, data directory and the hashed device id of this workstation.',
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({
    name: z.string(),
    version: z.string(),
    shell: shellSchema,
    dataDir: z.string(),
    /** SHA-256 of the machine id with an app-specific salt; the raw id never leaves the machine. */
    deviceId: z.string().regex(/^[0-9a-f]{64}$/),
    platform: z.string(),
    arch: z.string(),
    /** The encrypted SQLite module this workstation runs on (IT checks the station's own build). */
    database: z.object({
      /** e.g. "SQLite3 Multiple Ciphers 2.3.5 +jiuzhu-ckpt-copy-raw-1" */
      cipherVersion: z.string(),
      sqliteVersion: z.string(),
      /** True on the station's build; a stock build stores the same format with slower checkpoints. */
      checkpointCopy: z.boolean(),
    }),
  }),
});

/** This capability's methods, as they appear in the registry. */
export const appMethods = {
  'app.info': appInfo,
} as const;
