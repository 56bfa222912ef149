import { z } from 'zod';
import { EMPTY_DATE, toFuzzyDate, unreadableDates, type FuzzyDate } from './dates';
import { coreSentence } from './sentences';
import { MojibakeDecisionSchema, MojibakeRunSchema, openGarbled } from './garbled';

import {
  ACCESS_LEVELS,
  EDITORIAL_STATUSES,
  ITEM_KINDS,
  normalizeRole,
  ORIGINAL_FORMS,
  WITNESS_TYPES,
} from './itemTerms';

export * from './itemTerms';
export const ItemKindSchema = z.enum(ITEM_KINDS);

export const PersonSchema = z.object({
  name: z.string().trim().min(1, coreSentence('person_name_empty')),
  role: z.string().trim().default('').transform(normalizeRole),
});
export type Person = z.infer<typeof PersonSchema>;

/** A library's own fields (settings › 著录模板): values by field key, text only. */
export const CustomValuesSchema = z.record(
  z.string().regex(/^[a-z0-9_-]{1,40}$/, '自定义字段名无效'),
  z.string().max(5000, '自定义字段不能超过 5000 字'),
);

/**
 * A fuzzy date: the wording as typed (1984年春, 光绪庚子年, 文革期间) beside its EDTF reading.
 * Accepts the wording, EDTF (older data, CSV) or the stored pair, and never refuses: a wording
 * that cannot be read is kept with edtf '' and listed for review.
 */
export const FuzzyDateSchema = z
  .union([z.string(), z.object({ text: z.string(), edtf: z.string().optional() }), z.null()])
  .transform((value): FuzzyDate => toFuzzyDate(value));
const emptyDate = (): FuzzyDate => ({ ...EMPTY_DATE });

const names = z.array(z.string().trim().min(1)).transform((list) => [...new Set(list)]);

export const FileRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's name as it was when imported. */
  name: z.string(),
  size: z.number().int().nonnegative(),
  mime: z.string(),
  /** What the file is to its item: audio, transcript, front, back, page, release (授权书) … */
  role: z.string().optional(),
  /** For text files: the encoding the original was read as. */
  encoding: z.string().optional(),
});
export type FileRef = z.infer<typeof FileRefSchema>;

export const ProvenanceSchema = z.object({
  /** 征集方式: 捐赠, 复制, 采访 … */
  method: z.string().trim().default(''),
  /** 提供者 */
  provider: z.string().trim().default(''),
  /** 征集人 */
  collector: z.string().trim().default(''),
  date: FuzzyDateSchema.default(emptyDate),
  /** 原件存放处 */
  location: z.string().trim().default(''),
});

export const RightsSchema = z.object({
  /** 授权书 signed */
  releaseSigned: z.boolean().default(false),
  releaseDate: FuzzyDateSchema.default(emptyDate),
  /** The scanned release, by content hash of one of the item's files. */
  releaseFile: z.string().optional(),
  access: z.enum(ACCESS_LEVELS).default('public'),
});

export const StatusChangeSchema = z.object({
  status: z.enum(EDITORIAL_STATUSES),
  by: z.string(),
  at: z.string(),
});

export const SegmentSchema = z.object({
  /** Seconds from the start of the recording. */
  start: z.number().nonnegative(),
  end: z.number().nonnegative().optional(),
  title: z.string().trim().default(''),
  summary: z.string().default(''),
  keywords: z.array(z.string()).default([]),
  /** Transcript text of the segment, if the transcript came with timecodes. */
  text: z.string().optional(),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const OralDetailsSchema = z.object({
  interviewDate: FuzzyDateSchema.default(emptyDate),
  interviewPlace: z.string().trim().default(''),
  /** Seconds. */
  duration: z.number().nonnegative().optional(),
  narratorBirthYear: z.string().trim().default(''),
  narratorNativePlace: z.string().trim().default(''),
  narratorPosition: z.string().trim().default(''),
  narratorReviewed: z.boolean().default(false),
  narratorReviewDate: FuzzyDateSchema.default(emptyDate),
  segments: z.array(SegmentSchema).default([]),
});

/** Slack for rounding when a region drawn to the very edge is converted to fractions. */
const EDGE = 1e-6;

/**
 * A person marked on a photo (图中人物): a rectangle in fractions (0..1) of the image as stored,
 * before any rotation a viewer applies, so it fits the original, its preview and its thumbnail alike.
 */
export const RegionSchema = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    w: z.number().positive().max(1),
    h: z.number().positive().max(1),
    name: z.string().trim().min(1, coreSentence('person_name_empty')).max(100),
  })
  .refine((r) => r.x + r.w <= 1 + EDGE && r.y + r.h <= 1 + EDGE, coreSentence('region_outside_photo'));
export type Region = z.infer<typeof RegionSchema>;

export const PhotoDetailsSchema = z.object({
  /** 图片说明: the text that goes into a book. */
  caption: z.string().default(''),
  /** People marked on the item's (first) image; libraries from before regions read as none. */
  regions: z.array(RegionSchema).default([]),
  originalForm: z.enum([...ORIGINAL_FORMS, '']).default(''),
  /** 拍摄设备, as EXIF names it (accepted from an import suggestion) or as typed. */
  camera: z.string().trim().max(200).default(''),
  /** dpi */
  scanResolution: z.number().int().positive().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});


