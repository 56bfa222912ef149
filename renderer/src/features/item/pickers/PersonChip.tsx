import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../electron/contract';
import { RoleOptions } from './RoleOptions';

export type ChipControl = 'earlier' | 'later' | 'remove';

/** One person as a chip: the name, the role (changeable), moves earlier and later, removal. */
export function PersonChip({
  person,
  first,
  last,
  onRole,
  onMove,
  onRemove,
}: {
  person: Person;
  first: boolean;
  last: boolean;
  onRole: (role: string) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { name } = person;
  return (
    <li className="chip person-chip">
      <span className="chip-name">{name}</span>
      <select
        className="chip-role"
        value={person.role}
        aria-label={t('picker.roleOf', { name })}
        onChange={(e) => onRole(e.target.value)}
      >
        <RoleOptions current={person.role} />
      </select>
      <button
        type="button"
        className="chip-button"
        data-control="earlier"
        disabled={first}
        aria-label={t('picker.moveEarlier', { name })}
        onClick={() => onMove(-1)}
      >
        ‹
      </button>
      <button
        type="button"
        className="chip-button"
        data-control="later"
        disabled={last}
        aria-label={t('picker.moveLater', { name })}
        onClick={() => onMove(1)}
      >
        ›
      </button>
      <button
        type="button"
        className="chip-button"
        data-control="remove"
        aria-label={t('picker.remove', { name })}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}
