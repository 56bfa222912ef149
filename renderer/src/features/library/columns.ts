import type { OpOutput } from '../../../../electron/contract';
import { dateRange, EDITORIAL_STATUSES } from '../../../../electron/contract/shared';

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

/** 档号 in natural order (…-9 before …-10). One collator: `localeCompare` with options builds one per call. */
const identifierCollator = new Intl.Collator('en', { numeric: true });
/** The first day an item's date covers, parsed once per item summary rather than per comparison. */
const startDays = new WeakMap<ItemSummary, string>();
function startDay(item: ItemSummary): string {
  let day = startDays.get(item);
  if (day === undefined) {
    day = (item.eventDate && dateRange(item.eventDate)?.start) || '9999';
    startDays.set(item, day);
  }
  return day;
}

/** Compares two items by a column: titles and names in pinyin order, dates by the days they cover. */
export function compareBy(
  key: ColumnKey,
  collator: Intl.Collator,
): (a: ItemSummary, b: ItemSummary) => number {
  switch (key) {
    case 'eventDate':
      return (a, b) => (startDay(a) < startDay(b) ? -1 : startDay(a) > startDay(b) ? 1 : 0);
    case 'editorialStatus':
      return (a, b) =>
        EDITORIAL_STATUSES.indexOf(a.editorialStatus) - EDITORIAL_STATUSES.indexOf(b.editorialStatus);
    case 'identifier':
      return (a, b) => identifierCollator.compare(a.identifier, b.identifier);
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
