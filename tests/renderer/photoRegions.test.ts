import { describe, expect, it } from 'vitest';
import type { Item } from '../../electron/contract';
import {
  fromView,
  leftToRight,
  rectFromDrag,
  regionsOf,
  regionsPatch,
  rotatePoint,
  storedRect,
  toView,
  type Rect,
} from '../../renderer/src/features/item/photoRegions';
import type { Rotation } from '../../renderer/src/features/item/photoView';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];
const face: Rect = { x: 0.1, y: 0.2, w: 0.3, h: 0.4 };

function closeTo(a: Rect, b: Rect) {
  for (const key of ['x', 'y', 'w', 'h'] as const) expect(a[key]).toBeCloseTo(b[key], 10);
}

function photoItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'a1',
    kind: 'photo',
    title: '许昌发制品厂开业',
    people: [{ name: '张三', role: 'narrator' }],
    photo: { caption: '1984年', originalForm: 'print', regions: [] },
    ...overrides,
  } as Item;
}

describe('regions under rotation', () => {
  it('turns the corners of the photo clockwise', () => {
    // The top-left corner goes to the top right after a quarter turn clockwise, and so on round.
    expect(rotatePoint({ x: 0, y: 0 }, 90)).toEqual({ x: 1, y: 0 });
    expect(rotatePoint({ x: 1, y: 0 }, 90)).toEqual({ x: 1, y: 1 });
    expect(rotatePoint({ x: 0, y: 0 }, 180)).toEqual({ x: 1, y: 1 });
    expect(rotatePoint({ x: 0, y: 0 }, 270)).toEqual({ x: 0, y: 1 });
  });

  it('shows a region where it is on the turned photo', () => {
    closeTo(toView(face, 0), face);
    // Turned right, the face near the top left of the photo is near the top right, lying on its side.
    closeTo(toView(face, 90), { x: 0.4, y: 0.1, w: 0.4, h: 0.3 });
    closeTo(toView(face, 180), { x: 0.6, y: 0.4, w: 0.3, h: 0.4 });
    closeTo(toView(face, 270), { x: 0.2, y: 0.6, w: 0.4, h: 0.3 });
  });

  it('stores a rectangle drawn on the turned photo in the image’s own fractions', () => {
    for (const rotation of ROTATIONS) closeTo(fromView(toView(face, rotation), rotation), face);
    closeTo(fromView({ x: 0.4, y: 0.1, w: 0.4, h: 0.3 }, 90), face);
  });

  it('draws from any corner, stays inside the photo, and ignores a click', () => {
    expect(rectFromDrag({ x: 0.5, y: 0.6 }, { x: 0.2, y: 0.1 })).toEqual({ x: 0.2, y: 0.1, w: 0.3, h: 0.5 });
    const dragged = rectFromDrag({ x: 0.8, y: 0.9 }, { x: 1.4, y: 1.2 })!;
    closeTo(dragged, { x: 0.8, y: 0.9, w: 0.2, h: 0.1 });
    expect(rectFromDrag({ x: 0.5, y: 0.5 }, { x: 0.503, y: 0.6 })).toBeNull();
  });

  it('rounds for storage without going past the edge', () => {
    expect(storedRect({ x: 0.123456, y: 0.5, w: 0.876544, h: 0.49999 })).toEqual({
      x: 0.1235,
      y: 0.5,
      w: 0.8765,
      h: 0.5,
    });
  });
});

describe('people marked on a photo', () => {
  it('orders them left to right, top to bottom where they stand one above the other', () => {
    const regions = [
      { x: 0.6, y: 0.1, w: 0.1, h: 0.2, name: '李四' },
      { x: 0.1, y: 0.5, w: 0.1, h: 0.2, name: '王五' },
      { x: 0.1, y: 0.1, w: 0.1, h: 0.2, name: '张三' },
    ];
    expect(leftToRight(regions).map((r) => r.name)).toEqual(['张三', '王五', '李四']);
    // The stored order is left alone.
    expect(regions[0]!.name).toBe('李四');
  });

  it('reads an item saved before regions existed as having none', () => {
    expect(regionsOf(photoItem({ photo: { caption: '' } as Item['photo'] }))).toEqual([]);
    expect(regionsOf(photoItem({ photo: undefined }))).toEqual([]);
  });

  it('saves regions with the other photo details, and offers names to the people list once', () => {
    const regions = [{ ...face, name: '李四' }];
    expect(regionsPatch(photoItem(), regions)).toEqual({
      photo: { caption: '1984年', originalForm: 'print', regions },
    });
    const item = photoItem({
      people: [
        { name: '张三', role: 'narrator' },
        { name: '王五', role: 'depicted' },
      ],
    });
    expect(regionsPatch(item, regions, ['李四', ' 李四', '王五', '张三']).people).toEqual([
      { name: '张三', role: 'narrator' },
      { name: '王五', role: 'depicted' },
      { name: '李四', role: 'depicted' },
      // The narrator is in the photo too: that is a second role, not a duplicate.
      { name: '张三', role: 'depicted' },
    ]);
    expect(regionsPatch(photoItem({ photo: undefined }), regions)).toEqual({ photo: { regions } });
  });
});
