import { describe, expect, it, vi, beforeEach } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { Item } from '../../electron/contract';
import { ItemSchema } from '../../electron/core/model';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { ReviewPanel } = await import('../../renderer/src/features/item/ReviewPanel');
const { MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

function item(fields: object): Item {
  return ItemSchema.parse({
    id: 'a',
    createdAt: '',
    updatedAt: '',
    kind: 'document',
    title: '规划',
    ...fields,
  }) as Item;
}

function renderPanel(of: Item, onChanged = () => undefined) {
  return render(
    <MessagesProvider>
      <ReviewPanel item={of} readOnly={false} onChanged={onChanged} />
    </MessagesProvider>,
  );
}

beforeEach(() => fake.api.call.mockReset());

describe('typesetting cleanups in 待复核', () => {
  it('lists each kind with its count and shows its changes before it is accepted', async () => {
    const text = '甲,乙"丙"';
    fake.api.call.mockResolvedValueOnce({
      raw: text,
      cleaned: text,
      edits: [],
      matchesCleanup: true,
      mojibake: [],
      typeset: [
        { start: 1, removed: ',', inserted: '，', reason: 'punctuation' },
        { start: 3, removed: '"', inserted: '“', reason: 'quotes' },
        { start: 5, removed: '"', inserted: '”', reason: 'quotes' },
      ],
    });
    renderPanel(
      item({
        text,
        suggestions: [
          { field: 'typeset', value: { kind: 'punctuation', count: 1 }, source: '' },
          { field: 'typeset', value: { kind: 'quotes', count: 2, unbalancedQuotes: 1 }, source: '' },
        ],
      }),
    );
    expect(screen.getByText('排版：中文之间的半角标点改为全角 1 处')).toBeTruthy();
    expect(screen.getByText(/排版：直引号改为中文引号 1 对.*另有 1 个引号不成对/)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '逐处查看' })[0]!);
    expect(await screen.findByText('，')).toBeTruthy();
    expect(screen.queryByText('“')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: '接受' })[1]!);
    expect(fake.api.call).toHaveBeenLastCalledWith('items.reviewSuggestion', {
      id: 'a',
      index: 1,
      accept: true,
    });
  });

  it('offers 排版清理 for an item with nothing pending', async () => {
    fake.api.call.mockResolvedValueOnce({});
    const onChanged = vi.fn();
    renderPanel(item({ text: '甲,乙' }), onChanged);
    fireEvent.click(screen.getByRole('button', { name: '排版清理' }));
    expect(fake.api.call).toHaveBeenCalledWith('items.offerTypeset', { id: 'a' });
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
  });
});
