// One volume an editor makes the way the app makes it, checked the way a print shop and a
// proofreader check the PDF: figures inside articles, 小标题 at two levels, web text cleaned in
// review, a 版权页, the page count and the index.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { OpInput, OpName, OpOutput } from '../../electron/contract';
import {
  acceptHeadingOffers,
  anchorAfter,
  articleParagraphs,
  headingOf,
  headingOffers,
} from '../../electron/contract/shared';
import { pageRanges } from '../../electron/core/compile/bookIndex';
import { Library } from '../../electron/core/library';
import {
  bodyPagesText,
  bodyStart,
  imagePages,
  imagesPlaced,
  linesPlaced,
  outlineOf,
  pagesHolding,
  pagesText,
  printedIndex,
} from '../helpers/bookPages';
import { fonts } from '../helpers/fonts';
import { pdfPageCount, pdfText, qpdfCheck } from '../helpers/pdfTools';
import { headedBiography, makePhotos, poetBiographies, type Poet } from '../helpers/sampleBook';

const DESKTOP = { canWrite: true, canUseLocalPaths: true };
const BOOK_TITLE = '许昌文史资料';
const SECTIONS = ['人物春秋', '文史拾遗'];
/** Running heads: the book's title on the left, the section (or 后记, 索引) on the right. */
const HEADS = [BOOK_TITLE, ...SECTIONS, '后记', '索引'];
const HAN = String.raw`\p{Script=Han}`;
/** An ASCII mark between Chinese characters, a quote or bracket between them allowed. */
const ASCII_BETWEEN_HAN = new RegExp(`${HAN}[”’」』）"']?[,!:;][“‘「『（"']?${HAN}`, 'u');

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A remark quoted in each article (after its first 生平): full-width marks and quotes as print has them. */
const REMARK = '時人評曰：“其文簡而有法；其詩清麗可誦！”後人多稱之。';

/**
 * The text as a web page gives it: ASCII , : ; ! between Chinese characters, straight quotes,
 * and paragraphs broken into lines of about 30 characters (never inside a quotation, and always
 * before a Chinese character, so each break reads as a wrap).
 */
