import { describe, expect, it } from 'vitest';
import { DuplicateIndex, comparableText, sideBySide } from '../../electron/core/duplicates';

describe('comparable text', () => {
  it('sets aside width, script, case, whitespace and punctuation', () => {
    expect(comparableText('許昌發製品廠，１９８４年 開工！\n ABC')).toBe(
      comparableText('许昌发制品厂,1984年开工abc'),
    );
  });
});

describe('the duplicate index', () => {
  const base =
    '一九八四年春，许昌发制品厂在城关镇的两间平房里开工，第一批工人只有十二个人，大多是附近村里的姑娘。';
  const texts = new Map<string, string>();
  const index = new DuplicateIndex((id) => texts.get(id));
  const put = (id: string, text: string) => {
    texts.set(id, text);
    index.add(id, text);
  };
  put('a', base.repeat(3));
  put('b', '永和九年，岁在癸丑，暮春之初，会于会稽山阴之兰亭，修禊事也。群贤毕至，少长咸集。');

  it('finds the same text, a nearly same one, and not an unrelated or a short one', () => {
    expect(index.find(base.repeat(3).replace(/，/g, ','))).toEqual([{ id: 'a', similarity: 1, exact: true }]);
    const near = index.find(base.repeat(3).replace('十二', '十三'));
    expect(near.map((m) => [m.id, m.exact])).toEqual([['a', false]]);
    expect(
      index.find('此地有崇山峻岭，茂林修竹，又有清流激湍，映带左右，引以为流觞曲水，列坐其次。'),
    ).toEqual([]);
    expect(index.find('许昌发制品厂')).toEqual([]);
    expect(index.find(base.repeat(3), (id) => id === 'a')).toEqual([]);
  });

  it('forgets a removed text', () => {
    index.remove('a');
    expect(index.find(base.repeat(3))).toEqual([]);
    expect(index.size).toBe(1);
  });
});

describe('side by side', () => {
  it('pairs changed lines, keeps a little context and leaves out long same runs', () => {
    const left = ['一', '二', '三', '四', '五', '六', '七', '八', '九'].join('\n');
    const right = ['一', '二', '三', '四', '伍', '六', '七', '八', '九', '十'].join('\n');
    expect(sideBySide(left, right)).toEqual([
      { type: 'skipped', count: 2 },
      { type: 'same', left: 3, right: 3, text: '三' },
      { type: 'same', left: 4, right: 4, text: '四' },
      { type: 'changed', left: { line: 5, text: '五' }, right: { line: 5, text: '伍' } },
      { type: 'same', left: 6, right: 6, text: '六' },
      { type: 'same', left: 7, right: 7, text: '七' },
      { type: 'same', left: 8, right: 8, text: '八' },
      { type: 'same', left: 9, right: 9, text: '九' },
      { type: 'changed', right: { line: 10, text: '十' } },
    ]);
  });

  it('aligns lines moved apart by insertions and deletions', () => {
    const rows = sideBySide('甲\n乙\n丙\n丁', '甲\n新\n乙\n丁');
    expect(rows).toEqual([
      { type: 'same', left: 1, right: 1, text: '甲' },
      { type: 'changed', right: { line: 2, text: '新' } },
      { type: 'same', left: 2, right: 3, text: '乙' },
      { type: 'changed', left: { line: 3, text: '丙' } },
      { type: 'same', left: 4, right: 4, text: '丁' },
    ]);
    expect(sideBySide('一\n二\n三\n四\n五', '一\n二\n三\n四\n五')).toEqual([
      { type: 'same', left: 1, right: 1, text: '一' },
      { type: 'same', left: 2, right: 2, text: '二' },
      { type: 'same', left: 3, right: 3, text: '三' },
      { type: 'skipped', count: 2 },
    ]);
  });
});
