import type { OpInput, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { readPersistent } from '../../hooks/usePersistentState';
import { listSort, NEWEST_FIRST, type SortOrder } from './columns';
import { PAGE_SIZE } from './pagedList';

type ListFilters = NonNullable<OpInput<'items.list'>['filters']>;
type ListArgs = OpInput<'items.list'>;

/** The arguments of one page of a list: built in one place, so an early request can be matched. */
export function listArgs(filters: ListFilters, order: SortOrder, offset: number, limit: number): ListArgs {
  return { filters, ...listSort(order), offset, limit };
}

let early: { key: string; answer: Promise<OpOutput<'items.list'>> } | undefined;

/**
 * Asks for the first page of the list the window opens on (every item, in the remembered order)
 * as soon as the page's script runs, before React builds the interface: the core answers
 * meanwhile instead of after the first render (bench:scroll, first rows).
 */
export function askFirstPageEarly(): void {
  const args = listArgs({}, readPersistent<SortOrder>('listOrder', NEWEST_FIRST), 0, PAGE_SIZE);
  const answer = api.call('items.list', args);
  // The list that takes the answer reports a failure; one never taken must not be unhandled.
  answer.catch(() => undefined);
  early = { key: JSON.stringify(args), answer };
}

/**
 * One page of a list. The early answer is taken by the first request, and only if it asks for
 * exactly that page; after the first request it is gone, so no later one gets an old answer.
 */
export function listPage(args: ListArgs): Promise<OpOutput<'items.list'>> {
  const taken = early;
  early = undefined;
  if (taken && taken.key === JSON.stringify(args)) return taken.answer;
  return api.call('items.list', args);
}
