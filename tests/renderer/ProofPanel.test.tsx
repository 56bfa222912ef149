import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Item } from '../../electron/contract';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { ProofPanel } = await import('../../renderer/src/features/item/ProofPanel');
const { MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

const CHANGES = [
  { paragraph: 0, before: '烟叶收购站设在城东。', after: '烟叶收购站设在城西。' },
  { paragraph: 2, before: '每年秋天最忙。', after: '' },
];

describe('reading a Word proof back in the item pane', () => {
  it('lists each changed paragraph and applies only the ones kept', async () => {
    const item = { id: 'i1', text: '烟叶收购站设在城东。\n\n每年秋天最忙。' } as Item;
    fake.api.readProof.mockResolvedValueOnce({
      articles: [{ itemId: 'i1', title: '烟草往事', text: '', changes: CHANGES }],
      missing: [],
    });
    fake.api.call.mockResolvedValueOnce(item);
    const onChanged = vi.fn();
    const { container } = render(
      <MessagesProvider>
        <ProofPanel item={item} readOnly={false} onChanged={onChanged} />
      </MessagesProvider>,
    );
    const input = container.querySelector('input[type=file]')!;
    const file = new File(['x'], '校样.docx');
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    expect(fake.api.readProof).toHaveBeenCalledWith(file, 'i1');
    expect(screen.getByText('烟叶收购站设在城西。')).toBeTruthy();
    expect(screen.getByText('（整段删除）')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: '第 3 段' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '采纳所选 1 处修改' }));
    });
    expect(fake.api.call).toHaveBeenCalledWith('items.applyProof', { id: 'i1', changes: [CHANGES[0]] });
    expect(onChanged).toHaveBeenCalled();
  });

  it('exports the item alone as a Word proof and offers it for download', async () => {
    fake.api.call.mockReset();
    fake.api.call.mockResolvedValueOnce({ fileName: '钧瓷-校样.docx', path: '/x', bytes: 10, articles: 1 });
    const item = { id: 'i2', title: '钧瓷', text: '钧窑在神垕。' } as Item;
    render(
      <MessagesProvider>
        <ProofPanel item={item} readOnly={false} onChanged={() => undefined} />
      </MessagesProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '导出 Word 校样' }));
    });
    expect(fake.api.call).toHaveBeenCalledWith('volumes.exportDocx', { itemIds: ['i2'], title: '钧瓷' });
    expect(screen.getByRole('link', { name: '下载 Word 校样' }).getAttribute('href')).toBe(
      `/exports/${encodeURIComponent('钧瓷-校样.docx')}`,
    );
  });
});
