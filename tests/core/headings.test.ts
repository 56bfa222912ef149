import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVolume, type Book } from '../../electron/core/compile';
import { headingOf } from '../../electron/core/model';
import { fonts } from '../helpers/fonts';
import { sampleBook } from '../helpers/sampleBook';
import { pdfText, qpdfCheck } from '../helpers/pdfTools';

interface Outline {
  title: string;
  kids: Outline[];
  dest: unknown;
  open: boolean;
}

let dir: string;
let file: string;
let book: Book;

/** The 目录's level-1 headings and the title that must break at its dash, not inside 许昌市. */
const LONG_TITLE = '新时代新征程中政协文史工作的使命担当——许昌市政协未来五年工作思路';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wenshi-headings-'));
  book = sampleBook({ articles: 24, sections: 2, perArticle: 3, photos: [], headings: true });
  const first = book.sections[0]!.articles[0]!;
  first.title = LONG_TITLE;
  // A first paragraph that only repeats the title (as a Word file's 标题 1 does) is not printed.
  first.text = `# ${LONG_TITLE}\n${first.text}`;
  book.tocHeadings = true;
  book.index = false;
  const { pdf } = await compileVolume({ book, fonts, date: new Date('2024-05-01T00:00:00Z') });
  file = path.join(dir, 'headings.pdf');
  writeFileSync(file, pdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('小标题 in a compiled volume', () => {
  it('is a valid PDF that prints no heading marks', () => {
    expect(qpdfCheck(file).ok).toBe(true);
    expect(pdfText(file)).not.toMatch(/^\s*#/m);
  });

  it('puts two levels of headings into the outline, under their article', () => {
    const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    const outlines = json.outlines as Outline[];
    const section = outlines.find((o) => o.title === book.sections[0]!.title)!;
    const article = book.sections[0]!.articles[1]!;
    const entry = section.kids.find((k) => k.title === article.title)!;
    const levelOne = article.text
      .split('\n')
      .flatMap((l) => (headingOf(l)?.level === 1 ? [headingOf(l)!.text] : []));
    expect(entry.kids.map((k) => k.title)).toEqual(levelOne);
    expect(levelOne.length).toBe(3);
    expect(entry.kids[0]!.kids.map((k) => k.title)).toEqual(['（一）生平', '（二）著述与交游']);
    // Closed under its article, so a long volume's bookmarks stay readable; each opens at its heading.
    expect(entry.open).toBe(false);
    expect(section.open).toBe(true);
    expect(JSON.stringify(entry.kids[0]!.dest)).toMatch(/"\/XYZ",null,\d+(\.\d+)?,null/);
  });

  it('never leaves a heading as the last line of its page', () => {
    const headings = new Set(
      book.sections.flatMap((s) =>
        s.articles.flatMap((a) => a.text.split('\n').flatMap((l) => headingOf(l)?.text ?? [])),
      ),
    );
    const pages = pdfText(file, ['-layout']).split('\f');
    let seen = 0;
    for (const page of pages) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      // The folio is the page's last line; the text's last line is the one before it.
      const text = /^\d+$/.test(lines[lines.length - 1] ?? '') ? lines.slice(0, -1) : lines;
      for (const line of text) if (headings.has(line)) seen++;
      expect(headings.has(text[text.length - 1] ?? ''), text[text.length - 1]).toBe(false);
    }
    expect(seen).toBeGreaterThan(100);
  });

  it('lists level-1 headings in the 目录 when the volume asks for it', () => {
    const layout = pdfText(file, ['-layout']);
    const toc = layout.slice(
      layout.indexOf('目'),
      layout.indexOf(book.sections[0]!.title, layout.indexOf('目') + 10) + 2000,
    );
    const article = book.sections[0]!.articles[1]!;
    const afterTitle = toc.slice(toc.indexOf(squeeze(article.title).slice(0, 6)));
    expect(afterTitle).toMatch(/一、\S+其人\s*…+\s*\d+/);
  });

  it('breaks a long title at its dash, never inside 许昌市, and prints it once', () => {
    const pages = pdfText(file, ['-layout']).split('\f');
    const opening = pages.find((p) => p.includes('许昌市政协未来五年工作思路') && !p.includes('…'))!;
    const lines = opening.split('\n').map((l) => l.trim());
    expect(lines).toContain('新时代新征程中政协文史工作的使命担当——');
    expect(lines).toContain('许昌市政协未来五年工作思路');
    expect(squeeze(opening).split('许昌市政协未来五年工作思路').length).toBe(2);
  });
});
