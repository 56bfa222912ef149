import { z } from 'zod';

export const ITEM_KINDS = ['oral', 'photo', 'document'] as const;
export const ItemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKindSchema>;

/** Roles a person has toward an item; other roles may be written freely. */
export const PERSON_ROLES = [
  'narrator',
  'interviewer',
  'transcriber',
  'author',
  'photographer',
  'depicted',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** The Chinese names archivists use for the roles (口述人 …), for input and for bylines. */
export const PERSON_ROLE_NAMES: Record<PersonRole, { zh: string; byline: string }> = {
  narrator: { zh: '口述人', byline: '口述' },
  interviewer: { zh: '采访人', byline: '采访' },
  transcriber: { zh: '整理人', byline: '整理' },
  author: { zh: '撰稿人', byline: '撰稿' },
  photographer: { zh: '摄影者', byline: '摄影' },
  depicted: { zh: '图中人物', byline: '' },
};

/** Accepts a role key or its Chinese name (口述人 → narrator). */
export function normalizeRole(role: string): string {
  const trimmed = role.trim();
  const key = PERSON_ROLES.find((r) => r === trimmed || PERSON_ROLE_NAMES[r].zh === trimmed);
  return key ?? trimmed;
}

export const PersonSchema = z.object({
  name: z.string().trim().min(1, '人名不能为空'),
  role: z.string().trim().default('').transform(normalizeRole),
});
export type Person = z.infer<typeof PersonSchema>;

export const FileRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's name as it was when imported. */
  name: z.string(),
  size: z.number().int().nonnegative(),
  mime: z.string(),
  /** For text files: the encoding the original was read as. */
  encoding: z.string().optional(),
});
export type FileRef = z.infer<typeof FileRefSchema>;

const fieldShape = {
  kind: ItemKindSchema,
  title: z.string().trim().min(1, '题名不能为空').max(500, '题名不能超过 500 字'),
  people: z.array(PersonSchema),
  date: z.string().trim().max(100),
  place: z.string().trim().max(200),
  description: z.string(),
  /** The full text as it is to be read, searched and printed (cleaned). */
  text: z.string(),
  /** The text as it arrived, kept when cleanup changed it. */
  rawText: z.string().optional(),
  files: z.array(FileRefSchema),
};

/** The fields a person edits; omitted optional ones start empty. */
export const ItemFieldsSchema = z.object({
  ...fieldShape,
  people: fieldShape.people.default([]),
  date: fieldShape.date.default(''),
  place: fieldShape.place.default(''),
  description: fieldShape.description.default(''),
  text: fieldShape.text.default(''),
  files: fieldShape.files.default([]),
});
export type ItemFields = z.infer<typeof ItemFieldsSchema>;
/** Only the fields given: no defaults, so an edit never blanks what it does not name. */
export const ItemPatchSchema = z.object(fieldShape).partial();
export type ItemPatch = z.infer<typeof ItemPatchSchema>;

export const ItemSchema = ItemFieldsSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof ItemSchema>;
