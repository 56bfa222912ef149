import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  DEFAULT_PAGE_SETTINGS,
  type Book,
  type BookArticle,
  type BookSection,
} from '../../electron/core/compile';

const require = createRequire(import.meta.url);

export interface Poet {
  name: string;
  desc: string;
}

/** Biographies of Song poets from the chinese-poetry package: real Chinese prose with 《》（）and dates. */
export function poetBiographies(): Poet[] {
  const poets = require('chinese-poetry/dist/quantangshi/authors.song.json') as Poet[];
  // Characters beyond the fonts (rare ones in Extension B) are left out: tests of missing glyphs make their own.
  return poets.filter((p) => p.desc && p.desc.length > 20 && !/[\uFFFD\u{20000}-\u{3FFFF}]/u.test(p.desc));
}

/** Photos made up of gradients and shapes (deterministic), `size` pixels on the long side. */
export async function makePhotos(dir: string, count: number, size = 1200): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const portrait = i % 4 === 3;
    const width = portrait ? Math.round(size * 0.75) : size;
    const height = portrait ? size : Math.round(size * 0.75);
    const hue = (i * 47) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="hsl(${hue},35%,78%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},30%,35%)"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.18}" fill="hsl(${(hue + 180) % 360},25%,60%)"/>
      <rect x="${width * 0.55}" y="${height * 0.45}" width="${width * 0.3}" height="${height * 0.4}" fill="hsl(${hue},20%,25%)"/>
      <rect x="${width * 0.05}" y="${height * 0.8}" width="${width * 0.9}" height="${height * 0.04}" fill="#f4f1e8"/>
    </svg>`;
    const file = path.join(dir, `photo-${String(i).padStart(3, '0')}.jpg`);
    await sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toFile(file);
    files.push(file);
  }
  return files;
}

const SECTION_TITLES = [
  '改革起步',
  '乡镇企业',
  '城市建设',
  '发制品业',
  '文化教育',
  '民生记忆',
  '口述实录',
  '人物春秋',
];
const PLACES = ['许昌', '禹州', '长葛', '鄢陵', '襄城'];

export interface SampleOptions {
  articles: number;
  sections: number;
  /** Biographies per article. */
  perArticle: number;
  photos: string[];
  /** One figure every `figureEvery` articles. */
  figureEvery?: number;
  /** 小标题: each biography under a level-1 heading, its halves under level-2 headings. */
  headings?: boolean;
}

const NUMERALS = '一二三四五六七八九十';

/**
 * A biography under 小标题: `# 一、name其人`, then `## （一）…` and `## （二）…` over its two halves.
 * Unmarked (`marked` false), the numbered lines stand as a scraped text has them, for an editor to
 * accept as headings.
 */
export function headedBiography(poet: Poet, k: number, marked = true): string {
  const sentences = poet.desc.split(/(?<=。)/u);
  const half = Math.max(1, Math.floor(sentences.length / 2));
  const first = sentences.slice(0, half).join('');
  const second = sentences.slice(half).join('');
  const [one, two] = marked ? ['# ', '## '] : ['', ''];
  return [
    `${one}${NUMERALS[k % 10]}、${poet.name}其人`,
    `${two}（一）生平`,
    first,
    ...(second ? [`${two}（二）著述与交游`, second] : []),
  ].join('\n');
}

/** A volume of `articles` articles in `sections` sections, built from the biographies and photos. */
export function sampleBook(options: SampleOptions): Book {
  const poets = poetBiographies();
  const sections: BookSection[] = [];
  const perSection = Math.ceil(options.articles / options.sections);
  let next = 0;
  let photo = 0;
  for (let s = 0; s < options.sections; s++) {
    const articles: BookArticle[] = [];
    for (let a = 0; a < perSection && s * perSection + a < options.articles; a++) {
      const index = s * perSection + a;
      const group = poets.slice(next, next + options.perArticle);
      next += options.perArticle;
      const figures =
        options.photos.length > 0 && index % (options.figureEvery ?? 1) === 0
          ? [
              {
                path: options.photos[photo++ % options.photos.length]!,
                caption: `${group[0]!.name}故里旧影（${1950 + (index % 40)}年摄）`,
                width: index % 3 === 2 ? 0.6 : 1,
              },
            ]
          : [];
      articles.push({
        title: `${group.map((p) => p.name).join('、')}传略`,
        byline: `撰稿 ${group[0]!.name}\u3000整理 编辑部`,
        editorNote: index % 5 === 0 ? `本文据《全宋诗》小传整理，所涉年代、地名均依原书，未作改动。` : '',
        text: options.headings
          ? group.map((p, k) => headedBiography(p, k)).join('\n')
          : group.map((p) => p.desc).join('\n'),
        figures,
        people: group.map((p) => p.name),
        places: [PLACES[index % PLACES.length]!],
      });
    }
    sections.push({
      title: SECTION_TITLES[s % SECTION_TITLES.length]! + (s >= SECTION_TITLES.length ? `（${s}）` : ''),
      articles,
    });
  }
  return {
    title: '许昌改革记忆',
    subtitle: '第一辑',
    compiler: '许昌市政协文史资料委员会 编',
    board: [
      { role: '主\u3000任', names: ['王建国'] },
      { role: '副主任', names: ['李秀英', '张卫东'] },
      { role: '委\u3000员', names: ['赵志强', '刘桂兰', '陈晓明', '杨文华', '周建平'] },
    ],
    copyright: {
      publisher: '许昌市政协文史资料委员会',
      printer: '许昌市彩印有限公司',
      edition: '2024年5月第1版',
      impression: '2024年5月第1次印刷',
      isbn: '',
      cip: [],
    },
    imprint: ['内部资料\u3000免费交流'],
    preface: {
      title: '前言',
      text: '改革开放四十余年，许昌的城乡面貌发生了深刻变化。为留存亲历者的记忆，我们征集、整理了这批史料。\n本书所收文章，均经作者本人或家属审阅。「存史、资政、团结、育人」，是文史资料工作的宗旨；我们力求做到三亲：亲历、亲见、亲闻。',
    },
    afterword: {
      title: '后记',
      text: '本书的编辑出版，得到了各方面的大力支持，谨此致谢。\n由于水平所限，书中疏漏之处在所难免，敬请读者批评指正。',
    },
    sections,
    index: true,
    keywords: ['许昌', '改革开放', '文史资料'],
    style: DEFAULT_PAGE_SETTINGS,
    recto: false,
    frontNumerals: 'roman',
    script: 'keep',
  };
}
