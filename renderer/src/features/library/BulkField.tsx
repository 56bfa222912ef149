import { useTranslation } from 'react-i18next';
import type { FormField, FormSettings, OpInput } from '../../../../electron/contract';
import { bulkFields } from '../../../../electron/contract/shared';
import { FieldInput } from '../item/fields/FieldInput';
import { fieldLabel } from '../item/fields/fieldNames';
import { draftOf, isEmpty, storedValue, type ItemDraft } from '../item/formDraft';
import { NO_LOOKUP } from '../item/pickers/useLookup';

type BulkArgs = OpInput<'items.bulkUpdate'>;

export interface BulkFieldState {
  field: FormField | null;
  draft: ItemDraft;
}

export const NO_BULK_FIELD: BulkFieldState = { field: null, draft: draftOf(null) };

/** What the chosen field adds to the bulk call: lists gain the values, any other field is set. */
export function bulkChange({ field, draft }: BulkFieldState): Pick<BulkArgs, 'setFields' | 'add'> {
  if (!field || isEmpty(field, draft)) return {};
  const value = storedValue(field, draft);
  if (field.input === 'chips' || field.input === 'people') return { add: { [field.path]: value } };
  return { setFields: [{ path: field.path, value }] };
}

/** Any field of the form, chosen by name, with its own input: what bulk edit sets beside status and lists. */
export function BulkField({
  state,
  onState,
  formSettings,
}: {
  state: BulkFieldState;
  onState: (state: BulkFieldState) => void;
  formSettings?: FormSettings;
}) {
  const { t } = useTranslation();
  const fields = bulkFields(formSettings);
  const { field, draft } = state;
  return (
    <div className="bulk-field">
      <label>
        {t('form.bulk.field')}
        <select
          value={field?.path ?? ''}
          onChange={(e) =>
            onState({
              field: fields.find((f) => f.path === e.target.value) ?? null,
              draft: draftOf(null, formSettings),
            })
          }
        >
          <option value="">{t('form.bulk.choose')}</option>
          {fields.map((f) => (
            <option key={f.path} value={f.path}>
              {fieldLabel(f, t)}
            </option>
          ))}
        </select>
      </label>
      {field && (
        <FieldInput
          field={{ ...field, required: false }}
          draft={draft}
          onValue={(path, value) =>
            onState({ field, draft: { ...draft, values: { ...draft.values, [path]: value } } })
          }
          onPending={(path, text) =>
            onState({ field, draft: { ...draft, pending: { ...draft.pending, [path]: text } } })
          }
          onPersonEntry={(entry) => onState({ field, draft: { ...draft, personEntry: entry } })}
          lookup={NO_LOOKUP}
          files={[]}
          missing={false}
          idPrefix="bulk-"
        />
      )}
      {field && (field.input === 'chips' || field.input === 'people') && (
        <p className="field-note">{t('form.bulk.addsTo')}</p>
      )}
    </div>
  );
}
