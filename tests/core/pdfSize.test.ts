import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileVolume } from '../../electron/core/compile';
import { SHORT_CODE_CAPACITY, shortCode, shortCodesCMap } from '../../electron/core/compile/shortCodes';
import { sampleBook } from '../helpers/sampleBook';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';
import { pdfFonts, pdfText, qpdfCheck } from '../helpers/pdfTools';

describe('short glyph codes', () => {
  it('are one byte for the first 192 glyphs and two bytes after, up to the capacity', () => {
    expect(shortCode(1)).toBe('01');
    expect(shortCode(191)).toBe('BF');
    expect(shortCode(192)).toBe('C000');
    expect(shortCode(192 + 256)).toBe('C100');
    expect(shortCode(SHORT_CODE_CAPACITY - 1)).toBe('FFFF');
    expect(() => shortCode(SHORT_CODE_CAPACITY)).toThrow(RangeError);
  });

  it('map back to the glyph ids in CMap ranges that differ in their last byte only', () => {
    const cmap = shortCodesCMap(700);
    const ranges = [...cmap.matchAll(/^<([0-9A-F]+)> <([0-9A-F]+)> (\d+)$/gm)].map((m) => [
      m[1]!,
      m[2]!,
      Number(m[3]),
    ]);
    expect(ranges).toEqual([
      ['00', 'BF', 0],
      ['C000', 'C0FF', 192],
      ['C100', 'C1FF', 448],
    ]);
  });
});

describe('a compiled volume', () => {
  it('writes its pages small: short codes, shared resources, pages in object streams; text unchanged', async () => {
    const dir = await tempDir();
    const book = sampleBook({ articles: 12, sections: 2, perArticle: 3, photos: [] });
    const { pdf } = await compileVolume({ book, fonts, date: new Date('2024-05-01T00:00:00Z') });
    const file = path.join(dir, 'book.pdf');
    await writeFile(file, pdf);
    expect(qpdfCheck(file).ok).toBe(true);
    for (const row of pdfFonts(file))
      expect(row).toMatchObject({ embedded: true, subset: true, unicode: true });
    const text = pdfText(file).replace(/\s+/g, '');
    for (const article of book.sections.flatMap((s) => s.articles))
      expect(text).toContain(article.text.split('\n')[0]!.replace(/\s+/g, ''));

    const expanded = path.join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, expanded]);
    const source = readFileSync(expanded, 'latin1');
    expect(source).toContain('/CMapName /Wenshi-Short-H');
    // Glyphs stored in code point order, numbered for the pages by use: a CIDToGIDMap between.
    expect(source).toMatch(/\/CIDToGIDMap \d+ 0 R/);
    // The body font's commonest glyphs in one byte: fewer string bytes than characters × 2.
    const strings = [...source.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) =>
      m[1]!.replace(/\\(.)/g, '$1'),
    );
    const bytes = strings.reduce((n, s) => n + s.length, 0);
    const chars = text.length;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(chars * 1.6);
    // One resource dictionary for the pages without figures, and no page object written loose.
    const pageResources = new Set(
      [...source.matchAll(/\/Type \/Page\b[\s\S]*?\/Resources (\d+ 0 R)/g)].map((m) => m[1]),
    );
    expect(pageResources.size).toBe(1);
    const xref = execFileSync('qpdf', ['--show-xref', file], { encoding: 'utf8' });
    const pageIds = execFileSync('qpdf', ['--show-pages', file], { encoding: 'utf8' })
      .split('\n')
      .flatMap((line) => /^page \d+: (\d+) 0 R/.exec(line)?.[1] ?? []);
    expect(pageIds.length).toBeGreaterThan(10);
    for (const id of pageIds) expect(xref).toMatch(new RegExp(`^${id}/0: compressed`, 'm'));
  });
});
