import { describe, expect, it, vi, beforeEach } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
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

const TEXT = '发挥课題變?cè)囶}的作用，记录膬?取得成效。';
const runOf = (text: string) => ({ start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length, text });
const FIRST = runOf('?cè)囶}');
const SECOND = runOf('膬?');

function item(fields: object): Item {
  return ItemSchema.parse({
    id: 'a',
    createdAt: '',
    updatedAt: '',
    kind: 'document',
    title: '规划',
    text: TEXT,
    mojibake: [FIRST, SECOND],
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

describe('乱码 flags in 待复核', () => {
  it('marks a flag 已核实 or 忽略, and shows only the flags still open', async () => {
    fake.api.call.mockResolvedValue({});
    const onChanged = vi.fn();
    renderPanel(item({}), onChanged);
    const flags = screen.getByRole('group', { name: '疑似乱码' });
    expect(within(flags).getByText(/发现 2 处疑似乱码/)).toBeTruthy();
    expect(within(flags).getByText(FIRST.text).tagName).toBe('MARK');

    fireEvent.click(within(flags).getAllByRole('button', { name: '已核实' })[0]!);
    expect(fake.api.call).toHaveBeenLastCalledWith('items.resolveGarbled', {
      id: 'a',
      run: FIRST,
      resolution: { action: 'verified' },
    });
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    fireEvent.click(within(flags).getAllByRole('button', { name: '忽略' })[1]!);
    expect(fake.api.call).toHaveBeenLastCalledWith('items.resolveGarbled', {
      id: 'a',
      run: SECOND,
      resolution: { action: 'ignored' },
    });
  });

  it('hides a flag already decided, and the whole panel once nothing is open', () => {
    const decided = {
      text: FIRST.text,
      before: '发挥课題變',
      after: '的作用，记录膬?',
      decision: 'verified',
    };
    const { unmount } = renderPanel(item({ mojibakeDecisions: [decided] }));
    expect(screen.getByText(/发现 1 处疑似乱码/)).toBeTruthy();
    expect(screen.queryByText(FIRST.text)).toBeNull();
    unmount();
    renderPanel(
      item({
        mojibakeDecisions: [
          decided,
          { text: SECOND.text, before: '囶}的作用，记录', after: '取得成效。', decision: 'ignored' },
        ],
      }),
    );
    expect(screen.queryByRole('heading', { name: '待复核' })).toBeNull();
  });

  it('corrects a run in place, the raw passage beside the box', async () => {
    fake.api.call.mockResolvedValue({});
    const onChanged = vi.fn();
    renderPanel(item({}), onChanged);
    fireEvent.click(screen.getAllByRole('button', { name: '改正' })[0]!);
    const raw = screen.getByText('原文：').parentElement!;
    expect(raw.textContent).toBe(`原文：${TEXT}`);
    const box = screen.getByRole('textbox', { name: '改为' });
    expect((box as HTMLInputElement).value).toBe(FIRST.text);
    fireEvent.change(box, { target: { value: '试题' } });
    fireEvent.click(screen.getByRole('button', { name: '保存改正' }));
    expect(fake.api.call).toHaveBeenLastCalledWith('items.resolveGarbled', {
      id: 'a',
      run: FIRST,
      resolution: { action: 'fix', replacement: '试题' },
    });
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
  });
});
