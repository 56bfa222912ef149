// 著录模板: which fields the form of each kind shows, in which group and with which input. A
// template is data, so the form renders from it and a library can hide fields, require others and
// add its own; the same lists tell bulk edit what it may set.
import { z } from 'zod';
import {
  ACCESS_LEVELS,
  EDITORIAL_STATUSES,
  ITEM_KINDS,
  ORIGINAL_FORMS,
  WITNESS_TYPES,
  type ItemKind,
} from './itemTerms';

/** The form's sections, in order: 题名与责任 · 时间地点人物 · 来源与授权 · 审稿 · 内容. */
export const FORM_GROUPS = [
  'titleAndCreator',
  'timePlacePeople',
  'provenanceAndRights',
  'review',
  'content',
] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];

export type FieldInput =
  | 'text'
  | 'textarea'
  | 'date'
  | 'number'
  /** A list of names as chips; `vocabulary` says which list offers names while typing. */
  | 'chips'
  | 'people'
  /** One of `options`; their names are under `optionLabels` in the UI text. */
  | 'select'
  | 'checkbox'
  /** One of the item's own files, by content hash (the scanned 授权书). */
  | 'fileOfItem';

export interface TemplateField {
  /** Where the value lives on the item: `title`, `provenance.provider`, `oral.interviewDate`, `custom.<key>`. */
  path: string;
  input: FieldInput;
  group: FormGroup;
  options?: readonly string[];
  /** The select may be left empty (三亲 not yet judged). */
  blank?: boolean;
  optionLabels?: string;
  vocabulary?: 'places' | 'subjects';
  /** Only for items of these kinds. */
  kinds?: readonly ItemKind[];
}

const t = (
  path: string,
  input: FieldInput,
  group: FormGroup,
  more: Partial<TemplateField> = {},
): TemplateField => ({
  path,
  input,
  group,
  ...more,
});
const ORAL = { kinds: ['oral'] as const };
const PHOTO = { kinds: ['photo'] as const };
const DOCUMENT = { kinds: ['document'] as const };

/** Every field a person describes an item with, in the order the form shows them. */
export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  t('kind', 'select', 'titleAndCreator', { options: ITEM_KINDS, optionLabels: 'kind' }),
  t('identifier', 'text', 'titleAndCreator'),
  t('title', 'text', 'titleAndCreator'),
  t('subtitle', 'text', 'titleAndCreator'),
  t('document.genre', 'text', 'titleAndCreator', DOCUMENT),
  t('document.creator', 'text', 'titleAndCreator', DOCUMENT),
  t('document.docNumber', 'text', 'titleAndCreator', DOCUMENT),
  t('eventDate', 'date', 'timePlacePeople'),
  t('createdDate', 'date', 'timePlacePeople'),
  t('places', 'chips', 'timePlacePeople', { vocabulary: 'places' }),
  t('people', 'people', 'timePlacePeople'),
  t('organizations', 'chips', 'timePlacePeople'),
  t('oral.interviewDate', 'date', 'timePlacePeople', ORAL),
  t('oral.interviewPlace', 'text', 'timePlacePeople', ORAL),
  t('oral.narratorBirthYear', 'text', 'timePlacePeople', ORAL),
  t('oral.narratorNativePlace', 'text', 'timePlacePeople', ORAL),
  t('oral.narratorPosition', 'text', 'timePlacePeople', ORAL),
  t('photo.camera', 'text', 'timePlacePeople', PHOTO),
  t('provenance.method', 'text', 'provenanceAndRights'),
  t('provenance.provider', 'text', 'provenanceAndRights'),
  t('provenance.collector', 'text', 'provenanceAndRights'),
  t('provenance.date', 'date', 'provenanceAndRights'),
  t('provenance.location', 'text', 'provenanceAndRights'),
  t('photo.originalForm', 'select', 'provenanceAndRights', {
    ...PHOTO,
    options: ORIGINAL_FORMS,
    blank: true,
    optionLabels: 'originalForm',
  }),
  t('photo.scanResolution', 'number', 'provenanceAndRights', PHOTO),
  t('rights.releaseSigned', 'checkbox', 'provenanceAndRights'),
  t('rights.releaseDate', 'date', 'provenanceAndRights'),
  t('rights.releaseFile', 'fileOfItem', 'provenanceAndRights'),
  t('rights.access', 'select', 'provenanceAndRights', {
    options: ACCESS_LEVELS,
    optionLabels: 'accessLevel',
  }),
  t('editorialStatus', 'select', 'review', { options: EDITORIAL_STATUSES, optionLabels: 'editorialStatus' }),
  t('witnessType', 'select', 'review', { options: WITNESS_TYPES, blank: true, optionLabels: 'witnessType' }),
  t('oral.narratorReviewed', 'checkbox', 'review', ORAL),
  t('oral.narratorReviewDate', 'date', 'review', ORAL),
  t('collections', 'chips', 'review'),
  t('tags', 'chips', 'review'),
  t('notes', 'textarea', 'review'),
  t('abstract', 'textarea', 'content'),
  t('subjects', 'chips', 'content', { vocabulary: 'subjects' }),
  t('keywords', 'chips', 'content'),
  t('photo.caption', 'textarea', 'content', PHOTO),
  t('text', 'textarea', 'content'),
];

/**
 * Item fields the form does not show, and why: kept by the library, measured from the files, or
 * edited in their own place. A field in neither list is a field the form forgot (a test checks).
 */
