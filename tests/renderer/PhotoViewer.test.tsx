import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Item, ItemPatchInput } from '../../electron/contract';
import { PhotoViewer } from '../../renderer/src/features/item/PhotoViewer';

/** jsdom lays nothing out: the stage reports a 400 × 300 box as soon as it is observed. */
class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe() {
    this.callback(
      [{ contentRect: { width: 400, height: 300 } } as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  disconnect() {}
  unobserve() {}
}

const image = { sha256: 'b'.repeat(64), name: '开业.jpg', size: 100, mime: 'image/jpeg' };

function photoItem(regions: { x: number; y: number; w: number; h: number; name: string }[]): Item {
  return {
    id: 'p1',
    kind: 'photo',
    title: '许昌发制品厂开业',
    people: [],
    files: [image],
    photo: { caption: '1984年开业典礼', originalForm: '', regions },
  } as unknown as Item;
}

function renderViewer(item: Item, readOnly = false) {
  const onUpdate = vi.fn<(patch: ItemPatchInput) => Promise<boolean>>(async () => true);
  render(<PhotoViewer item={item} image={image} readOnly={readOnly} onUpdate={onUpdate} />);
  // The preview "loads" as a 1600 × 1200 image.
  const img = screen.getByRole('img', { name: '1984年开业典礼' });
  Object.defineProperty(img, 'naturalWidth', { value: 1600 });
  Object.defineProperty(img, 'naturalHeight', { value: 1200 });
  act(() => void fireEvent.load(img));
  return { onUpdate, img };
}

beforeEach(() => vi.stubGlobal('ResizeObserver', FixedResizeObserver));
afterEach(() => vi.unstubAllGlobals());

describe('PhotoViewer', () => {
  it('zooms and turns the view by keyboard and buttons, and says the original is untouched', () => {
    const { img } = renderViewer(photoItem([]));
    const stage = screen.getByRole('group', { name: '照片' });
    expect(screen.getByText('缩放 100%')).toBeTruthy();
    fireEvent.keyDown(stage, { key: '+' });
    expect(screen.getByText('缩放 125%')).toBeTruthy();
    expect(img.style.width).toBe('500px');
    fireEvent.keyDown(stage, { key: '-' });
    expect(screen.getByText('缩放 100%')).toBeTruthy();
    expect(screen.getByRole('button', { name: '缩小（-）' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: '向右旋转（R）' }));
    expect(img.style.transform).toBe('rotate(90deg)');
    expect(screen.getByText('已旋转 90°（只改变查看方向，不改动原件）')).toBeTruthy();
    fireEvent.keyDown(stage, { key: 'R', shiftKey: true });
    expect(img.style.transform).toBe('rotate(0deg)');
  });

  it('lists marked people left to right as a caption line, and removes one through an update', async () => {
    const { onUpdate } = renderViewer(
      photoItem([
        { x: 0.6, y: 0.1, w: 0.2, h: 0.5, name: '李四' },
        { x: 0.1, y: 0.1, w: 0.2, h: 0.5, name: '张三' },
      ]),
    );
    const list = screen.getByRole('region', { name: '图中人物（左起）' });
    expect(within(list).getByText('左起：张三、李四')).toBeTruthy();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['张三×', '李四×']);

    fireEvent.click(within(list).getByRole('button', { name: '移除标注：张三' }));
    await vi.waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(1));
    expect(onUpdate.mock.calls[0]![0]).toEqual({
      photo: {
        caption: '1984年开业典礼',
        originalForm: '',
        regions: [{ x: 0.6, y: 0.1, w: 0.2, h: 0.5, name: '李四' }],
      },
    });
  });

  it('offers no marking or removing when read-only', () => {
    renderViewer(photoItem([{ x: 0.1, y: 0.1, w: 0.2, h: 0.5, name: '张三' }]), true);
    expect(screen.queryByRole('button', { name: '标注图中人物' })).toBeNull();
    expect(screen.queryByRole('button', { name: /移除标注/ })).toBeNull();
    expect(screen.getByText('左起：张三')).toBeTruthy();
  });
});
