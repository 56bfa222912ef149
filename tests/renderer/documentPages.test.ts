import { describe, expect, it } from 'vitest';
import { PAGE_BREAK } from '../../electron/contract/shared';
import {
  charsToFill,
  documentPages,
  pageAt,
  screenPages,
  type Page,
} from '../../renderer/src/features/item/documentPages';

const textsOf = (text: string, pages: Page[]) => pages.map((p) => text.slice(p.start, p.end));

describe('document paging', () => {
  it('pages a PDF’s text by its own pages, empty ones included', () => {
    const text = ['第一页', '', '第三页\n第二行'].join(PAGE_BREAK);
    const paging = documentPages(text, 1000);
    expect(paging.original).toBe(true);
    expect(textsOf(text, paging.pages)).toEqual(['第一页', '', '第三页\n第二行']);
  });

  it('still pages at a form feed that lost its line breaks in an edit', () => {
    const text = '甲\f乙\n\f\n丙';
    expect(textsOf(text, documentPages(text, 1000).pages)).toEqual(['甲', '乙', '丙']);
  });

  it('pages PDFs imported before page breaks were kept, when blank lines match the page count', () => {
    const old = '第一页\n\n\n\n第三页';
    expect(textsOf(old, documentPages(old, 1000, 3).pages)).toEqual(['第一页', '', '第三页']);
    // Blank lines that are not page breaks: the text is paged by screen instead.
    const paragraphs = '甲\n\n乙\n\n丙\n\n丁';
    const paging = documentPages(paragraphs, 1000, 2);
    expect(paging.original).toBe(false);
    expect(paging.pages).toEqual([{ start: 0, end: paragraphs.length }]);
  });

  it('cuts text without pages into screens, at a line end, else a sentence end', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `第${i}段文字。`).join('\n');
    const pages = screenPages(lines, 20);
    const texts = textsOf(lines, pages);
    expect(texts.join('')).toBe(lines);
    for (const page of texts.slice(0, -1)) {
      expect(page.length).toBeLessThanOrEqual(20);
      expect(page.endsWith('\n')).toBe(true);
    }
    const sentences = '一二三四五六七。八九十一二三四五六七八九十。一二三';
    expect(textsOf(sentences, screenPages(sentences, 12))[0]).toBe('一二三四五六七。');
  });

  it('never splits a character outside the BMP when it has to cut mid-sentence', () => {
    const text = '𠀀'.repeat(50);
    const texts = textsOf(text, screenPages(text, 7));
    expect(texts.join('')).toBe(text);
    for (const page of texts) expect(page).toMatch(/^(𠀀)+$/u);
  });

  it('pages 300,000 characters without a line break quickly, and finds the page of an offset', () => {
    const text = '许昌改革开放四十年。'.repeat(30_000);
    const started = performance.now();
    const { pages } = documentPages(text, 1200);
    expect(performance.now() - started).toBeLessThan(500);
    // Sentences of ten characters fill pages of 1,200 exactly, each ending at a full stop.
    expect(pages.length).toBe(250);
    expect(pages[0]!.start).toBe(0);
    expect(pages.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.start).toBe(pages[i - 1]!.end);
    for (const page of pages) expect(text[page.end - 1]).toBe('。');
    expect(pageAt(pages, 0)).toBe(0);
    expect(pageAt(pages, pages[7]!.start)).toBe(7);
    expect(pageAt(pages, pages[7]!.start - 1)).toBe(6);
    expect(pageAt(pages, text.length)).toBe(pages.length - 1);
  });

  it('fits about as many characters as a box holds', () => {
    // 30 characters a line, 10 lines.
    expect(charsToFill({ width: 450, height: 270 }, 15, 1.8)).toBe(255);
    expect(charsToFill({ width: 0, height: 0 }, 15, 1.8)).toBe(200);
  });
});
