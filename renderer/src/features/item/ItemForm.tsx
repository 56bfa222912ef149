import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemFieldsInput, ItemKind, Person } from '../../../../electron/contract';
import { ITEM_KINDS } from '../../../../electron/contract/shared';
import { DateInput } from './DateInput';
import { PeoplePicker } from './pickers/PeoplePicker';
import { PlacePicker } from './pickers/PlacePicker';
import { SubjectPicker } from './pickers/SubjectPicker';
import { NO_LOOKUP, splitList, withValues, type VocabularyLookup } from './pickers/useLookup';

/**
 * The form's own state: dates as people write them, lists as chips plus what is typed and not yet
 * added (saving takes that too, so nothing typed is lost).
 */
export interface ItemDraft {
  kind: ItemKind;
  title: string;
  people: Person[];
  personEntry: Person;
  eventDate: string;
  places: string[];
  placeText: string;
  subjects: string[];
  subjectText: string;
  abstract: string;
  text: string;
}

const EMPTY_DRAFT: ItemDraft = {
  kind: 'oral',
  title: '',
  people: [],
  personEntry: { name: '', role: '' },
  eventDate: '',
  places: [],
  placeText: '',
  subjects: [],
  subjectText: '',
  abstract: '',
  text: '',
};

function draftOf(item: Item | null): ItemDraft {
  if (!item) return EMPTY_DRAFT;
  return {
    ...EMPTY_DRAFT,
    kind: item.kind,
    title: item.title,
    people: item.people,
    eventDate: item.eventDate.text,
    places: item.places,
    subjects: item.subjects,
    abstract: item.abstract,
    text: item.text,
  };
}

/** What the form sends: the contract's fields. */
export function fieldsOf(draft: ItemDraft): ItemFieldsInput {
  const entry = { ...draft.personEntry, name: draft.personEntry.name.trim() };
  return {
    kind: draft.kind,
    title: draft.title,
    people: [...draft.people, entry].filter((p) => p.name),
    eventDate: draft.eventDate,
    places: withValues(draft.places, splitList(draft.placeText)),
    subjects: withValues(draft.subjects, splitList(draft.subjectText)),
    abstract: draft.abstract,
    text: draft.text,
  };
}

interface Props {
  item: Item | null;
  readOnly: boolean;
  onSave: (fields: ItemFieldsInput) => Promise<void>;
  /** Names the library offers for people, places and subjects as they are typed. */
  lookup?: VocabularyLookup;
  onDelete?: () => void;
  /** Told when the form first differs from the saved item (for the window title and leave warnings). */
  onDirty?: (dirty: boolean) => void;
}

/**
 * Describes an item: creates a new one when `item` is null, else edits it.
 * The parent keys it by item and version, so the draft starts afresh for each.
 */
export function ItemForm({ item, readOnly, onSave, onDelete, onDirty, lookup = NO_LOOKUP }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(item));
  const [titleError, setTitleError] = useState(false);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    onDirty?.(true);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.title.trim()) {
      setTitleError(true);
      return;
    }
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
        <PeoplePicker
          people={draft.people}
          onPeople={(people) => set('people', people)}
          entry={draft.personEntry}
          onEntry={(entry) => set('personEntry', entry)}
          lookup={lookup}
        />
        <DateInput
          label={t('item.fields.date')}
          value={draft.eventDate}
          onChange={(value) => set('eventDate', value)}
          related={item ? { createdDate: item.createdDate.edtf } : {}}
        />
        <PlacePicker
          values={draft.places}
          onValues={(places) => set('places', places)}
          text={draft.placeText}
          onText={(text) => set('placeText', text)}
          lookup={lookup}
        />
        <SubjectPicker
          values={draft.subjects}
          onValues={(subjects) => set('subjects', subjects)}
          text={draft.subjectText}
          onText={(text) => set('subjectText', text)}
          lookup={lookup}
        />
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
