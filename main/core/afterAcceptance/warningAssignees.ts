import { JiuzhuError } from '../../../common/contract/errors';
import { rolesGrant, type Role } from '../../../common/contract/permissions';
import { rolesGranting } from '../../../common/i18n/syncRun';
import { translate } from '../../../common/i18n/translate';
import { AccountRepository, type Account } from '../kernel/accounts/accountRepo';
import type { Db } from '../kernel/store/types';

/**
 * Who may be given a warning: an enabled account that holds `case.casework` (caseworker, head) —
 * the assignee verifies and closes it, which only that permission allows (DOMAIN.md: the
 * caseworker handles warnings). A clerk, print staff or an admin-only account cannot.
 */
export function mayTakeWarnings(account: { roles: readonly Role[]; disabled: boolean }): boolean {
  return !account.disabled && rolesGrant(account.roles, 'case.casework');
}

/** The accounts a warning can be assigned to, for the picker (names only). */
export function warningAssignees(db: Db): Array<{ id: string; name: string }> {
  return new AccountRepository(db)
    .list()
    .filter(mayTakeWarnings)
    .map((a) => ({ id: a.id, name: a.displayName }));
}

/** The account a warning is being assigned to, refused in words when it cannot take it. */
export function assigneeOf(db: Db, accountId: string): Account {
  const account = new AccountRepository(db).findById(accountId);
  if (!account) throw new JiuzhuError('AUTH_ACCOUNT_NOT_FOUND');
  const allowed = rolesGranting('case.casework');
  if (account.disabled) throw new JiuzhuError('WARNING_ASSIGNEE_DISABLED', { name: account.displayName, allowed });
  if (!mayTakeWarnings(account)) {
    const roles = account.roles.map((r) => translate(`roles.${r}`)).join('、');
    throw new JiuzhuError(
      'WARNING_ASSIGNEE_NOT_CASEWORK',
      { name: account.displayName, roles, allowed },
      { accountId, roles: account.roles },
    );
  }
  return account;
}
