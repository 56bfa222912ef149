import type { Book, BookArticle } from '../../electron/core/compile';
import { anchorAfter } from '../../electron/core/model';
import { poetBiographies, sampleBook } from './sampleBook';

/**
 * A short volume whose articles hold figures placed by the editor: a half-width photo with the
 * text beside it and a 左起 line under its caption, and a full-width one after a later paragraph.
 */
export function figureBook(photos: string[]): Book {
  const base = sampleBook({ articles: 1, sections: 1, perArticle: 1, photos: [] });
  const poets = poetBiographies().filter((p) => p.desc.length > 150);
  const article = (
    title: string,
    from: number,
    figures: (paragraphs: string[]) => BookArticle['figures'],
  ) => {
    const group = poets.slice(from, from + 6);
    const paragraphs = group.map((p) => p.desc.replace(/\s+/g, ''));
    return {
      title,
      byline: `口述 ${group[0]!.name}\u3000整理 编辑部`,
      editorNote: '',
      text: paragraphs.join('\n'),
      figures: figures(paragraphs),
      people: group.map((p) => p.name),
      places: ['许昌'],
    };
  };
  return {
    ...base,
    index: false,
    preface: undefined,
    afterword: undefined,
    sections: [
      {
        title: '图文',
        articles: [
          article('发制品厂的第一批工人', 40, (paragraphs) => [
            {
              path: photos[0]!,
              caption: '1984年春，许昌发制品厂第一批工人在厂门前合影\n左起：李秀英、王建国、张德顺',
              width: 0.45,
              layout: 'half',
              ...anchorAfter(paragraphs, 1),
            },
            {
              path: photos[1]!,
              caption: '1986年，发制品厂的手工车间',
              width: 0.8,
              layout: 'full',
              ...anchorAfter(paragraphs, 4),
            },
          ]),
        ],
      },
    ],
  };
}
