import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { Item } from '../../electron/contract';
import type { ItemEditor } from '../../renderer/src/features/item/useItemEditor';

vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  return { api: createFakeApi(), ApiCallError: class extends Error {} };
});
const { DetailPane } = await import('../../renderer/src/features/item/DetailPane');

const editor = (dirty: boolean) =>
  ({
    mode: 'edit',
    item: { id: 'a', title: '第一篇' } as Item,
    dirty,
  }) as unknown as ItemEditor;

describe('the detail pane beside a selection of several rows', () => {
  it('says how many are selected instead of showing the first of them', () => {
    render(<DetailPane editor={editor(false)} readOnly={false} selectedCount={3} />);
    expect(screen.getByRole('status').textContent).toContain('已选 3 条');
    expect(screen.queryByDisplayValue('第一篇')).toBeNull();
  });
});
