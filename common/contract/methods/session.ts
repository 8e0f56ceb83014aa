import { z } from 'zod';
import { defineMethod } from '../define';
import { roleSchema } from '../permissions';

const username = z.string().trim().min(1, '请输入用户名').max(32);
const password = z.string().min(1, '请输入密码').max(128);

export const sessionInfoSchema = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const setupStatus = defineMethod({
  summary:
    "Whether this workstation has been set up (station, first admin, recovery code), and the machine preset's defaults for setup and enrolment.",
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({
    initialized: z.boolean(),
    /** What IT preset for this PC (common/contract/preset.ts): the forms start from these. */
    preset: z.object({ stationName: z.string().optional(), regionCode: z.string().optional(), platformUrl: z.string().optional() }),
    /** A preset file that exists but was not used, and why (shown to the admin). */
    presetProblem: z.string().nullable(),
  }),
});

export const setupInit = defineMethod({
  summary: 'First-run setup: station name, region code, first admin; returns the recovery code once.',
  permission: 'public',
  input: z
    .object({
      stationName: z.string().trim().min(2, '请输入工作站名称').max(60),
      regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
      admin: z.object({ username, displayName: z.string().trim().min(1, '请输入姓名').max(30), password }).strict(),
    })
    .strict(),
  output: z.object({ recoveryCode: z.string() }),
});

export const sessionLogin = defineMethod({
  summary: 'Log in this window; opens the encrypted store with the key wrapped for this account.',
  permission: 'public',
  input: z.object({ username, password }).strict(),
  output: sessionInfoSchema,
});

export const sessionCurrent = defineMethod({
  summary: "This window's session (null when logged out); looking does not count as activity.",
  permission: 'public',
  input: z.object({}).strict(),
  output: sessionInfoSchema.nullable(),
});

export const sessionTouch = defineMethod({
  summary: 'The clerk is active (keyboard or mouse): postpones the idle lock.',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({ ok: z.literal(true) }),
});

export const sessionLock = defineMethod({
  summary: 'Lock this window now; the unsaved form stays, the password is needed to go on.',
  permission: 'public',
  input: z.object({}).strict(),
  output: sessionInfoSchema,
});

export const sessionUnlock = defineMethod({
  summary: "Unlock this window's session with its user's password.",
  permission: 'public',
  input: z.object({ password }).strict(),
  output: sessionInfoSchema,
});

export const sessionLogout = defineMethod({
  summary: 'Log this window out.',
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({ ok: z.literal(true) }),
});

export const sessionChangePassword = defineMethod({
  summary: "Change the logged-in user's own password (re-wraps that account's key slot).",
  permission: 'public',
  input: z.object({ oldPassword: password, newPassword: password }).strict(),
  output: sessionInfoSchema,
});

/** This capability's methods, as they appear in the registry. */
export const sessionMethods = {
  'setup.status': setupStatus,
  'setup.init': setupInit,
  'session.login': sessionLogin,
  'session.current': sessionCurrent,
  'session.touch': sessionTouch,
  'session.lock': sessionLock,
  'session.unlock': sessionUnlock,
  'session.logout': sessionLogout,
  'session.changePassword': sessionChangePassword,
} as const;
