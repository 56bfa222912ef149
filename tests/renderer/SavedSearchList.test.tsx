import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { SavedSearchList } from '../../renderer/src/features/library/SavedSearchList';
import type { SavedSearch } from '../../renderer/src/features/search/useSavedSearches';

const searches: SavedSearch[] = [
  {
    id: 'a',
    name: '许昌口述',
    query: '许昌',
    sort: 'date',
    filters: { kind: ['oral'] },
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
  },
];

function renderList(readOnly = false) {
  const handlers = {
    onRun: vi.fn(),
    onRename: vi.fn(async () => true),
    onDelete: vi.fn(),
  };
  render(<SavedSearchList searches={searches} activeId="a" readOnly={readOnly} {...handlers} />);
  return handlers;
}

describe('SavedSearchList', () => {
  it('runs a search on click and marks the one on screen', () => {
    const { onRun } = renderList();
    const button = screen.getByRole('button', { name: '许昌口述' });
    expect(button.getAttribute('aria-current')).toBe('true');
    expect(button.getAttribute('title')).toBe('检索「许昌」，按时间排序，1 项筛选');
    fireEvent.click(button);
    expect(onRun).toHaveBeenCalledWith(searches[0]);
  });

  it('renames in place: Enter keeps the new name, Esc keeps the old one', async () => {
    const { onRename } = renderList();
    fireEvent.click(screen.getByRole('button', { name: '重命名「许昌口述」' }));
    const box = screen.getByRole('textbox', { name: '「许昌口述」的新名称' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '随便' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(onRename).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '重命名「许昌口述」' }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: ' 许昌的口述史 ' } });
    fireEvent.submit(screen.getByRole('textbox'));
    expect(onRename).toHaveBeenCalledWith(searches[0], '许昌的口述史');
    await vi.waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
  });

  it('deletes only after confirmation', () => {
    const { onDelete } = renderList();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const remove = screen.getByRole('button', { name: '删除「许昌口述」' });
    fireEvent.click(remove);
    expect(confirm).toHaveBeenCalledWith('确定删除已存检索「许昌口述」吗？检索到的条目不受影响。');
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(remove);
    expect(onDelete).toHaveBeenCalledWith(searches[0]);
    confirm.mockRestore();
  });

  it('offers no changes in a read-only library', () => {
    renderList(true);
    expect(screen.queryByRole('button', { name: /重命名|删除/ })).toBeNull();
  });
});
