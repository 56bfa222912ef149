import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import type { OpInput, OpName, OpOutput } from '../../electron/contract';
import {
  anchorAfter,
  articleParagraphs,
  leftToRightLine,
  photoCaption,
  resolveAnchor,
  type Region,
} from '../../electron/core/model';
import { fonts } from '../helpers/fonts';
import { makePhotos, poetBiographies } from '../helpers/sampleBook';
import { figureBook } from '../helpers/figureBook';
import { compileVolume, DEFAULT_PAGE_SETTINGS, pageStyleFrom } from '../../electron/core/compile';
import { Flow, Grid } from '../../electron/core/compile/layout';
import { TypesetFont } from '../../electron/core/compile/fonts';
import { PDFDocument } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { pdfPageCount, pdfText } from '../helpers/pdfTools';

const DESK = { canWrite: true, canUseLocalPaths: true };

describe('a figure anchor', () => {
  const text = ['第一段，写起步。', '第二段，写收购头发。', '第三段，写出口。', '第四段，写今天。'].join(
    '\n',
  );

  it('keeps its paragraph when paragraphs are added or removed above it', () => {
    const anchor = anchorAfter(articleParagraphs(text), 2);
    expect(anchor).toEqual({ after: 2, quote: '第二段，写收购头发。' });
    const added = articleParagraphs(`新加的一段。\n\n${text}`);
    expect(resolveAnchor(added, anchor)).toEqual({ after: 3, lost: false });
    const removed = articleParagraphs(text.split('\n').slice(1).join('\n'));
    expect(resolveAnchor(removed, anchor)).toEqual({ after: 1, lost: false });
    // Marked as a 小标题, or respaced: still the same paragraph.
    const heading = articleParagraphs(text.replace('第二段，写收购头发。', '## 第二段，写收购 头发。'));
    expect(resolveAnchor(heading, anchor)).toEqual({ after: 2, lost: false });
  });

  it('falls back to its count, and says so, when its paragraph is gone', () => {
    const anchor = anchorAfter(articleParagraphs(text), 2);
    const rewritten = articleParagraphs('全部重写的第一段。\n全部重写的第二段。\n全部重写的第三段。');
    expect(resolveAnchor(rewritten, anchor)).toEqual({ after: 2, lost: true });
    expect(resolveAnchor(rewritten, { after: 9 })).toEqual({ after: 3, lost: false });
    expect(anchorAfter(articleParagraphs(text), 0)).toEqual({ after: 0 });
  });

  it('names the people marked on a photo left to right under its 图片说明', () => {
    const regions: Region[] = [
      { x: 0.6, y: 0.2, w: 0.2, h: 0.5, name: '张三' },
      { x: 0.1, y: 0.3, w: 0.2, h: 0.5, name: '李四' },
      { x: 0.35, y: 0.1, w: 0.2, h: 0.5, name: '王五' },
    ];
    expect(leftToRightLine(regions)).toBe('左起：李四、王五、张三');
    expect(leftToRightLine([])).toBe('');
    const photo = { caption: '1984年，许昌发制品厂开业。', regions, originalForm: '' as const, camera: '' };
    expect(photoCaption({ title: '02-长葛发制品厂', photo })).toBe(
      '1984年，许昌发制品厂开业。\n左起：李四、王五、张三',
    );
  });
});

/** Paragraphs of real prose (biographies from chinese-poetry), long enough to run beside a figure. */
function paragraphs(from: number, count: number): string[] {
  const poets = poetBiographies().filter((p) => p.desc.length > 120);
  return poets.slice(from, from + count).map((p) => p.desc.replace(/\s+/g, ''));
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
/** The text of each page of a PDF (1-based page numbers are index + 1), as `pdftotext -layout` gives it. */
function pagesOf(file: string): string[] {
  return Array.from({ length: pdfPageCount(file) }, (_, i) =>
    pdfText(file, ['-layout', '-f', String(i + 1), '-l', String(i + 1)]),
  );
}
function imagesOn(file: string, page: number): number {
  const list = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), file], {
    encoding: 'utf8',
  });
  return list
    .split('\n')
    .slice(2)
    .filter((line) => line.trim()).length;
}
/** Body lines of a page: runs of at least 4 Han characters, split from a caption beside them. */
function hanRuns(page: string): string[] {
  return page
    .split('\n')
    .flatMap((line) => line.trim().split(/\s{2,}/))
    .map(squeeze)
    .filter((run) => /^[\u4e00-\u9fff「『（《]/.test(run) && run.length >= 4);
}