export const NOT_IN_FORM: Readonly<Record<string, string>> = {
  statusHistory: 'kept by the library on each change of 审稿状态',
  rawText: 'the text as imported, kept for the cleanup review',
  mojibake: 'found in the text on every change of it, reviewed in 待复核',
  mojibakeDecisions: 'set by 已核实 / 忽略 in 待复核',
  files: 'the originals, added by import',
  suggestions: 'reviewed in 待复核',
  notDuplicateOf: 'set by 「不是重复」 in 待复核',
  custom: "the library's own fields, shown from its settings",
  'oral.duration': 'measured from the recording',
  'oral.segments': 'the transcript, read from its file',
  'photo.regions': 'marked on the photo in the viewer',
  'photo.width': 'measured from the image',
  'photo.height': 'measured from the image',
  'document.pages': 'counted from the file',
  related: 'linked in the item pane (相关条目), kept both ways by the library',
};

/** Fields no library may hide: an item is not an item without them. */
export const ALWAYS_SHOWN = ['kind', 'title'] as const;

export const CustomFieldSchema = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/, '自定义字段名无效'),
  label: z.string().trim().min(1, '请填写字段名称').max(40, '字段名称不能超过 40 字'),
  group: z.enum(FORM_GROUPS).default('review'),
  input: z.enum(['text', 'textarea']).default('text'),
  /** Only for these kinds; all when empty. */
  kinds: z.array(z.enum(ITEM_KINDS)).default([]),
});
export type CustomField = z.infer<typeof CustomFieldSchema>;

/** A library's changes to the templates, kept in library.json. Unknown paths are ignored, never an error on open. */
export const FormSettingsSchema = z.object({
  hidden: z.array(z.string()).default([]),
  required: z.array(z.string()).default([]),
  customFields: z.array(CustomFieldSchema).max(50).default([]),
});
export type FormSettings = z.infer<typeof FormSettingsSchema>;
export type FormSettingsInput = z.input<typeof FormSettingsSchema>;

/** What a settings change may say: known paths only, the title and kind never hidden, keys unique. */
export const FormSettingsChangeSchema = FormSettingsSchema.superRefine((form, ctx) => {
  const known = new Set([
    ...TEMPLATE_FIELDS.map((f) => f.path),
    ...form.customFields.map((f) => `custom.${f.key}`),
  ]);
  for (const path of [...form.hidden, ...form.required])
    if (!known.has(path)) ctx.addIssue({ code: 'custom', message: `没有这个字段：${path}` });
  for (const path of ALWAYS_SHOWN)
    if (form.hidden.includes(path)) ctx.addIssue({ code: 'custom', message: '题名和类型不能隐藏' });
  const keys = form.customFields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: '自定义字段重名' });
});

export interface FormField extends TemplateField {
  required: boolean;
  /** A custom field's own name; template fields are named in the UI text by path. */
  label?: string;
}

export interface FormTemplate {
  kind: ItemKind;
  groups: { group: FormGroup; fields: FormField[] }[];
}

/** The fields of a kind's form as a library has set them up: hidden ones left out, its own added. */
export function templateFor(kind: ItemKind, settings: FormSettingsInput = {}): FormTemplate {
  const form = FormSettingsSchema.parse(settings);
  const hidden = new Set(form.hidden.filter((p) => !(ALWAYS_SHOWN as readonly string[]).includes(p)));
  const required = new Set(['title', ...form.required]);
  const fields: FormField[] = [
    ...TEMPLATE_FIELDS.filter((f) => !f.kinds || f.kinds.includes(kind)),
    ...form.customFields
      .filter((c) => c.kinds.length === 0 || c.kinds.includes(kind))
      .map((c) => ({ path: `custom.${c.key}`, input: c.input, group: c.group, label: c.label })),
  ]
    .filter((f) => !hidden.has(f.path))
    .map((f) => ({ ...f, required: required.has(f.path) }));
  return {
    kind,
    groups: FORM_GROUPS.map((group) => ({ group, fields: fields.filter((f) => f.group === group) })).filter(
      (g) => g.fields.length > 0,
    ),
  };
}

/**
 * Fields that belong to one item alone: the title, 档号, full text, a file of its own, and the people
 * with their roles in it (bulk edit adds people through `add.people`).
 */
const NOT_IN_BULK = new Set(['title', 'identifier', 'text', 'rights.releaseFile', 'people']);

/** Whether bulk edit may set this template field (custom fields are checked against the settings). */
export function bulkEditable(path: string): boolean {
  return !NOT_IN_BULK.has(path) && TEMPLATE_FIELDS.some((f) => f.path === path);
}

/** The fields bulk edit may set on many items at once: every field of any kind's form but those tied to one item. */
export function bulkFields(settings: FormSettingsInput = {}): FormField[] {
  const all = new Map<string, FormField>();
  for (const kind of ITEM_KINDS)
    for (const { fields } of templateFor(kind, settings).groups)
      for (const field of fields)
        if (!all.has(field.path) && !NOT_IN_BULK.has(field.path)) all.set(field.path, field);
  return [...all.values()];
}

/** A field's value on an item, by path (`provenance.provider`); undefined when the item has none. */
export function fieldValue(item: Record<string, unknown>, path: string): unknown {
  const [top, sub] = splitPath(path);
  const value = item[top];
  if (sub === undefined) return value;
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[sub] : undefined;
}

/**
 * The patch that sets one field of an item: a field inside a group (provenance, oral details, a
 * custom field) is set with the rest of its group kept as the item has it.
 */
export function patchForField(
  item: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [top, sub] = splitPath(path);
  if (sub === undefined) return { [top]: value };
  const group = item[top];
  return { [top]: { ...(group && typeof group === 'object' ? group : {}), [sub]: value } };
}

function splitPath(path: string): [string, string | undefined] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
}
