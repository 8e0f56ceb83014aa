import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/contract/permissions';

/** A role in words (受理员, 经办人 …), from the catalog. */
export function useRoleName(): (role: Role) => string {
  const { t } = useTranslation();
  return (role) => t(`roles.${role}`);
}
