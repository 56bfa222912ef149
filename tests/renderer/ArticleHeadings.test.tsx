import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ArticleEntry } from '../../electron/contract';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { ArticleHeadings } = await import('../../renderer/src/features/volumes/ArticleHeadings');
const { MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

const TEXT = '一、建厂\n一九八四年春，厂子办了起来。\n（一）第一批工人\n全厂只有二十几个人。';
const entry: ArticleEntry = { itemId: 'a', editorNote: '', figures: [], shared: false };

function renderHeadings(article: ArticleEntry, onChange = vi.fn()) {
  render(
    <MessagesProvider>
      <ArticleHeadings article={article} readOnly={false} onChange={onChange} />
    </MessagesProvider>,
  );
  return onChange;
}

describe('小标题 in the volume editor', () => {
  it('offers the numbered lines of the item’s text and marks them all in the volume’s copy', async () => {
    fake.api.call.mockResolvedValueOnce({ text: TEXT, abstract: '' });
    const onChange = renderHeadings(entry);
    fireEvent.click(screen.getByRole('button', { name: '编辑小标题' }));
    expect(await screen.findByText('有 2 行带编号（一、（一）1.），像是小标题')).toBeTruthy();
    expect(fake.api.call).toHaveBeenCalledWith('items.get', { id: 'a' });
    fireEvent.click(screen.getByRole('button', { name: '全部设为小标题' }));
    expect(onChange).toHaveBeenCalledWith({
      text: '# 一、建厂\n一九八四年春，厂子办了起来。\n## （一）第一批工人\n全厂只有二十几个人。',
    });
  });

  it('sets any line of the volume’s text as a heading of a level, or back to text', () => {
    const onChange = renderHeadings({
      ...entry,
      text: `# 一、建厂\n${TEXT.split('\n').slice(1).join('\n')}`,
    });
    fireEvent.click(screen.getByRole('button', { name: '显示全部段落' }));
    fireEvent.change(screen.getByRole('combobox', { name: '「全厂只有二十几个人。」的级别' }), {
      target: { value: '3' },
    });
    expect(onChange).toHaveBeenLastCalledWith({
      text: '# 一、建厂\n一九八四年春，厂子办了起来。\n（一）第一批工人\n### 全厂只有二十几个人。',
    });
    fireEvent.change(screen.getByRole('combobox', { name: '「一、建厂」的级别' }), {
      target: { value: '0' },
    });
    expect(onChange).toHaveBeenLastCalledWith({
      text: '一、建厂\n一九八四年春，厂子办了起来。\n（一）第一批工人\n全厂只有二十几个人。',
    });
  });
});
