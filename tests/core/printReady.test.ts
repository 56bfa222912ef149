import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVolume, type Book } from '../../electron/core/compile';
import { pageRanges } from '../../electron/core/compile/bookIndex';
import { fonts } from '../helpers/fonts';
import { makePhotos, sampleBook } from '../helpers/sampleBook';
import { ghostscriptRewrite, pdfFonts, pdfPageCount, pdfText, qpdfCheck } from '../helpers/pdfTools';
import { bodyPagesText, bodyStart, pagesHolding, pagesText, printedIndex } from '../helpers/bookPages';

const MM = 72 / 25.4;
let dir: string;
let book: Book;
let plain: string;
let pdfx: string;

async function compileTo(name: string, b: Book): Promise<string> {
  const { pdf } = await compileVolume({ book: b, fonts, date: new Date('2024-05-01T00:00:00Z') });
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wenshi-print-'));
  const photos = await makePhotos(path.join(dir, 'photos'), 4, 600);
  book = {
    ...sampleBook({ articles: 30, sections: 4, perArticle: 3, photos, figureEvery: 3 }),
    // The free lines an editor typed, one of them a 开本 line the compiler works out itself.
    imprint: ['开本：185 mm × 260 mm\u300016开', '内部资料\u3000免费交流'],
    // From the vocabulary: places no article lists, in simplified script, found in traditional text.
    indexTerms: { people: [], places: ['四川', '成都', '洛阳'] },
  };
  plain = await compileTo('plain.pdf', book);
  pdfx = await compileTo('pdfx.pdf', { ...book, print: { pdfx: true, cropMarks: true, padTo: 4 } });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- qpdf's JSON is checked field by field
function qpdfJson(file: string): any {
  return JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

describe('a print-shop PDF (PDF/X-4)', () => {
  it('has a TrimBox and a 3 mm BleedBox on every page, and crop marks room outside', () => {
    const json = qpdfJson(pdfx);
    const objects = json.qpdf[1];
    const pages = json.pages as { object: string }[];
    expect(pages.length).toBe(pdfPageCount(pdfx));
    for (const { object } of pages) {
      const page = objects[`obj:${object}`].value;
      const [tx1, ty1, tx2, ty2] = page['/TrimBox'] as number[];
      const [bx1, by1, bx2, by2] = page['/BleedBox'] as number[];
      const [, , mx2, my2] = page['/MediaBox'] as number[];
      expect(tx2! - tx1!).toBeCloseTo(185 * MM, 1);
      expect(ty2! - ty1!).toBeCloseTo(260 * MM, 1);
      expect(tx1! - bx1!).toBeCloseTo(3 * MM, 2);
      expect(by1).toBeCloseTo(ty1! - 3 * MM, 2);
      expect(bx2! - tx2!).toBeCloseTo(3 * MM, 2);
      expect(by2! - ty2!).toBeCloseTo(3 * MM, 2);
      expect(bx1).toBeGreaterThan(0);
      expect(mx2).toBeGreaterThan(bx2!);
      expect(my2).toBeGreaterThan(by2!);
      // PDF/X allows no annotations (the TOC links) on the printed page.
      expect(page['/Annots'] ?? []).toEqual([]);
    }
  });

  it('has one GTS_PDFX output intent with an ICC profile, and says PDF/X-4 in Info and XMP', () => {
    const json = qpdfJson(pdfx);
    const objects = json.qpdf[1];
    const trailer = objects.trailer.value;
    const root = objects[`obj:${trailer['/Root']}`].value;
    const intents = root['/OutputIntents'] as string[];
    expect(intents).toHaveLength(1);
    const intent = objects[`obj:${intents[0]}`].value;
    expect(intent['/S']).toBe('/GTS_PDFX');
    expect(intent['/OutputConditionIdentifier']).toMatch(/sRGB/);
    const profile = objects[`obj:${intent['/DestOutputProfile']}`].stream;
    expect(profile.dict['/N']).toBe(3);
    const info = objects[`obj:${trailer['/Info']}`].value;
    expect(info['/GTS_PDFXVersion']).toBe('u:PDF/X-4');
    expect(info['/Trapped']).toBe('/False');
    expect(trailer['/ID']).toHaveLength(2);
    const xmp = execFileSync('qpdf', [pdfx, '--show-object=' + root['/Metadata'], '--filtered-stream-data']);
    expect(xmp.toString('utf8')).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(execFileSync('pdfinfo', [pdfx], { encoding: 'utf8' })).toMatch(/PDF subtype:\s+PDF\/X-4/);
  });

  it('embeds every font, passes qpdf --check, and keeps its text through a Ghostscript pass', () => {
    expect(qpdfCheck(pdfx).ok).toBe(true);
    const rows = pdfFonts(pdfx);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ embedded: true, subset: true, unicode: true });
    const rewritten = path.join(dir, 'gs.pdf');
    ghostscriptRewrite(pdfx, rewritten);
    const text = pdfText(rewritten).replace(/\s+/g, '');
    for (const article of book.sections.flatMap((s) => s.articles))
      expect(text).toContain(article.text.split('\n')[0]!.replace(/\s+/g, '').slice(0, 40));
  });
});

