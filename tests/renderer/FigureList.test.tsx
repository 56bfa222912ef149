import { describe, expect, it, vi, beforeEach } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ArticleEntry, FigureEntry } from '../../electron/contract';
import { ItemFieldsSchema } from '../../electron/core/model';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { FigureList } = await import('../../renderer/src/features/volumes/FigureList');
const { MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

const file = (sha256: string, name: string) => ({
  sha256,
  name,
  mime: 'image/jpeg',
  size: 1,
  role: 'original',
});
const ITEMS = {
  article: {
    ...ItemFieldsSchema.parse({
      kind: 'document',
      title: '发制品厂的起步',
      text: '第一段，写起步。\n第二段，写收购头发。\n第三段，写出口。',
    }),
    id: 'article',
    files: [file('scan', '老厂房翻拍.jpg')],
  },
  photo: {
    ...ItemFieldsSchema.parse({
      kind: 'photo',
      title: 'IMG_0001',
      photo: {
        caption: '1984年，第一批工人合影',
        regions: [
          { x: 0.6, y: 0.2, w: 0.2, h: 0.5, name: '张三' },
          { x: 0.1, y: 0.2, w: 0.2, h: 0.5, name: '李四' },
        ],
      },
    }),
    id: 'photo',
    files: [file('group', 'IMG_0001.jpg')],
  },
};

let changes: FigureEntry[][] = [];
function Harness({ figures }: { figures: FigureEntry[] }) {
  const [article, setArticle] = useState<ArticleEntry>({
    itemId: 'article',
    editorNote: '',
    shared: false,
    figures,
  });
  return (
    <MessagesProvider>
      <FigureList
        article={article}
        onChange={(next) => {
          changes.push(next);
          setArticle({ ...article, figures: next });
        }}
      />
    </MessagesProvider>
  );
}

beforeEach(() => {
  changes = [];
  fake.api.call.mockReset();
  fake.api.call.mockImplementation(async (op, args) => {
    if (op === 'items.get') return ITEMS[(args as { id: 'article' | 'photo' }).id];
    if (op === 'search.query') return { total: 1, hits: [{ id: 'photo', title: 'IMG_0001' }] };
    throw new Error(op);
  });
});

describe('the figures of an article in the volume editor', () => {
  it('shows a photo with its caption and 左起 line, and places it after a paragraph, half width', async () => {
    render(<Harness figures={[{ itemId: 'photo', width: 1, after: 1, quote: '第一段，写起步。' }]} />);
    const caption = await screen.findByDisplayValue(/1984年，第一批工人合影/);
    expect((caption as HTMLTextAreaElement).value).toBe('1984年，第一批工人合影\n左起：李四、张三');
    const position = screen.getByLabelText('位置') as HTMLSelectElement;
    expect(position.value).toBe('1');
    expect(within(position).getByText('第 2 段后：第二段，写收购头发。')).toBeTruthy();
    fireEvent.change(position, { target: { value: '2' } });
    expect(changes.at(-1)![0]).toMatchObject({ after: 2, quote: '第二段，写收购头发。' });
    fireEvent.change(screen.getByLabelText('版式'), { target: { value: 'half' } });
    expect(changes.at(-1)![0]).toMatchObject({ layout: 'half', width: 0.5, after: 2 });
    fireEvent.change(caption, { target: { value: '1984年，工人合影\n左起：李四、张三' } });
    expect(changes.at(-1)![0]!.caption).toBe('1984年，工人合影\n左起：李四、张三');
    // Back to the photo's own caption: the override is dropped, not copied.
    fireEvent.click(screen.getByRole('button', { name: '恢复为照片自带的图片说明' }));
    expect(changes.at(-1)![0]).not.toHaveProperty('caption');
  });

  it('adds an image of the article’s own item, and a photo found by search, at the end of the text', async () => {
    render(<Harness figures={[]} />);
    const own = await screen.findByLabelText('本文条目中的图片');
    fireEvent.change(own, { target: { value: 'scan' } });
    fireEvent.click(screen.getByRole('button', { name: '插入' }));
    expect(changes.at(-1)).toEqual([
      { sha256: 'scan', width: 1, layout: 'full', after: 3, quote: '第三段，写出口。' },
    ]);
    fireEvent.change(screen.getByLabelText('检索照片'), { target: { value: '合影' } });
    fireEvent.click(screen.getByRole('button', { name: '检索' }));
    fireEvent.click(await screen.findByRole('button', { name: '插入照片「IMG_0001」' }));
    await screen.findByDisplayValue(/1984年，第一批工人合影/);
    expect(fake.api.call).toHaveBeenCalledWith('search.query', {
      query: '合影',
      limit: 20,
      filters: { kind: ['photo'] },
    });
    expect(changes.at(-1)![1]).toMatchObject({ itemId: 'photo', after: 3 });
  });
});
