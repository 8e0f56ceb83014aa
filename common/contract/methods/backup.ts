import { z } from 'zod';
import { defineMethod } from '../define';

const path = z.string().trim().min(1, '请填写文件路径').max(1024);

export const backupCreate = defineMethod({
  summary: 'Online backup to a file (e.g. on a USB stick), still encrypted, verified by reading it back.',
  permission: 'admin.backup',
  input: z.object({ out: path }).strict(),
  output: z.object({ file: z.string(), bytes: z.number(), createdAt: z.string() }),
});

export const backupRestore = defineMethod({
  summary: "Restore this station's data from a backup file: verified first; everyone logs in again afterwards.",
  permission: 'admin.backup',
  input: z.object({ file: path }).strict(),
  output: z.object({ previousDataDir: z.string().nullable(), createdAt: z.string() }),
});

export const setupRestore = defineMethod({
  summary:
    'On a new or empty workstation: restore a backup with its recovery code instead of first-run setup; the named admin gets a new password, and a new recovery code replaces the used one.',
  permission: 'public',
  input: z
    .object({
      file: path,
      recoveryCode: z.string().trim().min(10).max(64),
      username: z.string().trim().min(1).max(32),
      newPassword: z.string().min(1).max(128),
    })
    .strict(),
  output: z.object({ createdAt: z.string(), recoveryCode: z.string(), needPasswordReset: z.array(z.string()) }),
});

export const storeCheck = defineMethod({
  summary: 'Check the store: SQLite integrity, foreign keys, the audit chain and every attachment hash.',
  permission: 'admin.backup',
  input: z.object({}).strict(),
  output: z.object({
    ok: z.boolean(),
    integrity: z.array(z.string()),
    foreignKeyViolations: z.number(),
    audit: z.object({ ok: z.boolean(), rows: z.number(), firstBad: z.object({ seq: z.number(), reason: z.string() }).optional() }),
    attachments: z.object({ checked: z.number(), bad: z.array(z.string()) }),
  }),
});

export const storeHealth = defineMethod({
  summary: 'The last background integrity check of the station database, for the damage banner (no personal data).',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({
    integrity: z.object({ ok: z.boolean(), finishedAt: z.string(), problems: z.number().int().nonnegative() }).nullable(),
  }),
});

export const backupMethods = {
  'backup.create': backupCreate,
  'backup.restore': backupRestore,
  'setup.restore': setupRestore,
  'store.check': storeCheck,
  'store.health': storeHealth,
} as const;
