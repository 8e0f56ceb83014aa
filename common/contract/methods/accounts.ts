import { z } from 'zod';
import { defineMethod } from '../define';
import { roleSchema } from '../permissions';

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  hasKeySlot: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

const roles = z.array(roleSchema).min(1, '至少选择一个岗位');

export const accountsList = defineMethod({
  summary: 'Staff accounts of this station.',
  permission: 'admin.accounts',
  input: z.object({}).strict(),
  output: z.array(accountSchema),
});

export const accountsCreate = defineMethod({
  summary: 'Create a staff account with a temporary password the user must change at first login.',
  permission: 'admin.accounts',
  input: z
    .object({
      username: z.string().trim().min(3, '用户名至少 3 个字符').max(32),
      displayName: z.string().trim().min(1, '请输入姓名').max(30),
      roles,
      password: z.string().min(1).max(128),
    })
    .strict(),
  output: accountSchema.pick({ id: true, username: true }),
});

export const accountsSetRoles = defineMethod({
  summary: "Change a staff member's roles.",
  permission: 'admin.accounts',
  input: z.object({ accountId: z.string().min(1), roles }).strict(),
  output: z.object({ ok: z.literal(true) }),
});

export const accountsDisable = defineMethod({
  summary: 'Disable an account: its sessions end, its key slot is removed and the database gets a new key.',
  permission: 'admin.accounts',
  input: z.object({ accountId: z.string().min(1) }).strict(),
  output: z.object({
    ok: z.literal(true),
    /** Set when the old recovery code could not follow the new key (a keyring from before format 2): shown once. */
    newRecoveryCode: z.string().nullable().optional(),
    /** Staff whose old-format key slots could not follow the new key: they need a password reset. */
    needPasswordReset: z.array(z.string()).optional(),
  }),
});

export const accountsResetPassword = defineMethod({
  summary: 'Give an account a new temporary password (to be changed at next login).',
  permission: 'admin.accounts',
  input: z.object({ accountId: z.string().min(1), password: z.string().min(1).max(128) }).strict(),
  output: z.object({ ok: z.literal(true) }),
});

/** This capability's methods, as they appear in the registry. */
export const accountsMethods = {
  'accounts.list': accountsList,
  'accounts.create': accountsCreate,
  'accounts.setRoles': accountsSetRoles,
  'accounts.disable': accountsDisable,
  'accounts.resetPassword': accountsResetPassword,
} as const;