export const DocumentDetailsSchema = z.object({
  /** 文种 */
  genre: z.string().trim().default(''),
  /** 责任者 */
  creator: z.string().trim().default(''),
  /** 文号 */
  docNumber: z.string().trim().default(''),
  pages: z.number().int().nonnegative().optional(),
});

/** What import suggests and a person has not yet accepted (EXIF dates, text cleanups). */
export const SuggestionSchema = z.object({
  field: z.string(),
  value: z.unknown(),
  source: z.string(),
});

/**
 * Another item this one belongs with (an oral history and its photos, documents, the 授权书 scan).
 * Links go both ways: the library keeps the other item's list in step. `role` names the link
 * (授权书, 照片 …), the same on both ends; it may be left empty.
 */
export const RelationRoleSchema = z.string().trim().max(20, coreSentence('relation_role_too_long'));
export const RelationSchema = z.object({ id: z.string().min(1), role: RelationRoleSchema.default('') });
export type Relation = z.infer<typeof RelationSchema>;

/** Each related item once (the first role given wins). */
const relations = z
  .array(RelationSchema)
  .transform((list) => list.filter((r, i) => list.findIndex((o) => o.id === r.id) === i));

const fieldShape = {
  kind: ItemKindSchema,
  /** 档号, e.g. XCGG-2023-0001: given from the library's pattern when empty. */
  identifier: z.string().trim().max(100),
  title: z.string().trim().min(1, coreSentence('title_empty')).max(500, coreSentence('title_too_long')),
  subtitle: z.string().trim().max(500),
  /** 内容提要 */
  abstract: z.string(),
  /** 事件时间 */
  eventDate: FuzzyDateSchema,
  /** 形成时间 */
  createdDate: FuzzyDateSchema,
  places: names,
  people: z.array(PersonSchema),
  organizations: names,
  /** 主题词 from the controlled list */
  subjects: names,
  /** 关键词, free */
  keywords: names,
  witnessType: z.enum([...WITNESS_TYPES, '']),
  provenance: ProvenanceSchema,
  rights: RightsSchema,
  editorialStatus: z.enum(EDITORIAL_STATUSES),
  statusHistory: z.array(StatusChangeSchema),
  notes: z.string(),
  collections: names,
  tags: names,
  /** The full text as it is to be read, searched and printed (cleaned). */
  text: z.string(),
  /** The text as it arrived, kept when cleanup changed it. */
  rawText: z.string().optional(),
  /** Runs of garbled characters import found and could not repair: for a person to review. */
  mojibake: z.array(MojibakeRunSchema),
  /** 已核实 / 忽略 on those runs, kept by the run and its context (see garbled.ts). */
  mojibakeDecisions: z.array(MojibakeDecisionSchema),
  files: z.array(FileRefSchema),
  oral: OralDetailsSchema.optional(),
  photo: PhotoDetailsSchema.optional(),
  document: DocumentDetailsSchema.optional(),
  suggestions: z.array(SuggestionSchema),
  /** Items a person said this one is not a duplicate of (「不是重复」): never flagged as such again. */
  notDuplicateOf: z.array(z.string()),
  custom: CustomValuesSchema,
  /** 相关条目, both ways (see RelationSchema). */
  related: relations,
};

/** The fields a person edits; omitted ones start empty. */
export const ItemFieldsSchema = z.object({
  ...fieldShape,
  identifier: fieldShape.identifier.default(''),
  subtitle: fieldShape.subtitle.default(''),
  abstract: fieldShape.abstract.default(''),
  eventDate: fieldShape.eventDate.default(emptyDate),
  createdDate: fieldShape.createdDate.default(emptyDate),
  places: fieldShape.places.default([]),
  people: fieldShape.people.default([]),
  organizations: fieldShape.organizations.default([]),
  subjects: fieldShape.subjects.default([]),
  keywords: fieldShape.keywords.default([]),
  witnessType: fieldShape.witnessType.default(''),
  provenance: fieldShape.provenance.default(() => ProvenanceSchema.parse({})),
  rights: fieldShape.rights.default(() => RightsSchema.parse({})),
  editorialStatus: fieldShape.editorialStatus.default('collected'),
  statusHistory: fieldShape.statusHistory.default([]),
  notes: fieldShape.notes.default(''),
  collections: fieldShape.collections.default([]),
  tags: fieldShape.tags.default([]),
  text: fieldShape.text.default(''),
  mojibake: fieldShape.mojibake.default([]),
  mojibakeDecisions: fieldShape.mojibakeDecisions.default([]),
  files: fieldShape.files.default([]),
  suggestions: fieldShape.suggestions.default([]),
  notDuplicateOf: fieldShape.notDuplicateOf.default([]),
  custom: fieldShape.custom.default({}),
  related: fieldShape.related.default([]),
});
export type ItemFields = z.infer<typeof ItemFieldsSchema>;
export type ItemFieldsInput = z.input<typeof ItemFieldsSchema>;
/** Only the fields given: no defaults, so an edit never blanks what it does not name. */
export const ItemPatchSchema = z.object(fieldShape).partial();
export type ItemPatch = z.infer<typeof ItemPatchSchema>;
export type ItemPatchInput = z.input<typeof ItemPatchSchema>;

export const ItemSchema = ItemFieldsSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof ItemSchema>;

/**
 * What waits for a person's review on an item: import suggestions, garbled-text flags not yet
 * marked 已核实 or 忽略, and dates whose wording could not be read (未识别的日期).
 */
export function pendingReview(item: Item): number {
  return item.suggestions.length + openGarbled(item).length + unreadableDates(item).length;
}
