import type { TFunction } from 'i18next';
import type { FormField } from '../../../../../electron/contract';

/** A field's name as people read it: a custom field's own, else the UI text for its path. */
export function fieldLabel(field: Pick<FormField, 'path' | 'label'>, t: TFunction): string {
  return field.label ?? t(`form.field.${field.path}`, { defaultValue: field.path });
}

/** The id of a field's input: stable, so labels, notes and tests can find it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}
