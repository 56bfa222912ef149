import { useTranslation } from 'react-i18next';
import type { FileRef, FormField, Person } from '../../../../../electron/contract';
import { PeoplePicker } from '../pickers/PeoplePicker';
import type { VocabularyLookup } from '../pickers/useLookup';
import type { DraftValue, ItemDraft } from '../formDraft';
import { ChipsField } from './ChipsField';
import { DateField } from './DateField';
import { fieldId, fieldLabel } from './fieldNames';
import { FieldLabel } from './FieldLabel';

export interface FieldInputProps {
  field: FormField;
  draft: ItemDraft;
  onValue: (path: string, value: DraftValue) => void;
  onPending: (path: string, text: string) => void;
  onPersonEntry: (entry: Person) => void;
  lookup: VocabularyLookup;
  /** The item's files, for the field that names one of them (授权书). */
  files: readonly FileRef[];
  /** Required and empty, once the form says so. */
  missing: boolean;
  /** Set where a second form is on screen (bulk edit), so ids stay unique. */
  idPrefix?: string;
}

/** One field of the form, with the input its template names. */
export function FieldInput(props: FieldInputProps) {
  const { field, draft, onValue, onPending, onPersonEntry, lookup, files, missing, idPrefix = '' } = props;
  const { t } = useTranslation();
  const id = idPrefix + fieldId(field.path);
  const label = fieldLabel(field, t);
  const head = <FieldLabel id={id} label={label} required={field.required} />;
  const value = draft.values[field.path];
  const set = (next: DraftValue) => onValue(field.path, next);
  const common = {
    id,
    'aria-required': field.required || undefined,
    'aria-invalid': missing || undefined,
  };
  switch (field.input) {
    case 'date':
      return (
        <DateField
          id={id}
          path={field.path}
          label={label}
          value={String(value ?? '')}
          related={draft.values}
          onChange={set}
          required={field.required}
          missing={missing}
        />
      );
    case 'people':
      return (
        <PeoplePicker
          people={(value as Person[]) ?? []}
          onPeople={set}
          entry={draft.personEntry}
          onEntry={onPersonEntry}
          lookup={lookup}
        />
      );
    case 'chips':
      return (
        <ChipsField
          id={id}
          label={label}
          vocabulary={idPrefix ? undefined : field.vocabulary}
          values={(value as string[]) ?? []}
          onValues={set}
          text={draft.pending[field.path] ?? ''}
          onText={(text) => onPending(field.path, text)}
          lookup={lookup}
        />
      );
    case 'checkbox':
      return (
        <div className="field checkbox">
          <input
            type="checkbox"
            {...common}
            checked={value === true}
            onChange={(e) => set(e.target.checked)}
          />
          {head}
        </div>
      );
    case 'select':
    case 'fileOfItem': {
      const options =
        field.input === 'select'
          ? (field.options ?? []).map((o) => ({ value: o, text: t(`${optionNamespace(field)}.${o}`) }))
          : files.map((f) => ({ value: f.sha256, text: f.name }));
      const blank = field.input === 'fileOfItem' || field.blank;
      return (
        <div className="field">
          {head}
          <select {...common} value={String(value ?? '')} onChange={(e) => set(e.target.value)}>
            {blank && (
              <option value="">{t(field.input === 'fileOfItem' ? 'form.noFile' : 'form.blank')}</option>
            )}
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </select>
        </div>
      );
    }
    default:
      return (
        <div className="field">
          {head}
          {field.input === 'textarea' ? (
            <textarea
              {...common}
              rows={field.path === 'text' ? 12 : 3}
              value={String(value ?? '')}
              onChange={(e) => set(e.target.value)}
            />
          ) : (
            <input
              {...common}
              inputMode={field.input === 'number' ? 'numeric' : undefined}
              value={String(value ?? '')}
              onChange={(e) => set(e.target.value)}
            />
          )}
        </div>
      );
  }
}

/** Where a select's option names are in the UI text: the app-wide maps for kinds and statuses, the form's for the rest. */
function optionNamespace(field: FormField): string {
  const names = field.optionLabels ?? field.path;
  return names === 'kind' || names === 'editorialStatus' ? names : `form.${names}`;
}
