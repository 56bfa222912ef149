import * as OpenCC from 'opencc-js';
import type { TypesetFont } from './fonts';
import type { SetFonts } from './layout';
import { COPYRIGHT_TEXT } from './copyrightPage';
import { INDEX_TEXT } from './bookIndex';
import type { Book, MatterText } from './book';

/** Converts every string of the book to one script, counting the characters that changed. */
export function convertScript(book: Book): { book: Book; changed: number } {
  if (book.script === 'keep') return { book, changed: 0 };
  const convert =
    book.script === 'simplified'
      ? OpenCC.Converter({ from: 't', to: 'cn' })
      : OpenCC.Converter({ from: 'cn', to: 't' });
  let changed = 0;
  const c = (text: string) => {
    const out = convert(text);
    if (out !== text) {
      const a = [...text];
      const b = [...out];
      for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) changed++;
    }
    return out;
  };
  const matter = (m?: MatterText) => m && { title: c(m.title), text: c(m.text) };
  const converted: Book = {
    ...book,
    title: c(book.title),
    subtitle: c(book.subtitle),
    compiler: c(book.compiler),
    board: book.board.map((b) => ({ role: c(b.role), names: b.names.map(c) })),
    imprint: book.imprint.map(c),
    ...(book.copyright && {
      copyright: {
        ...book.copyright,
        publisher: c(book.copyright.publisher),
        printer: c(book.copyright.printer),
        edition: c(book.copyright.edition),
        impression: c(book.copyright.impression),
        cip: book.copyright.cip.map(c),
      },
    }),
    preface: matter(book.preface),
    afterword: matter(book.afterword),
    keywords: book.keywords.map(c),
    ...(book.indexTerms && {
      indexTerms: { people: book.indexTerms.people.map(c), places: book.indexTerms.places.map(c) },
    }),
    sections: book.sections.map((s) => ({
      title: c(s.title),
      articles: s.articles.map((a) => ({
        ...a,
        title: c(a.title),
        byline: c(a.byline),
        editorNote: c(a.editorNote),
        text: c(a.text),
        people: a.people.map(c),
        places: a.places.map(c),
        figures: a.figures.map((f) => ({
          ...f,
          caption: c(f.caption),
          ...(f.quote && { quote: convert(f.quote) }),
        })),
      })),
    })),
  };
  return { book: converted, changed };
}

const FIXED_TEXT = `目录编委会前言后记${INDEX_TEXT}${COPYRIGHT_TEXT}ivxlcdm…·`;

export function allText(book: Book): string {
  const c = book.copyright;
  const parts = [book.title, book.subtitle, book.compiler, ...book.imprint, ...book.keywords, FIXED_TEXT];
  if (c) parts.push(c.publisher, c.printer, c.edition, c.impression, c.isbn, ...c.cip);
  for (const b of book.board) parts.push(b.role, ...b.names);
  for (const m of [book.preface, book.afterword]) if (m) parts.push(m.title, m.text);
  for (const s of book.sections) {
    parts.push(s.title);
    for (const a of s.articles)
      parts.push(
        a.title,
        a.byline,
        a.editorNote,
        a.text,
        ...a.people,
        ...a.places,
        ...a.figures.map((f) => f.caption),
      );
  }
  return parts.join('');
}

export function findMissing(book: Book, fonts: SetFonts) {
  const missing = new Map<string, Set<string>>();
  const note = (text: string, where: string, font: TypesetFont) => {
    for (const ch of text) {
      if (/\s/u.test(ch) || font.has(ch)) continue;
      if (!missing.has(ch)) missing.set(ch, new Set());
      missing.get(ch)!.add(where);
    }
  };
  note(book.title, book.title, fonts.title);
  for (const m of [book.preface, book.afterword])
    if (m) {
      note(m.title, m.title, fonts.heading);
      note(m.text, m.title, fonts.body);
    }
  for (const section of book.sections) {
    note(section.title, section.title, fonts.heading);
    for (const a of section.articles) {
      note(a.title, a.title, fonts.heading);
      note(a.byline + a.text, a.title, fonts.body);
      note(a.editorNote + a.figures.map((f) => f.caption).join(''), a.title, fonts.caption);
    }
  }
  return [...missing].map(([char, articles]) => ({ char, articles: [...articles] }));
}
