import mammoth from 'mammoth';

/** What mammoth gives for a document: a tree of elements (paragraphs, runs, text, tables …). */
interface DocElement {
  type: string;
  value?: string;
  styleName?: string | null;
  children?: DocElement[];
}

/** Word's built-in heading styles (「标题 1」 is `heading 1` inside the file), and Chinese names. */
const HEADING_STYLE = /^(?:heading|标题|標題)\s*([1-9])$/iu;

function levelOf(paragraph: DocElement): number {
  const match = HEADING_STYLE.exec(paragraph.styleName?.trim() ?? '');
  return match ? Number(match[1]) : 0;
}

function textOf(element: DocElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  return (element.children ?? []).map(textOf).join('');
}

/** Paragraphs in reading order, with their heading level (0 for text); tables' cells paragraph by paragraph. */
function paragraphsOf(element: DocElement, out: { level: number; text: string }[]): void {
  if (element.type === 'paragraph') {
    out.push({ level: levelOf(element), text: textOf(element) });
    return;
  }
  for (const child of element.children ?? []) paragraphsOf(child, out);
}

/**
 * The text of a .docx, a paragraph a line, with Word's 标题 1–3 (and deeper ones, as 3) marked
 * as 小标题 (`# ` … `### `, see model/headings). When the document opens with a heading that is
 * its title (no other heading at its level) and a deeper level below it (标题 1 for the title,
 * 标题 2 for 一、…), the levels below the title are raised so the highest of them is level 1.
 */
export async function readDocxText(file: string): Promise<string> {
  const paragraphs: { level: number; text: string }[] = [];
  await mammoth.convertToHtml(
    { path: file },
    {
      transformDocument: (document: DocElement) => {
        paragraphsOf(document, paragraphs);
        // Nothing more is wanted from mammoth: no HTML, no images read.
        return { ...document, children: [] };
      },
    },
  );
  const body = paragraphs.filter((p) => p.text.trim() !== '');
  // The title: the first heading, when no other heading is at its level or above.
  const first = body.findIndex((p) => p.level > 0);
  const rest = body.filter((p, i) => p.level > 0 && i !== first).map((p) => p.level);
  const titled = first >= 0 && rest.every((level) => level > body[first]!.level) ? first : -1;
  const levels = titled >= 0 ? rest : body.flatMap((p) => (p.level > 0 ? [p.level] : []));
  const shift = levels.length > 0 ? Math.min(...levels) - 1 : 0;
  return body
    .map((p, i) => {
      if (p.level === 0) return p.text;
      const level = i === titled ? 1 : Math.min(3, Math.max(1, p.level - shift));
      return `${'#'.repeat(level)} ${p.text.trim()}`;
    })
    .join('\n');
}