describe('figures inside articles, compiled', () => {
  let dir: string;
  let root: string;
  let service: Application;
  let out: string;
  let report: OpOutput<'volumes.compile'>;
  let pages: string[];
  const first = paragraphs(0, 5);
  const second = paragraphs(5, 8);
  const third = paragraphs(13, 2);
  const added = '（编者补记）这一段是收进卷册以后才加在文章开头的。';

  async function call<K extends OpName>(op: K, args: OpInput<K>): Promise<OpOutput<K>> {
    const result = await service.dispatch(op, args, {}, DESK);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as OpOutput<K>;
  }

  beforeAll(async () => {
    // One library for all the checks below (tempDir's folders go after each test).
    dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-figures-'));
    root = path.join(dir, 'lib');
    await (await Library.create(root, '许昌改革记忆')).close();
    service = await Application.open(root, { fonts });
    const photoDir = path.join(dir, 'photos');
    // Large photos print well at either width; a 400-pixel scan across the text block does not.
    const [group, workshop] = await makePhotos(photoDir, 2, 2400);
    const [small] = await makePhotos(path.join(photoDir, 'small'), 1, 400);
    await call('items.add', { paths: [group!, workshop!], kind: 'photo' });
    const photos = (await call('items.list', { kind: 'photo' })).items;
    const groupItem = photos.find((p) => p.title.endsWith('000'))!;
    const workshopItem = photos.find((p) => p.title.endsWith('001'))!;
    await call('items.update', {
      id: groupItem.id,
      patch: {
        photo: {
          caption: '1984年，许昌发制品厂第一批工人合影',
          regions: [
            { x: 0.62, y: 0.2, w: 0.2, h: 0.6, name: '张德顺' },
            { x: 0.08, y: 0.25, w: 0.2, h: 0.6, name: '李秀英' },
            { x: 0.35, y: 0.15, w: 0.2, h: 0.6, name: '王建国' },
          ],
        },
      },
    });
    await call('items.update', { id: workshopItem.id, patch: { photo: { caption: '发制品厂的车间' } } });
    const articles = [];
    for (const [title, text] of [
      ['发制品厂的起步', first],
      ['车间里的日子', second],
      ['老厂房', third],
    ] as const)
      articles.push(await call('items.create', { kind: 'document', title, text: text.join('\n') }));
    // The small scan is a file of the third article's own item.
    await call('items.add', { paths: [small!], kind: 'document' });
    const scan = (await call('items.list', { kind: 'document' })).items.find((d) => d.title.endsWith('000'))!;
    const scanFile = (await call('items.get', { id: scan.id })).files[0]!;
    const third0 = await call('items.get', { id: articles[2]!.id });
    await call('items.update', { id: third0.id, patch: { files: [...third0.files, scanFile] } });

    const volume = await call('volumes.create', {
      title: '图文',
      sections: [
        {
          id: 's',
          title: '',
          articles: [
            {
              itemId: articles[0]!.id,
              figures: [{ itemId: groupItem.id, width: 0.6, ...anchorAfter(first, 2) }],
            },
            {
              itemId: articles[1]!.id,
              figures: [{ itemId: workshopItem.id, layout: 'half', width: 0.45, ...anchorAfter(second, 1) }],
            },
            {
              itemId: articles[2]!.id,
              figures: [
                { sha256: scanFile.sha256, caption: '附图：老厂房（翻拍）', ...anchorAfter(third, 1) },
                { itemId: workshopItem.id, layout: 'half', after: 1, quote: '早已删去的一段' },
              ],
            },
          ],
        },
      ],
    });
    // The article's text is edited after the figure was placed: a paragraph comes in above it.
    await call('items.update', { id: articles[0]!.id, patch: { text: [added, ...first].join('\n') } });
    out = path.join(dir, 'figures.pdf');
    report = await call('volumes.compile', { volumeId: volume.id, output: out });
    pages = pagesOf(out);
  });

  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints each caption under its figure on the same page', () => {
    expect(report.figures).toBe(4);
    for (const caption of ['1984年，许昌发制品厂第一批工人合影', '发制品厂的车间', '附图：老厂房（翻拍）']) {
      const page = pages.findIndex((p) => squeeze(p).includes(caption));
      expect(page, caption).toBeGreaterThanOrEqual(0);
      expect(imagesOn(out, page + 1), caption).toBeGreaterThanOrEqual(1);
    }
  });

  it('adds the 左起 line of the people marked on the photo', () => {
    const page = pages.find((p) => squeeze(p).includes('1984年，许昌发制品厂第一批工人合影'))!;
    expect(squeeze(page)).toContain('1984年，许昌发制品厂第一批工人合影左起：李秀英、王建国、张德顺');
  });

  it('keeps the figure after its paragraph when a paragraph is added above it', () => {
    const text = squeeze(pdfText(out));
    const caption = text.indexOf('1984年，许昌发制品厂第一批工人合影');
    // The anchor was "after the 2nd paragraph"; with one added on top that is now the 3rd.
    expect(text.indexOf(squeeze(first[1]!).slice(-12))).toBeLessThan(caption);
    expect(text.indexOf(squeeze(first[2]!).slice(0, 12))).toBeGreaterThan(caption);
    expect(text.indexOf(squeeze(added))).toBeLessThan(caption);
  });

  it('runs the text beside a half-width figure in narrower lines', () => {
    const index = pages.findIndex((p) => squeeze(p).includes('发制品厂的车间'));
    const runs = hanRuns(pages[index]!);
    // 39 characters make a full line of 16开 at 五号; beside a 0.45 figure, 39 − 18 − 1 = 20.
    const narrow = runs.filter((r) => r.length >= 15 && r.length <= 21);
    const full = runs.filter((r) => r.length >= 36);
    expect(narrow.length).toBeGreaterThanOrEqual(8);
    expect(full.length).toBeGreaterThanOrEqual(3);
  });

  it('moves a figure that does not fit to the next page while the text runs on', () => {
    const scan = pages.findIndex((p) => squeeze(p).includes('附图：老厂房（翻拍）'));
    // Both figures follow the first paragraph; the second has no room left under the first.
    expect(squeeze(pages[scan]!)).toContain(squeeze(third[1]!).slice(0, 20));
    const floated = pages.findIndex((p, i) => i > scan && squeeze(p).includes('发制品厂的车间'));
    expect(floated).toBe(scan + 1);
    expect(imagesOn(out, floated + 1)).toBe(1);
    expect(squeeze(pages[floated]!)).toContain(squeeze(third[1]!).slice(-20));
  });

  it('warns of a figure under 300 dpi at its printed size, and of one whose paragraph is gone', () => {
    expect(report.lowResolution).toHaveLength(1);
    const [low] = report.lowResolution;
    // 400 pixels across the 409.5 pt text block (5.69 in): about 70 dpi.
    expect(low!.dpi).toBeGreaterThan(60);
    expect(low!.dpi).toBeLessThan(80);
    expect(low!.article).toBe('老厂房');
    // The page named is the page it is printed on: its folio.
    const page = pages.find((p) => squeeze(p).includes('附图：老厂房（翻拍）'))!;
    expect(page.split('\n').map((line) => line.trim())).toContain(low!.page);
    expect(report.movedFigures).toEqual([{ article: '老厂房', file: expect.stringMatching(/001\.jpg$/) }]);
  });
});

