import { z } from 'zod';

/** Staff roles (DOMAIN.md). A person may hold several. */
export const ROLES = ['clerk', 'caseworker', 'head', 'print', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What a method needs. 'public' methods run without a session (app info, the pure ID check);
 * every other method names a permission that core checks against the caller's roles.
 */
export const PERMISSIONS = [
  'public',
  'session',
  'person.read',
  'case.read',
  'case.write',
  /** Decide 审核确认 and changes to a benefit at the station: only where the county delegated it (checked by core). */
  'case.decide',
  /**
   * Casework a caseworker or the head does, not the counter (DOMAIN.md): the home visit and starting the investigation,
   * the 初审意见, ending 公示 and answering an objection (民主评议 / re-investigation), extending the time limit,
   * a 先行救助 payment, putting a household under or off 低收入人口 monitoring, working a monitoring warning (assign,
   * verify, close), applying again a county decision the station could not apply.
   */
  'case.casework',
  'document.print',
  'sync.run',
  'audit.read',
  'admin.accounts',
  'admin.settings',
  'admin.backup',
  'export.full',
  /** See the station's 差评 and record their follow-up (回访/整改): the station head. */
  'rating.followUp',
  /** Put the previous system's roster export on the station's roster (personal data of every household): the station head. */
  'roster.import',
] as const;
export const permissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof permissionSchema>;

/** Which roles grant which permissions ('public' needs nothing; 'session' needs any login). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  clerk: ['session', 'person.read', 'case.read', 'case.write', 'document.print'],
  caseworker: ['session', 'person.read', 'case.read', 'case.write', 'case.casework', 'document.print'],
  head: [
    'session',
    'person.read',
    'case.read',
    'case.write',
    'case.decide',
    'case.casework',
    'document.print',
    'sync.run',
    'audit.read',
    'export.full',
    'rating.followUp',
    'roster.import',
  ],
  print: ['session', 'person.read', 'case.read', 'document.print'],
  admin: ['session', 'sync.run', 'audit.read', 'admin.accounts', 'admin.settings', 'admin.backup', 'export.full'],
};

export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  if (permission === 'public') return true;
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
