import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormGroup, FormSettings } from '../../../../electron/contract';
import { ALWAYS_SHOWN, FORM_GROUPS, TEMPLATE_FIELDS } from '../../../../electron/contract/shared';
import { fieldLabel } from '../item/fields/fieldNames';
import './settings.css';

interface Props {
  form: FormSettings;
  onForm: (form: FormSettings) => void;
  readOnly: boolean;
}

const toggled = (list: string[], value: string, on: boolean) =>
  on ? [...new Set([...list, value])] : list.filter((v) => v !== value);

/**
 * 著录模板: which fields the form shows and which it asks for, and fields of the library's own.
 * Saved with the rest of the settings, in library.json, so everyone who opens the library has them.
 */
export function TemplateEditor({ form, onForm, readOnly }: Props) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [group, setGroup] = useState<FormGroup>('review');
  const rows = [
    ...TEMPLATE_FIELDS.map((f) => ({ path: f.path, label: fieldLabel(f, t), kinds: f.kinds, custom: false })),
    ...form.customFields.map((c) => ({
      path: `custom.${c.key}`,
      label: c.label,
      kinds: undefined,
      custom: true,
    })),
  ];

  function addCustom() {
    const name = label.trim();
    if (!name) return;
    const key = `f${Date.now().toString(36)}`;
    onForm({
      ...form,
      customFields: [...form.customFields, { key, label: name, group, input: 'text', kinds: [] }],
    });
    setLabel('');
  }

  function removeCustom(path: string) {
    onForm({
      hidden: form.hidden.filter((p) => p !== path),
      required: form.required.filter((p) => p !== path),
      customFields: form.customFields.filter((c) => `custom.${c.key}` !== path),
    });
  }

  return (
    <fieldset className="template-editor" disabled={readOnly}>
      <legend>{t('form.template.legend')}</legend>
      <p className="field-note">{t('form.template.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('form.template.field')}</th>
            <th scope="col">{t('form.template.kinds')}</th>
            <th scope="col">{t('form.template.shown')}</th>
            <th scope="col">{t('form.template.required')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const locked = (ALWAYS_SHOWN as readonly string[]).includes(row.path);
            const shown = locked || !form.hidden.includes(row.path);
            return (
              <tr key={row.path}>
                <th scope="row">{row.label}</th>
                <td>
                  {row.kinds ? row.kinds.map((k) => t(`kind.${k}`)).join('、') : t('form.template.allKinds')}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('form.template.showField', { field: row.label })}
                    checked={shown}
                    disabled={locked}
                    onChange={(e) =>
                      onForm({ ...form, hidden: toggled(form.hidden, row.path, !e.target.checked) })
                    }
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('form.template.requireField', { field: row.label })}
                    checked={row.path === 'title' || form.required.includes(row.path)}
                    disabled={row.path === 'title' || row.path === 'kind' || !shown}
                    onChange={(e) =>
                      onForm({ ...form, required: toggled(form.required, row.path, e.target.checked) })
                    }
                  />
                  {row.custom && (
                    <button type="button" className="secondary small" onClick={() => removeCustom(row.path)}>
                      {t('form.template.removeCustom', { field: row.label })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="template-add">
        <label>
          {t('form.template.customLabel')}
          <input value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label>
          {t('form.template.customGroup')}
          <select value={group} onChange={(e) => setGroup(e.target.value as FormGroup)}>
            {FORM_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`form.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" disabled={!label.trim()} onClick={addCustom}>
          {t('form.template.addCustom')}
        </button>
      </div>
    </fieldset>
  );
}
