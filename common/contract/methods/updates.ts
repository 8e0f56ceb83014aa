import { z } from 'zod';
import { defineMethod } from '../define';

const version = z.string().regex(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/);

/** 程序更新 (main/core/updates, docs/RELEASE.md "Updates"): admin only, every step against the signed feed. */
export const updateStatus = defineMethod({
  summary:
    "This workstation's version, the county's update address (set here, or the machine preset's default), the verified downloads kept for installing and rolling back, and whether this shell can install.",
  permission: 'admin.settings',
  input: z.object({}).strict(),
  output: z.object({
    current: z.string(),
    url: z.string().nullable(),
    /** preset: the machine preset's default; station: set on this page; none: no address yet. */
    urlFrom: z.enum(['station', 'preset', 'none']),
    downloads: z.array(z.object({ version: z.string(), installer: z.string() })),
    /** The newest kept download newer than the running version: what 安装并重启 installs. */
    installable: z.string().nullable(),
    /** The newest kept download older than the running version: what 回退到上一版本 installs. */
    previous: z.string().nullable(),
    /** Only the desktop shell can run an installer; elsewhere IT runs the verified file. */
    canInstall: z.boolean(),
  }),
});

export const updateSetSource = defineMethod({
  summary: "Set the county's update address (its own server or the city platform's file area); audited.",
  permission: 'admin.settings',
  input: z
    .object({
      url: z
        .string()
        .trim()
        .url()
        .max(400)
        .refine((u) => /^https?:\/\//.test(u), 'http(s)'),
    })
    .strict(),
  output: z.object({ url: z.string() }),
});

export const updateCheck = defineMethod({
  summary:
    "Read and verify the signed feed at the update address: newer, current, or newer but not this workstation's turn in a staged rollout.",
  permission: 'admin.settings',
  input: z.object({}).strict(),
  output: z.object({
    state: z.enum(['newer', 'current', 'staged-out']),
    version: z.string(),
    current: z.string(),
    releaseDate: z.string().nullable(),
  }),
});

export const updateDownload = defineMethod({
  summary:
    'Download the installer the signed feed names, checking its SHA-512 and size as it arrives (a mismatch is deleted); kept with its feed for installing and rollback.',
  permission: 'admin.settings',
  input: z.object({}).strict(),
  output: z.object({ version: z.string(), installer: z.string() }),
});

export const updateInstall = defineMethod({
  summary:
    'Verify a kept download against its signed feed once more and hand it to the desktop shell, which runs the installer and quits; elsewhere UPDATE_NEEDS_DESKTOP with the verified file for IT.',
  permission: 'admin.settings',
  input: z.object({ version }).strict(),
  output: z.object({ version: z.string(), installer: z.string(), kind: z.enum(['nsis', 'deb', 'appimage']) }),
});

/** This capability's methods, as they appear in the registry. */
export const updatesMethods = {
  'update.status': updateStatus,
  'update.setSource': updateSetSource,
  'update.check': updateCheck,
  'update.download': updateDownload,
  'update.install': updateInstall,
} as const;
