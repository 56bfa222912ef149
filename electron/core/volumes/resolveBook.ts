// From their own modules, not the compiler's index: reading a volume must not load the PDF engine.
import { bylineOf } from '../compile/byline';
import type { Book, BookArticle, BookFigure } from '../compile/book';
import { countChars, isTimedTranscript, transcriptProse } from '../text';
import { WenshiError } from '../errors';
import {
  figureCaption,
  unmarkedText,
  type ArticleEntry,
  type Item,
  type Volume,
  type VolumeCounts,
  type VolumeFieldsInput,
} from '../model';

export interface ItemSource {
  get(id: string): Item | undefined;
  /** Where a file of an item is stored. */
  filePath(sha256: string, name: string): string;
}

function itemOf(source: ItemSource, id: string): Item {
  const item = source.get(id);
  if (!item) throw new WenshiError('not_found', 'volume_item_deleted', { id });
  return item;
}

/** The text an article prints: the volume's edited text, else the item's text, else its 内容提要. */
function articleText(entry: ArticleEntry, item: Item): string {
  return entry.text ?? (item.text || item.abstract);
}

/**
 * What is printed of that text: a transcript (cues of subtitles, timed lines) is set as prose,
 * its speakers' turns as 问/答 paragraphs; any other text as it stands.
 */
function printedText(entry: ArticleEntry, item: Item): string {
  const text = articleText(entry, item);
  // Subtitles' cues, one a line, as import wrote them; a text edited since is left as edited.
  const segments = item.oral?.segments.filter((s) => s.text) ?? [];
  const cues =
    entry.text === undefined &&
    segments.length > 1 &&
    item.text.trim() === segments.map((s) => s.text!.trim()).join('\n');
  if (!cues && !isTimedTranscript(text)) return text;
  const named = (role: string) => item.people.filter((p) => p.role === role).map((p) => p.name);
  return transcriptProse(text, { interviewers: named('interviewer'), narrators: named('narrator') });
}

function figuresOf(entry: ArticleEntry, item: Item, source: ItemSource): BookFigure[] {
  return entry.figures.flatMap((figure) => {
    const owner = figure.itemId ? itemOf(source, figure.itemId) : item;
    const file = figure.sha256
      ? owner.files.find((f) => f.sha256 === figure.sha256)
      : owner.files.find((f) => f.mime.startsWith('image/'));
    if (!file) return [];
    return [
      {
        path: source.filePath(file.sha256, file.name),
        caption: figure.caption ?? figureCaption(owner, file.sha256, Boolean(figure.itemId)),
        width: figure.width,
        layout: figure.layout ?? 'full',
        ...(figure.after !== undefined && { after: figure.after }),
        ...(figure.quote && { quote: figure.quote }),
        name: file.name,
      },
    ];
  });
}

/** The article as this volume prints it: the volume's overrides over the catalog item. */
export function resolveArticle(entry: ArticleEntry, source: ItemSource): BookArticle {
  const item = itemOf(source, entry.itemId);
  return {
    itemId: item.id,
    title: entry.title ?? item.title,
    byline: entry.byline ?? bylineOf(item),
    editorNote: entry.editorNote,
    text: printedText(entry, item),
    figures: figuresOf(entry, item, source),
    people: item.people.map((p) => p.name),
    places: item.places,
  };
}

/**
 * Everything the typesetter needs, with each article resolved from the catalog. `indexTerms`
 * are the vocabulary's people and places, which the index also looks for in the text.
 */
export function resolveBook(
  volume: Volume,
  source: ItemSource,
  indexTerms?: { people: string[]; places: string[] },
): Book {
  return {
    title: volume.title,
    subtitle: volume.subtitle,
    compiler: volume.compiler,
    board: volume.board,
    imprint: volume.imprint.filter((line) => line.trim()),
    copyright: volume.copyright,
    ...(indexTerms && { indexTerms }),
    print: { pdfx: volume.page.pdfx, cropMarks: volume.page.cropMarks, padTo: volume.page.padTo },
    preface: volume.preface.text.trim() ? volume.preface : undefined,
    afterword: volume.afterword.text.trim() ? volume.afterword : undefined,
    index: volume.index,
    keywords: volume.keywords,
    sections: volume.sections.map((section) => ({
      title: section.title,
      articles: section.articles.map((entry) => resolveArticle(entry, source)),
    })),
    style: volume.page,
    recto: volume.page.recto,
    tocHeadings: volume.page.tocHeadings,
    frontNumerals: volume.page.frontNumerals,
    script: volume.page.script,
  };
}

/** A volume of the given items in order, as one untitled section: photo items bring their photo. */
export function volumeFromItems(title: string, items: Item[]): VolumeFieldsInput {
  return {
    title,
    sections: [
      {
        id: 'items',
        articles: items.map((item) => ({
          itemId: item.id,
          figures:
            item.kind === 'photo' && item.files.some((f) => f.mime.startsWith('image/'))
              ? [{ itemId: item.id }]
              : [],
        })),
      },
    ],
  };
}

/** Characters of each article (title and text), section and the whole volume, the Chinese way. */
export function countVolume(volume: Volume, source: ItemSource): VolumeCounts {
  const sections = volume.sections.map((section) => {
    const articles = section.articles.map((entry) => {
      const item = source.get(entry.itemId);
      const title = entry.title ?? item?.title ?? entry.itemId;
      return { itemId: entry.itemId, title, chars: item ? countChars(title + unmarkedText(articleText(entry, item))) : 0 };
    });
    return { id: section.id, chars: articles.reduce((n, a) => n + a.chars, 0), articles };
  });
  const front = countChars(volume.preface.text) + countChars(volume.afterword.text);
  return { total: front + sections.reduce((n, s) => n + s.chars, 0), sections };
}
