// Full-text search, saved searches and the vocabulary pickers.
import { z } from 'zod';
import {
  FuzzyDateSchema,
  ItemKindSchema,
  SEARCH_FACETS,
  SEARCH_SORTS,
  VOCABULARY_FIELDS,
} from '../../core/model';
import { op } from './op';

/** Search filters: chosen facet values; an item matches any value of a facet, and every facet given. */
const SearchFiltersSchema = z.partialRecord(z.enum(SEARCH_FACETS), z.array(z.string()));

/** A search kept under a name in the library, for everyone who opens it. */
export const SavedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  sort: z.enum(SEARCH_SORTS),
  filters: SearchFiltersSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
const SavedSearchName = z
  .string()
  .trim()
  .min(1, '请给这个检索起一个名称')
  .max(60, '检索名称不能超过 60 个字');

const VocabularyTermSchema = z.object({
  value: z.string(),
  /** Items that use it. */
  count: z.number(),
  /** Where a place sits in the gazetteer: 许昌市 › 禹州市 › 神垕镇. */
  path: z.array(z.string()).optional(),
  /** The former name it was found by (禹县 for 禹州市). */
  formerName: z.string().optional(),
  /** The role a person most often has. */
  role: z.string().optional(),
});

export const searchOperations = {
  'search.query': op({
    summary: '全文检索',
    access: 'read',
    input: z.object({
      query: z.string().max(500, '检索词太长'),
      limit: z.number().int().min(1).max(1000).default(50),
      offset: z.number().int().min(0).default(0),
      sort: z.enum(SEARCH_SORTS).default('relevance'),
      filters: SearchFiltersSchema.default({}),
      /** Count the values of each facet among the hits. */
      facets: z.boolean().default(false),
    }),
    output: z.object({
      total: z.number(),
      hits: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          kind: ItemKindSchema,
          identifier: z.string(),
          eventDate: FuzzyDateSchema,
          score: z.number(),
          snippet: z.string(),
          highlights: z.array(z.tuple([z.number(), z.number()])),
          /** Seconds into the recording where the matching transcript segment starts. */
          timecode: z.number().optional(),
        }),
      ),
      facets: z
        .record(z.enum(SEARCH_FACETS), z.array(z.object({ value: z.string(), count: z.number() })))
        .optional(),
      /** When nothing was found: queries that find something (other script, fewer terms). */
      suggestions: z.array(z.object({ query: z.string(), total: z.number() })).optional(),
    }),
  }),
  'search.status': op({
    summary: '检索索引状态',
    access: 'read',
    input: z.object({}),
    output: z.object({ ready: z.boolean(), items: z.number() }),
  }),
  'searches.list': op({
    summary: '已存检索',
    access: 'read',
    input: z.object({}),
    output: z.array(SavedSearchSchema),
  }),
  'searches.save': op({
    summary: '保存检索（检索词、筛选与排序）',
    access: 'write',
    input: z.object({
      name: SavedSearchName,
      query: z.string().trim().min(1, '检索词为空，没有可保存的检索').max(500, '检索词太长'),
      sort: z.enum(SEARCH_SORTS).default('relevance'),
      filters: SearchFiltersSchema.default({}),
      /** A search of the same name takes the new query, instead of the save being refused. */
      replace: z.boolean().default(false),
    }),
    output: z.array(SavedSearchSchema),
  }),
  'searches.rename': op({
    summary: '重命名已存检索',
    access: 'write',
    input: z.object({ id: z.string().min(1), name: SavedSearchName }),
    output: z.array(SavedSearchSchema),
  }),
  'searches.delete': op({
    summary: '删除已存检索',
    access: 'write',
    input: z.object({ id: z.string().min(1) }),
    output: z.array(SavedSearchSchema),
  }),
  'vocabulary.get': op({
    summary: '词表（地名、主题词）',
    access: 'read',
    input: z.object({}),
    output: z.object({
      places: z.array(
        z.object({ name: z.string(), path: z.array(z.string()), formerName: z.string().optional() }),
      ),
      subjects: z.array(z.string()),
    }),
  }),
  'vocabulary.match': op({
    summary: '词表联想：资料库中用过的人名（含条目数）、地名、主题词；简繁、拼音与首字母皆可',
    access: 'read',
    input: z.object({
      field: z.enum(VOCABULARY_FIELDS),
      /** Empty: the most used. */
      query: z.string().max(100, '联想词太长'),
      limit: z.number().int().min(1).max(500).default(20),
    }),
    output: z.array(VocabularyTermSchema),
  }),
};
