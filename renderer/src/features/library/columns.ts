import type { ItemSummary, OpInput } from '../../../../electron/contract';

export type { ItemSummary };

export const COLUMN_KEYS = [
  'identifier',
  'title',
  'kind',
  'eventDate',
  'places',
  'people',
  'subjects',
  'editorialStatus',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export const DEFAULT_COLUMNS: ColumnKey[] = ['identifier', 'title', 'kind', 'eventDate', 'editorialStatus'];

type ListSort = NonNullable<OpInput<'items.list'>['sort']>;

/** How the list is ordered: by a column, or by when items were created. */
export interface SortOrder {
  key: ColumnKey | 'created';
  descending: boolean;
}

export const NEWEST_FIRST: SortOrder = { key: 'created', descending: true };

/** The columns the core can order by (titles in pinyin, 档号 in natural order, dates by the days they cover). */
const COLUMN_SORTS: Partial<Record<ColumnKey, ListSort>> = {
  identifier: 'identifier',
  title: 'title',
  eventDate: 'date',
};

export function sortable(key: ColumnKey): boolean {
  return key in COLUMN_SORTS;
}

/** The order asked of the core; one it cannot give (a column remembered from before) is newest first. */
export function listSort(order: SortOrder): { sort: ListSort; descending: boolean } {
  const sort = order.key === 'created' ? 'created' : COLUMN_SORTS[order.key];
  return sort ? { sort, descending: order.descending } : { sort: 'created', descending: true };
}
