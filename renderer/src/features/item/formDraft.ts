import type {
  FormField,
  FormSettings,
  FormTemplate,
  Item,
  ItemFieldsInput,
  ItemKind,
  Person,
} from '../../../../electron/contract';
import {
  TEMPLATE_FIELDS,
  fieldValue,
  patchForField,
} from '../../../../electron/contract/shared';
import { splitList, withValues } from './pickers/useLookup';

export type DraftValue = string | boolean | string[] | Person[];

/**
 * The form's own state: every field by path as people write it (dates as wording, numbers as
 * text), lists as chips plus what is typed and not yet added (saving takes that too, so nothing
 * typed is lost). Fields of every kind are kept, so changing the kind loses nothing typed.
 */
export interface ItemDraft {
  kind: ItemKind;
  values: Record<string, DraftValue>;
  /** Typed into a chips box, not yet a chip. */
  pending: Record<string, string>;
  personEntry: Person;
}

type FieldShape = Pick<FormField, 'path' | 'input' | 'options' | 'blank'>;

/** A field's empty value: what a new item starts with. */
function emptyValue(field: FieldShape): DraftValue {
  switch (field.input) {
    case 'chips':
    case 'people':
      return [];
    case 'checkbox':
      return false;
    case 'select':
      return field.blank ? '' : (field.options?.[0] ?? '');
    default:
      return '';
  }
}

/** A stored value as the form shows it. */
function shownValue(field: FieldShape, stored: unknown): DraftValue {
  if (stored === undefined || stored === null) return emptyValue(field);
  // Dates are kept as written beside their reading: the form shows the wording.
  if (field.input === 'date')
    return typeof stored === 'object' && 'text' in stored ? String((stored as { text: string }).text) : '';
  if (field.input === 'number') return String(stored);
  return stored as DraftValue;
}

/** Every field the form may show for any kind, with the library's own. */
function allFields(settings: FormSettings | undefined): FieldShape[] {
  return [
    ...TEMPLATE_FIELDS,
    ...(settings?.customFields ?? []).map((c) => ({ path: `custom.${c.key}`, input: c.input })),
  ];
}

export function draftOf(item: Item | null, settings?: FormSettings): ItemDraft {
  const source = (item ?? {}) as Record<string, unknown>;
  const values: Record<string, DraftValue> = {};
  for (const field of allFields(settings))
    values[field.path] = shownValue(field, fieldValue(source, field.path));
  return {
    kind: item?.kind ?? 'oral',
    values: { ...values, kind: item?.kind ?? 'oral' },
    pending: {},
    personEntry: { name: '', role: '' },
  };
}

/** A field's value as the item stores it (dates still as wording: the core reads them). */
export function storedValue(field: FieldShape, draft: ItemDraft): unknown {
  const value = draft.values[field.path] ?? emptyValue(field);
  if (field.input === 'chips')
    return withValues(value as string[], splitList(draft.pending[field.path] ?? ''));
  if (field.input === 'people') {
    const entry = { ...draft.personEntry, name: draft.personEntry.name.trim() };
    return [...(value as Person[]), entry].filter((p) => p.name);
  }
  if (field.input === 'number') return String(value).trim() ? Number(value) : undefined;
  if (field.input === 'fileOfItem') return value || undefined;
  return value;
}

/**
 * What the form sends: for a new item every field of its template; for an item, the fields changed
 * since it was opened (a group such as 来源 goes whole, with what the form does not show kept), so
 * the history shows what a person changed and nothing else.
 */
export function fieldsOf(
  draft: ItemDraft,
  template: FormTemplate,
  item: Item | null,
  initial: ItemDraft,
): ItemFieldsInput {
  let fields: Record<string, unknown> = { ...(item ?? {}) };
  const touched = new Set<string>(['kind']);
  for (const { fields: group } of template.groups)
    for (const field of group) {
      const changed =
        !item ||
        JSON.stringify(draft.values[field.path]) !== JSON.stringify(initial.values[field.path]) ||
        (field.input === 'chips' && (draft.pending[field.path] ?? '').trim() !== '') ||
        (field.input === 'people' && draft.personEntry.name.trim() !== '');
      if (!changed) continue;
      fields = { ...fields, ...patchForField(fields, field.path, storedValue(field, draft)) };
      touched.add(field.path.split('.')[0]!);
    }
  fields.kind = draft.kind;
  return Object.fromEntries([...touched].map((key) => [key, fields[key]])) as ItemFieldsInput;
}

/** Whether a field has nothing in it (chips count what is typed too). */
export function isEmpty(field: FormField, draft: ItemDraft): boolean {
  const value = storedValue(field, draft);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'boolean') return !value;
  return value === undefined;
}

/** The required fields left empty, in form order. */
export function missingRequired(template: FormTemplate, draft: ItemDraft): FormField[] {
  return template.groups.flatMap((g) => g.fields).filter((f) => f.required && isEmpty(f, draft));
}
