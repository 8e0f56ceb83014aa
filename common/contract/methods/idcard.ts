import { z } from 'zod';
import { idCardSchema } from '../../idcard/card';
import { defineMethod } from '../define';

/**
 * The reader a workstation uses: the serial SAM protocol, or a vendor library (termb / sdtapi).
 * `library` is a file name from common/idcard/vendorLibraries.ts, loaded only from the install's
 * resources folder; core refuses anything else (IDCARD_LIBRARY_NOT_ALLOWED), including a
 * workstation.json edited by hand. `path` must be a device path (common/idcard/portPath.ts).
 */
export const readerConfigSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sam'),
      path: z.string().min(1).max(260),
      baudRate: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]).default(115200),
    })
    .strict(),
  z.object({ kind: z.literal('sdtapi'), library: z.string().min(1).max(260), port: z.number().int().min(1).max(1016) }).strict(),
  z
    .object({
      kind: z.literal('termb'),
      library: z.string().min(1).max(260),
      port: z.number().int().min(1).max(1016),
      output: z.enum(['files', 'getters']).default('files'),
      prefix: z.enum(['', 'CVR_']).default(''),
    })
    .strict(),
]);
export type ReaderConfigInput = z.input<typeof readerConfigSchema>;

export const readerStatusSchema = z.enum(['not-configured', 'idle', 'connected', 'no-reader', 'reading', 'error']);

export const readerStateSchema = z.object({
  status: readerStatusSchema,
  /** zh-CN line for the status bar. */
  message: z.string(),
  /** What is configured, e.g. "/dev/ttyACM0 @ 115200" or the library path. */
  reader: z.string().nullable(),
  /** Set when the reader is the clearly labelled emulator (demo mode). */
  emulated: z.boolean(),
  watching: z.boolean(),
});

/** A card as the UI receives it: the parsed card and the photo's state (a BMP only when a vendor decoder made one). */
export const cardReadSchema = z.object({
  card: idCardSchema,
  photo: z.object({
    status: z.enum(['decoded', 'needs-decoder', 'decode-failed', 'absent']),
    message: z.string(),
    bmpBase64: z.string().optional(),
  }),
  readAt: z.string(),
  /** Set when someone is logged in: whether the station has this person on file, and what differs from the card. */
  onFile: z
    .object({
      known: z.boolean(),
      differences: z.array(z.object({ field: z.string(), label: z.string(), card: z.string(), stored: z.string() })),
    })
    .optional(),
});

export const idcardStatus = defineMethod({
  summary: "The workstation's ID card reader: configured reader, its state, and whether automatic reading is on.",
  permission: 'session',
  input: z.object({}).strict(),
  output: readerStateSchema,
});

export const idcardPorts = defineMethod({
  summary: 'Serial ports with a SAM probe of each, to choose the reader.',
  permission: 'admin.settings',
  input: z.object({}).strict(),
  output: z.array(
    z.object({
      path: z.string(),
      manufacturer: z.string().optional(),
      ok: z.boolean(),
      samId: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});

export const idcardConfigure = defineMethod({
  summary: 'Choose the reader for this workstation (admin); it is checked before it is remembered, and the change is audited.',
  permission: 'admin.settings',
  input: readerConfigSchema,
  output: readerStateSchema,
});

export const idcardLibraries = defineMethod({
  summary:
    'The vendor reader libraries this workstation may use: the allow-listed names, and which of them are installed in the resources folder.',
  permission: 'admin.settings',
  input: z.object({}).strict(),
  output: z.object({
    /** Where the installer puts vendor libraries, for the admin to tell the system administrator. */
    folder: z.string(),
    libraries: z.array(z.object({ name: z.string(), kind: z.enum(['termb', 'sdtapi']), present: z.boolean() })),
  }),
});

export const idcardRead = defineMethod({
  summary: 'Wait for a card on the reader and read it once (the 读卡 button).',
  permission: 'person.read',
  input: z.object({ timeoutSeconds: z.number().min(1).max(60).default(10) }).strict(),
  output: cardReadSchema,
});

export const idcardWatch = defineMethod({
  summary: 'Turn automatic reading on or off: while on, each card placed on the reader arrives once as an idcard.card event.',
  permission: 'person.read',
  input: z.object({ on: z.boolean() }).strict(),
  output: readerStateSchema,
});

/** This capability's methods, as they appear in the registry. */
export const idcardMethods = {
  'idcard.status': idcardStatus,
  'idcard.ports': idcardPorts,
  'idcard.configure': idcardConfigure,
  'idcard.libraries': idcardLibraries,
  'idcard.read': idcardRead,
  'idcard.watch': idcardWatch,
} as const;
