import type { IParagraphStyleOptions } from 'docx';

/** Sizes in half-points: 五号 10.5 pt, 小四 12, 四号 14, 三号 16, 二号 22. */
const BODY_FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

export const STYLE = {
  body: 'BodyText',
  caption: 'Caption',
  byline: 'Byline',
  title: 'Title',
  heading: (level: 1 | 2 | 3 | 4) => `Heading${level}`,
} as const;

function heading(level: 1 | 2 | 3 | 4, size: number): IParagraphStyleOptions {
  return {
    id: STYLE.heading(level),
    // Word's built-in names, so its navigation pane and outline find them.
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { font: HEADING_FONT, size, bold: true },
    paragraph: { outlineLevel: level - 1, spacing: { before: 240, after: 120 }, keepNext: true },
  };
}

/** 标题 1–4 (the article, then its 小标题 of levels 1–3), 正文 (宋体 五号, first line indented two characters), 署名, 图注, 书名. */
export const paragraphStyles: IParagraphStyleOptions[] = [
  heading(1, 32),
  heading(2, 28),
  heading(3, 24),
  heading(4, 21),
  {
    id: STYLE.body,
    name: '正文段落',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: BODY_FONT, size: 21 },
    // 200 hundredths of a character: two characters, whatever the font size.
    paragraph: { indent: { firstLineChars: 200, firstLine: 420 }, spacing: { line: 360 } },
  },
  {
    id: STYLE.byline,
    name: '署名',
    basedOn: 'Normal',
    next: STYLE.body,
    run: { font: { ascii: 'KaiTi', eastAsia: '楷体', hAnsi: 'KaiTi' }, size: 21 },
    paragraph: { alignment: 'center', spacing: { after: 240 } },
  },
  {
    id: STYLE.caption,
    name: '图注',
    basedOn: 'Normal',
    run: { font: BODY_FONT, size: 18 },
    paragraph: { alignment: 'center' },
  },
  {
    id: STYLE.title,
    name: 'Title',
    basedOn: 'Normal',
    run: { font: HEADING_FONT, size: 44, bold: true },
    paragraph: { alignment: 'center', spacing: { before: 2400, after: 480 } },
  },
];
