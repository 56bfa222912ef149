import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVolume, type Book, type CompileReport } from '../../electron/core/compile';
import { fonts } from '../helpers/fonts';
import { makePhotos, sampleBook } from '../helpers/sampleBook';
import { pdfFonts, pdfReadingText, pdfText, qpdfCheck, ghostscriptRewrite } from '../helpers/pdfTools';

const NO_LINE_START = '。，、；：？！）」』》〉';
const NO_LINE_END = '（「『《〈';

let dir: string;
let file: string;
let book: Book;
let report: CompileReport;

/** Text a reader follows, with running heads, folios and captions (which float between paragraphs) taken out. */
function readingText(pdf: string): string {
  const heads = [book.title, ...book.sections.map((s) => s.title), '目录', '前言', '后记', '索引'];
  let text = pdfReadingText(pdf, heads);
  for (const figure of book.sections.flatMap((s) => s.articles.flatMap((a) => a.figures)))
    text = text.split(figure.caption.replace(/\s+/g, '')).join('');
  return text;
}

function expectArticlesInOrder(text: string): void {
  let at = 0;
  for (const article of book.sections.flatMap((s) => s.articles)) {
    for (const paragraph of [article.title, ...article.text.split('\n')]) {
      const found = text.indexOf(paragraph.replace(/\s+/g, ''), at);
      expect(found, paragraph.slice(0, 30)).toBeGreaterThanOrEqual(at);
      at = found;
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wenshi-volume-'));
  const photos = await makePhotos(path.join(dir, 'photos'), 8, 900);
  book = sampleBook({ articles: 30, sections: 4, perArticle: 3, photos, figureEvery: 2 });
  const result = await compileVolume({ book, fonts, date: new Date('2024-05-01T00:00:00Z') });
  report = result.report;
  file = path.join(dir, 'volume.pdf');
  writeFileSync(file, result.pdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** qpdf's JSON view of a file, read once however many tests look at it. */
const qpdfJsonCache = new Map<string, unknown>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- qpdf's JSON is checked field by field in the tests
function qpdfJson(file: string): any {
  if (!qpdfJsonCache.has(file))
    qpdfJsonCache.set(
      file,
      JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 1 << 28 })),
    );
  return qpdfJsonCache.get(file);
}

describe('a volume of 30 articles with photos', () => {
  it('compiles to a PDF qpdf accepts, with only embedded subset CID TrueType fonts', () => {
    expect(report.articles).toBe(30);
    expect(report.figures).toBe(15);
    expect(report.missingGlyphs).toEqual([]);
    expect(qpdfCheck(file).ok).toBe(true);
    const rows = pdfFonts(file);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.type).toBe('CID TrueType');
      expect(row).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(row.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('gives back every paragraph in reading order, also after a Ghostscript pdfwrite pass', () => {
    expectArticlesInOrder(readingText(file));
    const rewritten = path.join(dir, 'gs.pdf');
    ghostscriptRewrite(file, rewritten);
    expectArticlesInOrder(readingText(rewritten));
  });

  it('carries metadata and the 16开 page size', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+许昌改革记忆：第一辑/);
    expect(info).toMatch(/Author:\s+许昌市政协文史资料委员会 编/);
    expect(info).toMatch(/Subject:\s+第一辑/);
    expect(info).toMatch(/Keywords:\s+许昌 改革开放 文史资料/);
    // 185 × 260 mm
    expect(info).toMatch(/Page size:\s+524\.4\d* x 737\.0\d* pts/);
    const json = qpdfJson(file);
    const trailer = json.qpdf[1]['trailer'].value as { '/Root': string };
    const root = json.qpdf[1][`obj:${trailer['/Root']}`].value as Record<string, unknown>;
    const lang = root['/Lang'] as string;
    expect(lang).toMatch(/^u:zh-CN$/);
  });

  it('has bookmarks for sections and articles, and page labels', () => {
    const json = qpdfJson(file);
    const outlines = json.outlines as { title: string; kids: { title: string }[] }[];
    const titles = outlines.map((o) => o.title);
    expect(titles).toEqual(['前言', '目录', ...book.sections.map((s) => s.title), '后记', '索引']);
    const section = outlines.find((o) => o.title === book.sections[0]!.title)!;
    expect(section.kids.map((k) => k.title)).toEqual(book.sections[0]!.articles.map((a) => a.title));
    const labels = json.pagelabels as { index: number; label: { '/S'?: string; '/St'?: number } }[];
    expect(labels[0]).toMatchObject({ index: 0, label: { '/S': '/r' } });
    expect(labels[1]!.label['/S']).toBe('/D');
  });

  it('prints TOC page numbers equal to the pages where the articles start', () => {
    const pages = pdfText(file).split('\f');
    const toc = new Map<string, string>();
    for (const line of pdfText(file, ['-layout']).split('\n')) {
      const m = /^\s*(\S.*?)\s*…+\s*(\S+)\s*$/.exec(line);
      if (m) toc.set(m[1]!.replace(/\s+/g, ''), m[2]!);
    }
    const json = qpdfJson(file);
    const bodyStart = (json.pagelabels as { index: number }[])[1]!.index;
    let checked = 0;
    for (const article of book.sections.flatMap((s) => s.articles)) {
      const title = article.title.replace(/\s+/g, '');
      const printed = toc.get(title);
      expect(printed, title).toBeDefined();
      const index = pages.findIndex(
        (page, i) => i >= bodyStart && page.replace(/\s+/g, '').startsWith(title),
      );
      expect(index, title).toBeGreaterThanOrEqual(bodyStart);
      const lines = pages[index]!.split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      // The folio printed at the foot of the opening page, and the page label, agree with the TOC.
      expect(lines[lines.length - 1]).toBe(printed);
      expect(String(index - bodyStart + 1)).toBe(printed);
      checked++;
    }
    expect(checked).toBe(30);
  });

  it('starts no line with closing punctuation and ends none with an opening mark', () => {
    const lines = pdfText(file, ['-layout'])
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines.length).toBeGreaterThan(500);
    for (const line of lines) {
      expect(NO_LINE_START, line).not.toContain(line[0]);
      expect(NO_LINE_END, line).not.toContain(line[line.length - 1]);
    }
  });

  it('compiles the same volume to the same bytes', async () => {
    const again = await compileVolume({ book, fonts, date: new Date('2024-05-01T00:00:00Z') });
    const first = execFileSync('cat', [file]);
    expect(Buffer.compare(Buffer.from(again.pdf), first)).toBe(0);
  });
});

describe('script conversion', () => {
  it('converts the whole volume to simplified and says how many characters changed', async () => {
    const traditional: Book = { ...book, script: 'simplified', sections: book.sections.slice(0, 1) };
    const { pdf, report: converted } = await compileVolume({ book: traditional, fonts, date: new Date(0) });
    const out = path.join(dir, 'simplified.pdf');
    writeFileSync(out, pdf);
    expect(converted.script.mode).toBe('simplified');
    expect(converted.script.changed).toBeGreaterThan(100);
    const text = pdfText(out);
    expect(text).toContain('传略');
    expect(text).not.toContain('傳');
  });
});
