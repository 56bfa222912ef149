import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSettings, Item, ItemFieldsInput, ItemKind } from '../../../../electron/contract';
import { templateFor } from '../../../../electron/contract/shared';
import { usePersistentState } from '../../hooks/usePersistentState';
import { NO_LOOKUP, type VocabularyLookup } from './pickers/useLookup';
import { draftOf, fieldsOf, missingRequired, type DraftValue, type ItemDraft } from './formDraft';
import { FormSection } from './FormSection';
import './form.css';
import { fieldLabel } from './fields/fieldNames';

export { fieldsOf, type ItemDraft } from './formDraft';

interface Props {
  item: Item | null;
  readOnly: boolean;
  onSave: (fields: ItemFieldsInput) => Promise<void>;
  /** The library's changes to the templates (hidden, required and its own fields). */
  formSettings?: FormSettings;
  /** Names the library offers for people, places and subjects as they are typed. */
  lookup?: VocabularyLookup;
  onDelete?: () => void;
  /** Told when the form first differs from the saved item (for the window title and leave warnings). */
  onDirty?: (dirty: boolean) => void;
}

/**
 * Describes an item from its kind's template, section by section: creates a new one when `item`
 * is null, else edits it. The parent keys it by item and version, so the draft starts afresh for
 * each. A required field left empty is marked and named, but saving still works: typed work is
 * never held back for a field to be filled in later.
 */
export function ItemForm({
  item,
  readOnly,
  onSave,
  onDelete,
  onDirty,
  formSettings,
  lookup = NO_LOOKUP,
}: Props) {
  const { t } = useTranslation();
  const [initial] = useState<ItemDraft>(() => draftOf(item, formSettings));
  const [draft, setDraft] = useState<ItemDraft>(initial);
  const [titleError, setTitleError] = useState(false);
  const [tried, setTried] = useState(item !== null);
  const [saving, setSaving] = useState(false);
  const [closed, setClosed] = usePersistentState<string[]>('formClosedSections', []);
  const template = useMemo(() => templateFor(draft.kind, formSettings), [draft.kind, formSettings]);
  const missing = missingRequired(template, draft).filter((f) => f.path !== 'title');
  const missingPaths = new Set(tried ? missing.map((f) => f.path) : []);

  const change = (next: (d: ItemDraft) => ItemDraft) => {
    setDraft(next);
    onDirty?.(true);
  };
  const setValue = (path: string, value: DraftValue) => {
    if (path === 'title') setTitleError(false);
    change((d) => ({
      ...d,
      ...(path === 'kind' && { kind: value as ItemKind }),
      values: { ...d.values, [path]: value },
    }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!String(draft.values['title'] ?? '').trim()) {
      setTitleError(true);
      return;
    }
    setSaving(true);
    try {
      await onSave(fieldsOf(draft, template, item, initial));
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
      {titleError && (
        <p id="title-error" className="field-error" role="alert">
          {t('item.titleRequired')}
        </p>
      )}
      {tried && missing.length > 0 && (
        <p className="field-warning" role="status">
          {t('form.missing', { fields: missing.map((f) => fieldLabel(f, t)).join('、') })}
        </p>
      )}
      <fieldset disabled={readOnly || saving}>
        {template.groups.map(({ group, fields }) => (
          <FormSection
            key={group}
            group={group}
            fields={fields}
            open={!closed.includes(group)}
            onToggle={(open) =>
              setClosed((c) => (open ? c.filter((g) => g !== group) : [...new Set([...c, group])]))
            }
            missing={titleError ? new Set([...missingPaths, 'title']) : missingPaths}
            draft={draft}
            onValue={setValue}
            onPending={(path, text) => change((d) => ({ ...d, pending: { ...d.pending, [path]: text } }))}
            onPersonEntry={(entry) => change((d) => ({ ...d, personEntry: entry }))}
            lookup={lookup}
            files={item?.files ?? []}
          />
        ))}
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