function scraped(clean: string): string {
  const marks: Record<string, string> = { '，': ',', '：': ':', '；': ';', '！': '!' };
  const ascii = clean
    .replace(new RegExp(`(?<=[${HAN}”])[，：；！](?=[${HAN}“])`, 'gu'), (m) => marks[m]!)
    .replace(/[“”]/g, '"');
  return ascii
    .split('\n')
    .map((line) => {
      if (line.length < 45) return line;
      const out: string[] = [];
      let from = 0;
      for (let at = from + 30; at < line.length - 8; at++) {
        const quoted = (line.slice(0, at).match(/"/g) ?? []).length % 2 === 1;
        if (quoted || !new RegExp(HAN, 'u').test(line[at]!) || /[。！？!?…"]/.test(line[at - 1]!)) continue;
        out.push(line.slice(from, at));
        from = at;
        at = from + 30;
      }
      return [...out, line.slice(from)].join('\n');
    })
    .join('\n');
}

/** Biographies under numbered headings, as a text file from the web holds them. */
function articleText(poets: Poet[]): string {
  return poets
    .map((poet, k) => {
      const text = headedBiography(poet, k, false);
      return k === 0 ? text.replace(/。\n（二）/u, `。${REMARK}\n（二）`) : text;
    })
    .join('\n');
}

let dir: string;
let app: Application;
let pdf: string;
let report: OpOutput<'volumes.compile'>;
/** What each article prints, as the volume holds it (小标题 marked). */
const printed: { title: string; text: string; section: string }[] = [];
const cleanTexts: string[] = [];
const imported: { before: OpOutput<'items.get'>; after: OpOutput<'items.get'> }[] = [];
let poets: Poet[];
const captions = {
  half: ['1984年春，故居前留影', '左起：'],
  full: ['1986年秋，诗碑拓片展览现场'],
};

async function call<K extends OpName>(op: K, args: OpInput<K>): Promise<OpOutput<K>> {
  const result = await app.dispatch(op, args, {}, DESKTOP);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as OpOutput<K>;
}

/** Accepts, in 待复核, every typesetting cleanup offered for the item. */
async function acceptCleanups(id: string): Promise<OpOutput<'items.get'>> {
  let item = await call('items.get', { id });
  for (;;) {
    const index = item.suggestions.findIndex((s) => (s.value as { kind?: string }).kind !== undefined);
    if (index < 0) return item;
    item = await call('items.reviewSuggestion', { id, index, accept: true });
  }
}

beforeAll(async () => {
  // One library for all the checks below (tempDir's folders go after each test).
  dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-volume-'));
  await (await Library.create(path.join(dir, 'lib'), '许昌文史')).close();
  app = await Application.open(path.join(dir, 'lib'), { fonts });

  // Two photos, large enough for 300 dpi: a landscape one for the full width, a portrait one beside the text.
  const made = await makePhotos(path.join(dir, 'photos'), 4, 2400);
  const photoItem = async (file: string) =>
    (await call('items.add', { paths: [file], kind: 'photo' })).added[0]!;
  const landscape = await photoItem(made[0]!);
  const portrait = await photoItem(made[3]!);
  poets = poetBiographies().filter((p) => p.desc.length > 200 && !/[,:;!?"'()“”‘’]/.test(p.desc));
  const groups = [poets.slice(0, 4), poets.slice(4, 7), poets.slice(7, 10)];
  await call('items.update', {
    id: portrait,
    patch: {
      photo: {
        caption: captions.half[0]!,
        regions: [
          { x: 0.55, y: 0.2, w: 0.3, h: 0.6, name: groups[0]![1]!.name },
          { x: 0.1, y: 0.25, w: 0.3, h: 0.6, name: groups[0]![0]!.name },
        ],
      },
    },
  });
  await call('items.update', { id: landscape, patch: { photo: { caption: captions.full[0]! } } });

  // Three articles from the web: imported as text files, their cleanups accepted in review.
  await mkdir(path.join(dir, 'web'));
  const ids: string[] = [];
  for (const [i, group] of groups.entries()) {
    const clean = articleText(group);
    cleanTexts.push(clean);
    const file = path.join(dir, 'web', `文章${i + 1}.txt`);
    await writeFile(file, scraped(clean));
    const id = (await call('items.add', { paths: [file] })).added[0]!;
    const before = await call('items.get', { id });
    await call('items.update', {
      id,
      patch: {
        title: `${group.map((p) => p.name).join('、')}传略`,
        people: group.map((p) => ({ name: p.name, role: '' })),
        places: ['河北', '许昌'],
      },
    });
    imported.push({ before, after: await acceptCleanups(id) });
    ids.push(id);
  }

  // In the volume editor: the numbered lines accepted as 小标题, the photos placed in the articles.
  const entry = (i: number, figures: (paragraphs: string[]) => object[]) => {
    const itemText = imported[i]!.after.text;
    const text = acceptHeadingOffers(itemText, headingOffers(itemText));
    printed.push({ title: imported[i]!.after.title, text, section: SECTIONS[i < 2 ? 0 : 1]! });
    return { itemId: ids[i]!, text, figures: figures(articleParagraphs(text)) };
  };
  const volume = await call('volumes.create', {
    title: BOOK_TITLE,
    subtitle: '第一辑',
    compiler: '许昌市政协文史资料委员会 编',
    board: [
      { role: '主\u3000任', names: ['王建国'] },
      { role: '副主任', names: ['李秀英', '张卫东'] },
    ],
    copyright: {
      publisher: '许昌市政协文史资料委员会',
      printer: '许昌市彩印有限公司',
      edition: '2024年5月第1版',
      impression: '2024年5月第1次印刷',
    },
    imprint: ['内部资料\u3000免费交流'],
    preface: { title: '前言', text: '本辑收录宋初人物传略三篇，附图两幅，供文史工作者参考。' },
    afterword: {
      title: '后记',
      text: `本辑所收${groups
        .flat()
        .map((p) => p.name)
        .join('、')}诸人传略，据《全宋诗》小传整理，在许昌编成。`,
    },
    index: true,
    page: { tocHeadings: true },
    sections: [
      {
        id: 'a',
        title: SECTIONS[0]!,
        articles: [
          entry(0, (paragraphs) => [
            // Under 「（一）生平」: the biography runs beside it.
            { itemId: portrait, layout: 'half', width: 0.45, ...anchorAfter(paragraphs, 2) },
          ]),
          entry(1, (paragraphs) => [
            { itemId: landscape, layout: 'full', width: 0.8, ...anchorAfter(paragraphs, 4) },
          ]),
        ],
      },
      { id: 'b', title: SECTIONS[1]!, articles: [entry(2, () => [])] },
    ],
  });
  pdf = path.join(dir, 'volume.pdf');
  report = await call('volumes.compile', { volumeId: volume.id, output: pdf });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the web text, cleaned in review', () => {
  it('came in with ASCII marks, straight quotes and hard wraps, and the cleanups were offered', () => {
    imported.forEach(({ before }, i) => {
      expect(before.text).toMatch(ASCII_BETWEEN_HAN);
      expect(before.text).toContain('"');
      expect(before.text.split('\n').length).toBeGreaterThan(cleanTexts[i]!.split('\n').length + 10);
      expect(before.suggestions.map((s) => (s.value as { kind?: string }).kind).sort()).toEqual([
        'linebreaks',
        'punctuation',
        'quotes',
      ]);
    });
  });

  it('reads as the paragraphs were written once accepted: full-width marks, curly quotes, lines joined', () => {
    imported.forEach(({ before, after }, i) => {
      expect(after.text).toBe(cleanTexts[i]);
      expect(after.rawText).toBe(before.text);
      expect(after.suggestions).toEqual([]);
    });
  });
});

describe('the compiled volume', () => {
  it('is a valid PDF with both figures in full resolution and nothing reported', () => {
    expect(qpdfCheck(pdf).ok).toBe(true);
    expect(report.figures).toBe(2);
    expect(report.lowResolution).toEqual([]);
    expect(report.movedFigures).toEqual([]);
    expect(report.missingImages).toEqual([]);
    expect(report.missingGlyphs).toEqual([]);
    expect(report.garbled).toEqual([]);
  });

  it('prints no ASCII , ! : ; between Chinese characters, no straight quotes and no heading marks', () => {
    const layout = pdfText(pdf, ['-layout']);
    expect(layout).not.toMatch(ASCII_BETWEEN_HAN);
    // Lines broken by the typesetter, joined again.
    expect(squeeze(layout)).not.toMatch(ASCII_BETWEEN_HAN);
    expect(layout).not.toContain('"');
    expect(layout).not.toMatch(/^\s*#/m);
    expect(squeeze(layout)).toContain(REMARK);
  });

  it('comes to a multiple of 4 pages', () => {
    expect(pdfPageCount(pdf) % 4).toBe(0);
  });

  it('has a 版权页 with 开本 once, 印张, 字数, 版次 and 印次', () => {
    const page = pagesText(pdf)[1]!;
    expect(page.match(/开本/g)).toHaveLength(1);
    expect(page).toContain(`印张：${pdfPageCount(pdf) / 16}`);
    expect(page).toMatch(/字数：\d+ 千字/);
    expect(page).toContain(`书名：${BOOK_TITLE}：第一辑`);
    expect(page).toContain('出版：许昌市政协文史资料委员会');
    expect(page).toContain('印制：许昌市彩印有限公司');
    expect(page).toContain('版次：2024年5月第1版');
    expect(page).toContain('印次：2024年5月第1次印刷');
  });
});

describe('小标题', () => {
  it('are in the PDF outline under their article, level 2 nested in level 1', async () => {
    const outline = await outlineOf(pdf);
    let levelTwo = 0;
    for (const article of printed) {
      const expected: { title: string; items: string[] }[] = [];
      for (const line of article.text.split('\n')) {
        const heading = headingOf(line);
        if (heading?.level === 1) expected.push({ title: heading.text, items: [] });
        if (heading?.level === 2) expected.at(-1)!.items.push(heading.text);
      }
      levelTwo += expected.flatMap((e) => e.items).length;
      const section = outline.find((o) => o.title === article.section);
      const entry = section?.items.find((o) => o.title === article.title);
      expect(entry, article.title).toBeDefined();
      expect(entry!.items.map((o) => ({ title: o.title, items: o.items.map((k) => k.title) }))).toEqual(
        expected,
      );
    }
    expect(levelTwo).toBeGreaterThanOrEqual(15);
  });

  it('open at the page that prints them', async () => {
    const pages = pagesText(pdf).map(squeeze);
    const headings = (await outlineOf(pdf))
      .filter((o) => SECTIONS.includes(o.title))
      .flatMap((section) => section.items.flatMap((article) => article.items))
      .flatMap((one) => [one, ...one.items]);
    expect(headings.length).toBeGreaterThanOrEqual(25);
    for (const heading of headings) expect(pages[heading.page - 1], heading.title).toContain(heading.title);
  });

  it('of level 1 are listed in the 目录 with the page they are printed on', () => {
    const pages = pagesText(pdf);
    const body = bodyStart(pdf);
    const toc = pages.find((p) => squeeze(p).startsWith('目录'))!;
    let listed = 0;
    for (const article of printed)
      for (const line of article.text.split('\n')) {
        const heading = headingOf(line);
        if (heading?.level !== 1) continue;
        const entry = toc.split('\n').find((l) => squeeze(l).startsWith(heading.text));
        expect(entry, heading.text).toBeDefined();
        const folio = Number(/(\d+)\s*$/.exec(entry!)![1]);
        expect(squeeze(pages[body + folio - 1]!), heading.text).toContain(heading.text);
        listed++;
      }
    expect(listed).toBe(10);
  });
});

describe('figures inside articles', () => {
  const cases = [
    { name: 'half width, beside the text', caption: captions.half, portrait: true },
    { name: 'full width', caption: captions.full, portrait: false },
  ];
  it.each(cases)(
    'prints the $name figure with its caption under it, on the same page',
    async ({ caption, portrait }) => {
      const pages = pagesText(pdf).map(squeeze);
      const captionPages = pages.flatMap((p, i) => (p.includes(squeeze(caption[0]!)) ? [i + 1] : []));
      expect(captionPages).toHaveLength(1);
      const page = captionPages[0]!;
      // The image on that page, told apart by its shape.
      const images = imagePages(pdf).filter((image) => image.page === page);
      expect(images).toHaveLength(1);
      expect(images[0]!.height > images[0]!.width).toBe(portrait);
      const [box] = await imagesPlaced(pdf, page);
      const lines = linesPlaced(pdf, page);
      const first = lines.find((l) => squeeze(l.text).startsWith(squeeze(caption[0]!).slice(0, 6)));
      expect(first, caption[0]).toBeDefined();
      // Under the image, within a line or two of it, and centred under it.
      const bottom = box!.top + box!.height;
      expect(first!.top).toBeGreaterThan(bottom);
      expect(first!.top - bottom).toBeLessThan(30);
      expect(first!.x + first!.width / 2).toBeCloseTo(box!.x + box!.width / 2, -1);
      // Beside a half-width figure, lines of text on its left; above and below a full-width one only.
      const beside = lines.filter(
        (l) => l.top > box!.top && l.top + l.height < bottom && l.x + l.width < box!.x && l.text.length > 5,
      );
      if (portrait) expect(beside.length).toBeGreaterThanOrEqual(5);
      else expect(beside).toEqual([]);
      if (caption[1]) {
        const next = lines[lines.indexOf(first!) + 1]!;
        expect(squeeze(next.text)).toContain(caption[1]);
        expect(next.top).toBeGreaterThan(first!.top);
      }
    },
  );

  it('adds the 左起 line of the people marked on the photo', () => {
    const text = squeeze(pdfText(pdf));
    expect(text).toContain(`${captions.half[0]}左起：${poets[0]!.name}、${poets[1]!.name}`);
  });
});

describe('the index', () => {
  it('gives exactly the body pages whose text holds each name, running heads and folios left out', () => {
    const raw = pagesText(pdf, ['-raw']);
    const index = printedIndex(raw, HEADS);
    const body = bodyPagesText(raw, bodyStart(pdf), HEADS);
    const people = poets.slice(0, 10).map((p) => p.name);
    for (const name of [...people, '河北', '许昌']) expect(index.has(name), name).toBe(true);
    let multiPage = 0;
    for (const [name, pages] of index) {
      const expected = pagesHolding(body, name);
      expect(pages, name).toBe(pageRanges(expected));
      if (expected.length > 1) multiPage++;
    }
    expect(multiPage).toBeGreaterThanOrEqual(5);
    // 许昌 is in the running head of every left-hand page, and in the text only in the 后记.
    expect(index.get('许昌')).toBe(pageRanges(pagesHolding(body, '诸人传略')));
    expect(pagesHolding(body, '诸人传略')).toHaveLength(1);
  });
});