describe('pages', () => {
  it('come to a multiple of 4, or of 2 when asked', async () => {
    expect(pdfPageCount(plain) % 4).toBe(0);
    expect(pdfPageCount(pdfx) % 4).toBe(0);
    const two = await compileTo('two.pdf', {
      ...book,
      sections: book.sections.slice(0, 1),
      print: { pdfx: false, cropMarks: false, padTo: 2 },
    });
    expect(pdfPageCount(two) % 2).toBe(0);
  });

  it('open each section, 前言, 后记 and the 目录 on a right-hand (odd) page', () => {
    const pages = pagesText(plain).map((p) => p.replace(/\s+/g, ''));
    const startsWith = (title: string) => pages.findIndex((p) => p.startsWith(title.replace(/\s+/g, '')));
    const openers = [...book.sections.map((s) => s.title), '前言', '目录', '后记', '人名索引'];
    for (const title of openers) {
      const index = startsWith(title);
      expect(index, title).toBeGreaterThanOrEqual(0);
      expect((index + 1) % 2, title).toBe(1);
    }
  });
});

describe('the 版权页', () => {
  it('states 开本 once, 印张 worked out from the page count, 字数 in 千字, 版次 and 印次', () => {
    const text = pdfText(plain, ['-f', '2', '-l', '2']);
    const count = pdfPageCount(plain);
    expect(text.match(/开本/g)).toHaveLength(1);
    expect(text).not.toContain('16开');
    expect(text).toMatch(/开本：787 mm × 1092 mm\s+1\/16/);
    expect(text).toContain(`印张：${count / 16}`);
    const words = /字数：(\d+) 千字/.exec(text);
    expect(words).not.toBeNull();
    // 版面字数: 39 characters × 33 lines (16开, 五号 on 1.75 leading) × every page of the book.
    expect(Number(words![1])).toBe(Math.round((39 * 33 * count) / 1000));
    expect(text).toContain('书名：许昌改革记忆：第一辑');
    // The title page's 「…委员会 编」: the 编 is the label's word already.
    expect(text).toMatch(/编者：许昌市政协文史资料委员会\n/);
    expect(text).toContain('出版：许昌市政协文史资料委员会');
    expect(text).toContain('印制：许昌市彩印有限公司');
    expect(text).toContain('版次：2024年5月第1版');
    expect(text).toContain('印次：2024年5月第1次印刷');
    expect(text).toContain('内部资料');
  });
});

describe('the index', () => {
  it('gives every page whose text holds the name, as ranges, and only those', () => {
    const heads = [book.title, ...book.sections.map((s) => s.title), '索引', '后记'];
    const raw = pagesText(plain, ['-raw']);
    const index = printedIndex(raw, heads);
    const names = [
      ...new Set([
        ...book.sections.flatMap((s) => s.articles.flatMap((a) => a.people)),
        ...book.indexTerms!.places,
      ]),
    ];
    expect(index.size).toBeGreaterThan(names.length * 0.9);
    // Each body page's text as pdftotext gives it, without its running head and folio.
    const bodyPages = bodyPagesText(raw, bodyStart(plain), heads);
    let multiPage = 0;
    for (const name of names) {
      const expected = pagesHolding(bodyPages, name);
      if (expected.length === 0) continue;
      expect(index.get(name), name).toBe(pageRanges(expected));
      if (expected.length > 1) multiPage++;
    }
    // Names occur beyond their own article's first page: the index says where.
    expect(multiPage).toBeGreaterThan(5);
    expect(index.get('四川')).toMatch(/\d/);
  });

  it('writes runs of pages as ranges', () => {
    expect(pageRanges([27, 12, 13, 14, 14])).toBe('12–14，27');
    expect(pageRanges([3])).toBe('3');
  });
});
