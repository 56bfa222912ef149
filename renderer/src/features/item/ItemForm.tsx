import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ITEM_KINDS,
  PERSON_ROLES,
  formatFuzzyDate,
  parseFuzzyDate,
  type Item,
  type ItemFieldsInput,
  type ItemKind,
  type Person,
} from '../../../../electron/api/contract';

/** The form's own state: lists are edited as text (许昌市、禹州市), dates as people write them. */
export interface ItemDraft {
  kind: ItemKind;
  title: string;
  people: Person[];
  eventDate: string;
  places: string;
  subjects: string;
  abstract: string;
  text: string;
}

const EMPTY_DRAFT: ItemDraft = {
  kind: 'oral',
  title: '',
  people: [],
  eventDate: '',
  places: '',
  subjects: '',
  abstract: '',
  text: '',
};
const LIST_SEPARATOR = /[,，、;；]/;

function draftOf(item: Item | null): ItemDraft {
  if (!item) return EMPTY_DRAFT;
  return {
    kind: item.kind,
    title: item.title,
    people: item.people,
    eventDate: item.eventDate ? formatFuzzyDate(item.eventDate) : '',
    places: item.places.join('、'),
    subjects: item.subjects.join('、'),
    abstract: item.abstract,
    text: item.text,
  };
}

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What the form sends: the contract's fields. */
export function fieldsOf(draft: ItemDraft): ItemFieldsInput {
  return {
    kind: draft.kind,
    title: draft.title,
    people: draft.people.filter((p) => p.name.trim()),
    eventDate: draft.eventDate,
    places: splitList(draft.places),
    subjects: splitList(draft.subjects),
    abstract: draft.abstract,
    text: draft.text,
  };
}

interface Props {
  item: Item | null;
  readOnly: boolean;
  onSave: (fields: ItemFieldsInput) => Promise<void>;
  /** Gazetteer names and subjects, offered as suggestions. */
  placeNames?: string[];
  subjectNames?: string[];
  onDelete?: () => void;
  /** Told when the form first differs from the saved item (for the window title and leave warnings). */
  onDirty?: (dirty: boolean) => void;
}

/**
 * Describes an item: creates a new one when `item` is null, else edits it.
 * The parent keys it by item and version, so the draft starts afresh for each.
 */
export function ItemForm({
  item,
  readOnly,
  onSave,
  onDelete,
  onDirty,
  placeNames = [],
  subjectNames = [],
}: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(item));
  const [titleError, setTitleError] = useState(false);
  const parsedDate = draft.eventDate.trim() ? parseFuzzyDate(draft.eventDate) : null;
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    onDirty?.(true);
  };
  const setPerson = (index: number, person: Person) =>
    set(
      'people',
      draft.people.map((p, i) => (i === index ? person : p)),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.title.trim()) {
      setTitleError(true);
      return;
    }
    if (parsedDate && !parsedDate.ok) return;
    setSaving(true);
    try {
      await onSave(fieldsOf(draft));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="item-form"
      onSubmit={submit}
      aria-label={item ? t('item.editTitle') : t('item.newTitle')}
    >
      <h2>
        {item ? t('item.editTitle') : t('item.newTitle')}
        {item?.identifier && <span className="identifier">{item.identifier}</span>}
      </h2>
      <fieldset disabled={readOnly || saving}>
        <label>
          {t('item.fields.kind')}
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value as ItemKind)}>
            {ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('item.fields.title')}
          <input
            value={draft.title}
            onChange={(e) => {
              set('title', e.target.value);
              setTitleError(false);
            }}
            aria-invalid={titleError}
            aria-describedby={titleError ? 'title-error' : undefined}
          />
        </label>
        {titleError && (
          <p id="title-error" className="field-error" role="alert">
            {t('item.titleRequired')}
          </p>
        )}
        <div className="people" role="group" aria-label={t('item.fields.people')}>
          <span className="group-label">{t('item.fields.people')}</span>
          {draft.people.map((person, index) => (
            <div className="person-row" key={index}>
              <input
                value={person.name}
                aria-label={t('item.fields.personName')}
                onChange={(e) => setPerson(index, { ...person, name: e.target.value })}
              />
              <select
                value={person.role}
                aria-label={t('item.fields.personRole')}
                onChange={(e) => setPerson(index, { ...person, role: e.target.value })}
              >
                <option value="">{t('role.none')}</option>
                {PERSON_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="link"
                aria-label={t('item.removePerson', { name: person.name })}
                onClick={() =>
                  set(
                    'people',
                    draft.people.filter((_, i) => i !== index),
                  )
                }
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => set('people', [...draft.people, { name: '', role: '' }])}
          >
            {t('item.addPerson')}
          </button>
        </div>
        <div className="row">
          <label>
            {t('item.fields.date')}
            <input
              value={draft.eventDate}
              placeholder={t('item.dateHint')}
              onChange={(e) => set('eventDate', e.target.value)}
              aria-invalid={parsedDate?.ok === false}
              aria-describedby="date-note"
            />
          </label>
          <label>
            {t('item.fields.place')}
            <input list="place-names" value={draft.places} onChange={(e) => set('places', e.target.value)} />
          </label>
        </div>
        <p
          id="date-note"
          className={parsedDate?.ok === false ? 'field-error' : 'field-note'}
          role={parsedDate?.ok === false ? 'alert' : undefined}
        >
          {parsedDate === null
            ? t('item.dateHint')
            : parsedDate.ok
              ? t('item.dateReadAs', {
                  date: formatFuzzyDate(parsedDate.edtf),
                  start: parsedDate.range.start,
                  end: parsedDate.range.end,
                })
              : t('item.dateInvalid')}
        </p>
        <datalist id="place-names">
          {placeNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <label>
          {t('item.fields.subjects')}
          <input
            list="subject-names"
            value={draft.subjects}
            onChange={(e) => set('subjects', e.target.value)}
          />
        </label>
        <datalist id="subject-names">
          {subjectNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <label>
          {t('item.fields.description')}
          <textarea rows={3} value={draft.abstract} onChange={(e) => set('abstract', e.target.value)} />
        </label>
        <label>
          {t('item.fields.text')}
          <textarea rows={12} value={draft.text} onChange={(e) => set('text', e.target.value)} />
        </label>
        {item && item.files.length > 0 && (
          <p className="files">
            {t('item.files')}：
            {item.files.map((f) => f.name + (f.encoding ? ` (${f.encoding})` : '')).join('、')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {item ? t('item.save') : t('item.create')}
          </button>
          {item && onDelete && (
            <button type="button" className="danger" onClick={onDelete}>
              {t('item.delete')}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
