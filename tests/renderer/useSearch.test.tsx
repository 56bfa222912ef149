import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { useSearch } = await import('../../renderer/src/features/search/useSearch');
const { MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

const wrapper = ({ children }: { children: ReactNode }) => <MessagesProvider>{children}</MessagesProvider>;
const resultFor = (query: string) => ({ total: 1, hits: [{ id: query }], facets: {} });

/** Replies the test sends when it chooses, in any order. */
function deferredReplies() {
  const pending = new Map<string, (value: unknown) => void>();
  fake.api.call.mockImplementation(
    (_op, args) => new Promise((resolve) => pending.set((args as { query: string }).query, resolve)),
  );
  return (query: string) => act(async () => pending.get(query)!(resultFor(query)));
}

beforeEach(() => {
  fake.api.call.mockReset();
});

describe('useSearch', () => {
  it('shows the answer to the latest query, however the replies arrive', async () => {
    const reply = deferredReplies();
    const { result } = renderHook(() => useSearch(), { wrapper });
    act(() => result.current.setQuery('许昌'));
    act(() => result.current.setQuery('禹州'));
    await reply('禹州');
    await reply('许昌');
    expect(result.current.query).toBe('禹州');
    expect(result.current.result).toEqual(resultFor('禹州'));
  });

  it('starts a new query without the filters chosen for the last one', async () => {
    fake.api.call.mockImplementation(async (_op, args) => resultFor((args as { query: string }).query));
    const { result } = renderHook(() => useSearch(), { wrapper });
    act(() => result.current.setQuery('许昌'));
    act(() => result.current.setFilters({ kind: ['oral'] }));
    expect(fake.api.call).toHaveBeenLastCalledWith(
      'search.query',
      expect.objectContaining({ query: '许昌', filters: { kind: ['oral'] } }),
    );
    act(() => result.current.suggest('禹州'));
    expect(result.current.typed).toBe('禹州');
    expect(result.current.filters).toEqual({});
    expect(fake.api.call).toHaveBeenLastCalledWith(
      'search.query',
      expect.objectContaining({ query: '禹州', filters: {} }),
    );
  });

  it('runs the search on screen again when items change', async () => {
    fake.api.call.mockImplementation(async (_op, args) => resultFor((args as { query: string }).query));
    const { result } = renderHook(() => useSearch(), { wrapper });
    act(() => result.current.setQuery('许昌'));
    const calls = fake.api.call.mock.calls.length;
    await act(async () => fake.api.emit({ type: 'changed', ids: ['x'] } as never));
    expect(fake.api.call.mock.calls.length).toBe(calls + 1);
  });
});
