import { useTranslation } from 'react-i18next';
import type { PersonRole } from '../../../../../electron/contract';
import { PERSON_ROLES } from '../../../../../electron/contract/shared';

export function isKnownRole(role: string): role is PersonRole {
  return (PERSON_ROLES as readonly string[]).includes(role);
}

/** The roles to choose from; a role written some other way (an import, the CLI) stays choosable. */
export function RoleOptions({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('role.none')}</option>
      {PERSON_ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
      {current && !isKnownRole(current) && <option value={current}>{current}</option>}
    </>
  );
}
