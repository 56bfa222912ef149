import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, screen, type RenderHookResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Item } from '../../electron/contract';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { useItemEditor } = await import('../../renderer/src/features/item/useItemEditor');
const { MessageArea, MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

const item = (id: string, title: string) => ({ id, title, kind: 'oral' }) as Item;
const wrapper = ({ children }: { children: ReactNode }) => (
  <MessagesProvider>
    {children}
    <MessageArea />
  </MessagesProvider>
);

type Editor = ReturnType<typeof useItemEditor>;
let onDeleted: ReturnType<typeof vi.fn<(id: string) => void>>;
let hook: RenderHookResult<Editor, unknown>;

beforeEach(() => {
  fake.api.call.mockReset();
  vi.restoreAllMocks();
  onDeleted = vi.fn();
  hook = renderHook(() => useItemEditor({ onDeleted }), { wrapper });
});

async function openItem(id: string, title: string) {
  fake.api.call.mockResolvedValueOnce(item(id, title));
  await act(async () => hook.result.current.open(id));
}

describe('useItemEditor', () => {
  it('asks before leaving unsaved typing, and stays when the person says no', async () => {
    await openItem('a', '许昌发制品');
    expect(hook.result.current.item?.title).toBe('许昌发制品');
    act(() => hook.result.current.setDirty(true));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    await act(async () => hook.result.current.open('b'));
    expect(confirm).toHaveBeenCalledWith('当前条目有未保存的修改，确定放弃吗？');
    expect(fake.api.call).toHaveBeenCalledTimes(1);
    expect(hook.result.current.item?.id).toBe('a');

    confirm.mockReturnValueOnce(true);
    await openItem('b', '禹州钧瓷');
    expect(hook.result.current.item?.id).toBe('b');
    expect(hook.result.current.dirty).toBe(false);
  });

  it('creates a new item on save, says so, and goes on editing what was created', async () => {
    act(() => hook.result.current.startNew());
    expect(hook.result.current.mode).toBe('new');
    fake.api.call.mockResolvedValueOnce(item('n1', '长葛蜂蜜'));
    await act(async () => hook.result.current.save({ kind: 'oral', title: '长葛蜂蜜' } as never));
    expect(fake.api.call).toHaveBeenCalledWith('items.create', { kind: 'oral', title: '长葛蜂蜜' });
    expect(hook.result.current.item?.id).toBe('n1');
    expect(screen.getByRole('status').textContent).toContain('已新建「长葛蜂蜜」');
  });

  it('deletes only after confirmation, and tells the list the item is gone', async () => {
    await openItem('a', '许昌发制品');
    vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await act(async () => hook.result.current.remove());
    expect(onDeleted).not.toHaveBeenCalled();
    fake.api.call.mockResolvedValueOnce(undefined);
    await act(async () => hook.result.current.remove());
    expect(fake.api.call).toHaveBeenLastCalledWith('items.delete', { id: 'a' });
    expect(onDeleted).toHaveBeenCalledWith('a');
    expect(hook.result.current.mode).toBe('none');
  });

  it('shows nothing after an undo removed the item (an undone creation)', async () => {
    await openItem('a', '许昌发制品');
    fake.api.call.mockRejectedValueOnce(new Error('not found'));
    await act(async () => hook.result.current.reload());
    expect(hook.result.current.mode).toBe('none');
  });

  it('reports a failed save in the app’s messages and keeps the form', async () => {
    await openItem('a', '许昌发制品');
    act(() => hook.result.current.setDirty(true));
    fake.api.call.mockRejectedValueOnce(new Error('题名不能为空'));
    await act(async () => hook.result.current.save({ title: '' } as never));
    expect(screen.getByRole('status').textContent).toContain('出错了：题名不能为空');
    expect(hook.result.current.dirty).toBe(true);
  });
});
