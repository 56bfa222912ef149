import { Bookmark, Document, Packer, Paragraph, TextRun } from 'docx';
import { headingOf } from '../../model';
import type { Book, BookArticle } from '../../compile/book';
import { articleMarker, canMark, paragraphMarker } from './markers';
import { paragraphStyles, STYLE } from './styles';

/**
 * The lines of an article's text that are set as paragraphs, with their line numbers; a 小标题's
 * words without its mark, and its level (the mark stays in the text, the proof carries words).
 */
export function proofLines(text: string): { line: number; text: string; level: number }[] {
  return text.split('\n').flatMap((raw, line) => {
    const heading = headingOf(raw);
    const trimmed = heading ? heading.text : raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    return trimmed ? [{ line, text: trimmed, level: heading?.level ?? 0 }] : [];
  });
}

function marked(name: string | undefined, text: string): (TextRun | Bookmark)[] {
  const run = new TextRun(text);
  return name ? [new Bookmark({ id: name, children: [run] })] : [run];
}

function styled(style: string, text: string, bookmark?: string, pageBreak = false): Paragraph {
  return new Paragraph({ style, pageBreakBefore: pageBreak || undefined, children: marked(bookmark, text) });
}

function article(entry: BookArticle, first: boolean): Paragraph[] {
  const id = entry.itemId && canMark(entry.itemId) ? entry.itemId : undefined;
  const out = [styled(STYLE.heading(1), entry.title, id && articleMarker(id), !first)];
  if (entry.byline) out.push(styled(STYLE.byline, entry.byline));
  if (entry.editorNote.trim()) out.push(styled(STYLE.caption, entry.editorNote.trim()));
  // The article is 标题 1, so its 小标题 go one level below it: Word's navigation pane nests them.
  for (const { line, text, level } of proofLines(entry.text))
    out.push(
      styled(level ? STYLE.heading((level + 1) as 2 | 3 | 4) : STYLE.body, text, id && paragraphMarker(id, line)),
    );
  for (const figure of entry.figures) if (figure.caption) out.push(styled(STYLE.caption, figure.caption));
  return out;
}

function titlePage(book: Book): Paragraph[] {
  const out = [styled(STYLE.title, book.title)];
  if (book.subtitle) out.push(styled(STYLE.caption, book.subtitle));
  if (book.compiler) out.push(styled(STYLE.byline, book.compiler));
  return out;
}

/**
 * A volume as a Word document for proofing: real styles (标题 1 for each article, 正文, 署名,
 * 图注), and a bookmark on each article title and each text paragraph naming the item and the
 * line of its text, so a copy proofed with track changes can be read back into the catalog.
 * Images are not included: the proof is of the text and captions.
 */
export async function writeDocx(book: Book): Promise<Buffer> {
  const children: Paragraph[] = [...titlePage(book)];
  let first = false;
  for (const section of book.sections) {
    if (section.title) {
      children.push(styled(STYLE.heading(1), section.title, undefined, true));
      first = true;
    }
    for (const entry of section.articles) {
      children.push(...article(entry, first));
      first = false;
    }
  }
  const document = new Document({
    title: book.title,
    creator: book.compiler || undefined,
    styles: { paragraphStyles },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
