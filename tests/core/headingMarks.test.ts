import { describe, expect, it } from 'vitest';
import {
  acceptHeadingOffers,
  headingOf,
  headingOffers,
  ItemSchema,
  setHeadingLevel,
  titleRepeatLine,
  unmarkedText,
  VolumeSchema,
} from '../../electron/core/model';
import { looksLikeFileName, titleChecks } from '../../electron/core/volumes';
import { joinHardWraps } from '../../electron/core/text';

describe('小标题 marks in an article text', () => {
  it('reads # ## ### as levels 1–3 and nothing else as a heading', () => {
    expect(headingOf('# 一、起步')).toEqual({ level: 1, text: '一、起步' });
    expect(headingOf('### （1）厂房')).toEqual({ level: 3, text: '（1）厂房' });
    expect(headingOf('#### 太深')).toBeNull();
    expect(headingOf('#号楼在东边。')).toBeNull();
    expect(headingOf('一、起步')).toBeNull();
    expect(unmarkedText('# 一、起步\n正文。')).toBe('一、起步\n正文。');
  });

  it('toggles a line as a heading of a level and back', () => {
    const text = '一、起步\n\u3000\u3000那年春天。';
    const marked = setHeadingLevel(text, 0, 2);
    expect(marked).toBe('## 一、起步\n\u3000\u3000那年春天。');
    expect(setHeadingLevel(marked, 0, 0)).toBe(text);
  });

  it('offers numbered lines as headings, never numbered paragraphs', () => {
    const text = [
      '一、擔負起新征程上政協文史工作的職責使命',
      '（一）坚持正确方向',
      '1.建立征集网络',
      '一、我们的工作是从1984年开始的。当时条件很差，没有车。',
      '（一）',
      '普通的一段话。',
      '# 二、已标',
    ].join('\n');
    expect(headingOffers(text).map((o) => [o.line, o.level])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(acceptHeadingOffers(text, headingOffers(text)).split('\n').slice(0, 3)).toEqual([
      '# 一、擔負起新征程上政協文史工作的職責使命',
      '## （一）坚持正确方向',
      '### 1.建立征集网络',
    ]);
  });

  it('finds a first paragraph that repeats the title, marked or not', () => {
    expect(titleRepeatLine('长葛发制品厂', '\n# 长葛发制品厂\n正文。')).toBe(1);
    expect(titleRepeatLine('长葛发制品厂', '长葛 发制品厂\n正文。')).toBe(0);
    expect(titleRepeatLine('长葛发制品厂', '正文。\n长葛发制品厂')).toBe(-1);
  });

  it('knows a title that is still a file name', () => {
    for (const name of ['02-长葛发制品厂', '访谈记录.docx', 'IMG_2041', '3_张三访谈', 'DSC01234'])
      expect(looksLikeFileName(name), name).toBe(true);
    for (const title of ['长葛发制品厂的创办', '1984年的春天', '许昌——我的家乡', '二〇〇八年纪事'])
      expect(looksLikeFileName(title), title).toBe(false);
  });

  it('never joins a marked heading to the line after it when joining hard wraps', () => {
    const text =
      '## 二、发展壮大的过程与我们所经历的各种困难和挑战\n那一年我们去了广州，学习了先进的技术和管理的经验，回来之后';
    expect(joinHardWraps(text)).toEqual([]);
  });

  it('lists, before compiling, titles left as the file name and first paragraphs repeating the title', () => {
    const item = (id: string, title: string, text: string, file: string) =>
      ItemSchema.parse({
        id,
        kind: 'document',
        title,
        text,
        files: [{ sha256: 'a'.repeat(64), name: file, size: 1, mime: 'text/plain' }],
        createdAt: '',
        updatedAt: '',
      });
    const items = [
      item('a', 'zhengxie-plan-web-scraped', '正文。', 'zhengxie-plan-web-scraped.txt'),
      item('b', '长葛发制品厂', '长葛发制品厂\n正文。', '长葛.docx'),
      item('c', '许昌烟厂', '正文。', '许昌烟厂往事.docx'),
    ];
    const volume = VolumeSchema.parse({
      id: 'v',
      createdAt: '',
      updatedAt: '',
      title: '第一辑',
      sections: [{ id: 's', articles: items.map((i) => ({ itemId: i.id })) }],
    });
    const source = { get: (id: string) => items.find((i) => i.id === id), filePath: () => '' };
    expect(titleChecks(volume, source)).toEqual([
      { itemId: 'a', title: 'zhengxie-plan-web-scraped', problems: ['fileName'] },
      { itemId: 'b', title: '长葛发制品厂', problems: ['repeated'] },
    ]);
  });
});
