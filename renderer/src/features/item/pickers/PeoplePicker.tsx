import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../electron/contract';
import { Combobox, type ComboboxRow } from '../../../components/Combobox';
import { PersonChip, type ChipControl } from './PersonChip';
import { isKnownRole, RoleOptions } from './RoleOptions';
import { TermLabel } from './TermLabel';
import { useLookup, type VocabularyLookup } from './useLookup';

const INPUT_ID = 'item-person-name';
const SUGGESTIONS = 10;

interface Props {
  people: Person[];
  onPeople: (people: Person[]) => void;
  /** The name being typed and the role chosen for it; the form keeps it, so saving takes it too. */
  entry: Person;
  onEntry: (entry: Person) => void;
  lookup: VocabularyLookup;
}

/**
 * 人物: names already in the library as you type (with how many items name them; pinyin and
 * initials work), a role for each, chips in order that can be moved and removed.
 */
export function PeoplePicker({ people, onPeople, entry, onEntry, lookup }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const matches = useLookup(lookup, 'people', entry.name.trim(), SUGGESTIONS, open);
  const list = useRef<HTMLOListElement>(null);
  // After a chip moves, the focus follows it to its new place once it is drawn there.
  const focusAfterMove = useRef<{ index: number; control: ChipControl } | null>(null);
  useEffect(() => {
    const moved = focusAfterMove.current;
    if (!moved) return;
    focusAfterMove.current = null;
    const chip = list.current?.children[moved.index];
    const wanted = chip?.querySelector<HTMLButtonElement>(`[data-control=${moved.control}]`);
    // At either end the button just used is disabled: the other way is offered instead.
    const other = moved.control === 'earlier' ? 'later' : 'earlier';
    (wanted?.disabled ? chip?.querySelector<HTMLButtonElement>(`[data-control=${other}]`) : wanted)?.focus();
  });

  const focusBox = () => document.getElementById(INPUT_ID)?.focus();
  const roleLabel = (role: string | undefined) =>
    role ? (isKnownRole(role) ? t(`role.${role}`) : role) : undefined;

  function add(name: string, usualRole?: string) {
    const trimmed = name.trim();
    if (!trimmed) return focusBox();
    onPeople([...people, { name: trimmed, role: entry.role || usualRole || '' }]);
    onEntry({ name: '', role: '' });
  }

  function move(index: number, step: -1 | 1) {
    const next = [...people];
    [next[index], next[index + step]] = [next[index + step]!, next[index]!];
    onPeople(next);
    focusAfterMove.current = { index: index + step, control: step < 0 ? 'earlier' : 'later' };
  }

  const rows: ComboboxRow[] = matches.map((match) => ({
    key: match.value,
    content: <TermLabel match={match} note={roleLabel(match.role)} />,
  }));

  return (
    <div className="people picker" role="group" aria-label={t('item.fields.people')}>
      <span className="group-label" aria-hidden="true">
        {t('item.fields.people')}
      </span>
      {people.length > 0 && (
        <ol className="chips" aria-label={t('picker.chosenPeople')} ref={list}>
          {people.map((person, index) => (
            <PersonChip
              // Index keys: focus after a move is placed by hand, and a name may appear twice.
              key={index}
              person={person}
              first={index === 0}
              last={index === people.length - 1}
              onRole={(role) => onPeople(people.map((p, i) => (i === index ? { ...p, role } : p)))}
              onMove={(step) => move(index, step)}
              onRemove={() => {
                onPeople(people.filter((_, i) => i !== index));
                focusBox();
              }}
            />
          ))}
        </ol>
      )}
      <div className="person-entry">
        <Combobox
          inputId={INPUT_ID}
          ariaLabel={t('item.fields.personName')}
          placeholder={t('picker.personPlaceholder')}
          value={entry.name}
          onChange={(name) => onEntry({ ...entry, name })}
          popup="listbox"
          popupLabel={t('picker.personSuggestions')}
          rows={rows}
          open={open}
          onOpenChange={setOpen}
          onPick={(index) => add(matches[index]!.value, matches[index]!.role)}
          onEnter={() => add(entry.name)}
          onBackspaceEmpty={() => onPeople(people.slice(0, -1))}
        />
        <select
          value={entry.role}
          aria-label={t('item.fields.personRole')}
          onChange={(e) => onEntry({ ...entry, role: e.target.value })}
        >
          <RoleOptions current={entry.role} />
        </select>
        <button type="button" className="secondary" onClick={() => add(entry.name)}>
          {t('item.addPerson')}
        </button>
      </div>
    </div>
  );
}
