import { dateRange, EDITORIAL_STATUSES, type OpOutput } from '../../../../electron/api/contract';

export type ItemSummary = OpOutput<'items.list'>['items'][number];

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

export interface SortOrder {
  key: ColumnKey;
  descending: boolean;
}

/** Compares two items by a column: titles and names in pinyin order, dates by the days they cover. */
export function compareBy(
  key: ColumnKey,
  collator: Intl.Collator,
): (a: ItemSummary, b: ItemSummary) => number {
  switch (key) {
    case 'eventDate': {
      const start = (i: ItemSummary) => (i.eventDate ? (dateRange(i.eventDate)?.start ?? '9999') : '9999');
      return (a, b) => start(a).localeCompare(start(b));
    }
    case 'editorialStatus':
      return (a, b) =>
        EDITORIAL_STATUSES.indexOf(a.editorialStatus) - EDITORIAL_STATUSES.indexOf(b.editorialStatus);
    case 'identifier':
      return (a, b) => a.identifier.localeCompare(b.identifier, 'en', { numeric: true });
    case 'places':
    case 'subjects':
      return (a, b) => collator.compare(a[key].join('、'), b[key].join('、'));
    case 'people':
      return (a, b) =>
        collator.compare(a.people.map((p) => p.name).join('、'), b.people.map((p) => p.name).join('、'));
    default:
      return (a, b) => collator.compare(String(a[key]), String(b[key]));
  }
}

export function sortItems(
  items: readonly ItemSummary[],
  order: SortOrder,
  collator: Intl.Collator,
): ItemSummary[] {
  const compare = compareBy(order.key, collator);
  const byTitle = compareBy('title', collator);
  return [...items].sort((a, b) => (order.descending ? -1 : 1) * (compare(a, b) || byTitle(a, b)));
}
