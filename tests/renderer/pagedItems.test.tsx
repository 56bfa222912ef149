import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ItemSummary } from '../../electron/contract';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { useLibraryView } = await import('../../renderer/src/features/library/useLibraryView');
const { ItemTable } = await import('../../renderer/src/features/library/ItemTable');
const { PAGE_SIZE } = await import('../../renderer/src/features/library/pagedList');
const { askFirstPageEarly } = await import('../../renderer/src/features/library/firstPage');
const { MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

const wrapper = ({ children }: { children: ReactNode }) => <MessagesProvider>{children}</MessagesProvider>;

const LIBRARY = Array.from({ length: 10_000 }, (_, i) => ({
  id: `item-${i}`,
  kind: 'document',
  identifier: `XCGG-${i}`,
  title: `第${i + 1}篇`,
  eventDate: { text: '', edtf: '' },
  places: [],
  people: [],
  subjects: [],
  editorialStatus: 'draft',
  collections: [],
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  pendingReview: 0,
}));

interface ListArgs {
  offset: number;
  limit: number;
  filters: Record<string, unknown>;
  sort: string;
  descending: boolean;
}
const listCalls = () =>
  fake.api.call.mock.calls.filter(([op]) => op === 'items.list').map(([, args]) => args as ListArgs);

beforeEach(() => {
  fake.api.call.mockReset();
  localStorage.clear();
  fake.api.call.mockImplementation(async (op, args) => {
    if (op === 'items.overview')
      return {
        counts: { all: 10_000, oral: 0, photo: 0, document: 10_000, review: 0, recent: 0, pending: 0 },
        collections: [],
      };
    const { offset, limit } = args as ListArgs;
    return { total: LIBRARY.length, items: LIBRARY.slice(offset, offset + limit) };
  });
});

function Table() {
  const library = useLibraryView();
  return (
    <ItemTable
      list={library.list}
      fontScale={1}
      columns={library.columns}
      sort={library.sort}
      selection={library.selection}
      emptyText=""
      onSort={library.setSort}
      onColumns={library.setColumns}
      onSelection={library.setSelection}
      onOpen={() => undefined}
    />
  );
}

describe('the library list, in pages from the core', () => {
  it('asks for a page at a time, never every item, and shows the total', async () => {
    render(<Table />, { wrapper });
    expect(await screen.findByText('共 10000 条')).toBeTruthy();
    const calls = listCalls();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.limit <= PAGE_SIZE)).toBe(true);
    // Newest first unless a column is chosen.
    expect(calls[0]).toMatchObject({ sort: 'created', descending: true, filters: {} });
  });

  it('after a change asks again for the pages in view only, and the counts', async () => {
    const { result } = renderHook(() => useLibraryView(), { wrapper });
    await waitFor(() => expect(result.current.list.total).toBe(10_000));
    // Scrolled to rows 1000–1030, the fifth page, and on to 3000.
    await act(async () => result.current.list.show(1000, 1030));
    await act(async () => result.current.list.show(3000, 3030));
    await waitFor(() => expect(result.current.list.at(3000)?.id).toBe('item-3000'));
    fake.api.call.mockClear();
    await act(async () => fake.api.emit({ type: 'changed', ids: ['item-3001'] }));
    await waitFor(() => expect(fake.api.call).toHaveBeenCalledTimes(2));
    expect(listCalls().map((c) => [c.offset, c.limit])).toEqual([[3000, PAGE_SIZE]]);
    expect(fake.api.call.mock.calls.map(([op]) => op).sort()).toEqual(['items.list', 'items.overview']);
  });

  it('shows the rows a change event carries before the page is asked again', async () => {
    const { result } = renderHook(() => useLibraryView(), { wrapper });
    await act(async () => result.current.list.show(0, 30));
    await waitFor(() => expect(result.current.list.at(5)?.id).toBe('item-5'));
    // The core is slow to answer again: the edit must show from the event alone.
    fake.api.call.mockImplementation(() => new Promise(() => undefined));
    const edited = { ...LIBRARY[5]!, title: '第6篇（修订）' } as unknown as ItemSummary;
    act(() => fake.api.emit({ type: 'changed', ids: ['item-5'], items: [edited] }));
    expect(result.current.list.at(5)?.title).toBe('第6篇（修订）');
    expect(result.current.list.at(6)?.title).toBe('第7篇');
    expect(listCalls().some((c) => c.offset === 0)).toBe(true);
  });

  it('maps the sidebar view to filters and a sortable column to the core order', async () => {
    const { result } = renderHook(() => useLibraryView(), { wrapper });
    await waitFor(() => expect(result.current.list.total).toBe(10_000));
    act(() => result.current.setView({ type: 'review' }));
    act(() => result.current.setSort({ key: 'eventDate', descending: false }));
    await waitFor(() =>
      expect(listCalls().at(-1)).toMatchObject({
        filters: { status: ['review1', 'review2', 'review3'] },
        sort: 'date',
        descending: false,
      }),
    );
    act(() => result.current.setView({ type: 'collection', path: ['许昌改革记忆', '第一卷'] }));
    await waitFor(() =>
      expect(listCalls().at(-1)?.filters).toEqual({ collectionPath: ['许昌改革记忆', '第一卷'] }),
    );
    expect(listCalls().every((c) => c.limit <= PAGE_SIZE)).toBe(true);
  });
});

describe('the first page, asked for before the interface is built', () => {
  it('is asked in the remembered order and taken by the list, not asked twice', async () => {
    localStorage.setItem('wenshi.listOrder', JSON.stringify({ key: 'title', descending: false }));
    askFirstPageEarly();
    expect(listCalls()).toEqual([{ filters: {}, sort: 'title', descending: false, offset: 0, limit: PAGE_SIZE }]);
    render(<Table />, { wrapper });
    expect(await screen.findByText('共 10000 条')).toBeTruthy();
    expect(listCalls().filter((c) => c.offset === 0)).toHaveLength(1);
  });

  it('is not used by a list that asks for something else, nor by a later one', async () => {
    askFirstPageEarly();
    // The order was changed in another window after the early request went out.
    localStorage.setItem('wenshi.listOrder', JSON.stringify({ key: 'eventDate', descending: true }));
    const { result, unmount } = renderHook(() => useLibraryView(), { wrapper });
    await waitFor(() => expect(result.current.list.total).toBe(10_000));
    expect(listCalls().filter((c) => c.offset === 0).map((c) => c.sort)).toEqual(['created', 'date']);
    unmount();
    // A library shown again later asks afresh: the early answer may be old by then.
    localStorage.clear();
    const again = renderHook(() => useLibraryView(), { wrapper });
    await waitFor(() => expect(again.result.current.list.total).toBe(10_000));
    expect(listCalls().filter((c) => c.offset === 0).map((c) => c.sort)).toEqual(['created', 'date', 'created']);
  });
});
