import { z } from 'zod';
import { defineMethod } from '../define';

export const diagnosticsExport = defineMethod({
  summary:
    "导出诊断信息 for the county's IT: one ZIP of the log files, versions, this machine's settings and the sync state — every file through the personal-data guard; no database, keys or crash dumps.",
  permission: 'admin.settings',
  input: z.object({}).strict(),
  output: z.object({
    fileName: z.string(),
    mime: z.literal('application/zip'),
    base64: z.string(),
    bytes: z.number().int(),
    files: z.array(z.string()),
  }),
});

export const diagnosticsReport = defineMethod({
  summary:
    "A renderer error (uncaught error, rejected promise, a screen that failed to draw) into the renderer's log file, redacted; a window past its quota is dropped.",
  permission: 'public',
  input: z
    .object({
      kind: z.enum(['error', 'rejection', 'render']),
      message: z.string().max(2000),
      stack: z.string().max(8000).optional(),
      /** The route the window was on, e.g. "/cases/…". */
      route: z.string().max(200).optional(),
    })
    .strict(),
  output: z.object({ logged: z.boolean() }),
});

/** This capability's methods, as they appear in the registry. */
export const diagnosticsMethods = {
  'diagnostics.export': diagnosticsExport,
  'diagnostics.report': diagnosticsReport,
} as const;