describe('text broken again beside a figure that floated to the next page', () => {
  it('keeps the spaces between Latin words where a page ended', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-latin-'));
    try {
      const [photo] = await makePhotos(dir, 1, 1200);
      const words = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
      const book = figureBook([photo!, photo!]);
      const article = book.sections[0]!.articles[0]!;
      // Two paragraphs of words; the half-width figure after the first cannot fit under it and
      // waits at the top of the next page, where the second paragraph runs on beside it.
      article.text = `${words.slice(0, 5200)}\n${words}`;
      article.figures = [{ path: photo!, caption: '合影', width: 0.5, layout: 'half', after: 1 }];
      const { pdf } = await compileVolume({ book, fonts, date: new Date('2024-05-01T00:00:00Z') });
      const file = path.join(dir, 'latin.pdf');
      await writeFile(file, pdf);
      const text = pdfText(file);
      expect(text).not.toMatch(/word\d+word\d+/);
      const narrow = text.split('\n').filter((line) => /^word/.test(line) && line.length < 45);
      expect(narrow.length).toBeGreaterThan(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('figures waiting for their place', () => {
  async function flowOf() {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await TypesetFont.embed(doc, fonts.body, '说明正文');
    const flow = new Flow('body', new Grid(pageStyleFrom(DEFAULT_PAGE_SETTINGS)), {
      body: font,
      heading: font,
      caption: font,
      title: font,
    });
    flow.openPage();
    const pixels = { width: 1200, height: 900 };
    const half = () =>
      flow.figures.block({ file: 'half.jpg', pixels, caption: '说明', share: 0.5, half: true });
    const full = () => flow.figures.block({ file: 'full.jpg', pixels, caption: '说明', share: 1 });
    const text = (chars: number) =>
      flow.paragraph('正文'.repeat(chars / 2), { font, size: 10.5, indent: 21 });
    type Box = { file: string; y: number; height: number };
    const images = (page: number) => flow.pages[page]!.ops.filter((op) => op.kind === 'image') as Box[];
    /** Text lines with a baseline within a figure's height. */
    const beside = (page: number, box: Box) =>
      flow.pages[page]!.ops.filter((op) => op.kind === 'text' && op.y > box.y && op.y < box.y + box.height)
        .length;
    return { flow, half, full, text, images, beside };
  }

  it('go to the next page full-width first, the text running beside the half-width one below', async () => {
    const { flow, half, full, text, images, beside } = await flowOf();
    flow.skip(flow.grid.linesPerPage - 3);
    // Neither fits in the three lines left.
    flow.figures.place(half());
    flow.figures.place(full());
    text(800);
    const [top, below] = images(1);
    expect([top!.file, below!.file]).toEqual(['full.jpg', 'half.jpg']);
    expect(below!.y + below!.height).toBeLessThan(top!.y);
    expect(beside(1, below!)).toBeGreaterThan(3);
  });

  it('hold a full-width figure until the text has passed a half-width one', async () => {
    const { flow, half, full, text, images, beside } = await flowOf();
    flow.figures.place(half());
    flow.figures.place(full());
    text(300);
    flow.figures.settle();
    text(100);
    const [first, second] = images(0);
    expect([first!.file, second!.file]).toEqual(['half.jpg', 'full.jpg']);
    expect(second!.y + second!.height).toBeLessThan(first!.y);
    expect(beside(0, first!)).toBeGreaterThan(3);
  });
});
