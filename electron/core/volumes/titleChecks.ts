// Titles an editor should look at before a volume is printed: a file name left as the title, a
// first paragraph that repeats the title.
import { titleRepeatLine, type Volume } from '../model';
import type { ItemSource } from './resolveBook';

export type TitleProblem = 'fileName' | 'repeated';

export interface TitleCheck {
  itemId: string;
  title: string;
  problems: TitleProblem[];
}

/** File extensions of what is imported: a title ending in one is the file's name. */
const EXTENSION =
  /\.(?:docx?|wps|rtf|txt|md|pdf|jpe?g|png|tiff?|heic|gif|bmp|webp|mp3|wav|m4a|aac|flac|mp4|mov|srt|vtt)$/iu;
/** 「02-长葛发制品厂」「3_访谈」「IMG_2041」「DSC01234」「扫描件003」: numbering a person gave files, not a title. */
const NUMBERED_NAME =
  /^(?:\d+\s*[-_－—.．、]\s*\S|(?:IMG|DSC|DSCN|DCIM|PXL|VID|SCAN|扫描件?|微信图片)[\s_-]*\d)/iu;

export function looksLikeFileName(title: string): boolean {
  const t = title.trim();
  return EXTENSION.test(t) || NUMBERED_NAME.test(t) || /^[\w-]+_[\w-]+$/u.test(t);
}

/**
 * The articles of a volume whose title is still a file name (one of its item's files, as import
 * names an item whose text has no title line, or a name that reads like one) or whose text starts
 * by repeating it.
 */
export function titleChecks(volume: Volume, source: ItemSource): TitleCheck[] {
  return volume.sections.flatMap((section) =>
    section.articles.flatMap((entry) => {
      const item = source.get(entry.itemId);
      if (!item) return [];
      const title = entry.title ?? item.title;
      const text = entry.text ?? (item.text || item.abstract);
      const problems: TitleProblem[] = [];
      const fileNames = item.files.map((f) => f.name.replace(/\.[^.]+$/u, '').trim());
      if (fileNames.includes(title.trim()) || looksLikeFileName(title)) problems.push('fileName');
      if (titleRepeatLine(title, text) >= 0) problems.push('repeated');
      return problems.length > 0 ? [{ itemId: item.id, title, problems }] : [];
    }),
  );
}
