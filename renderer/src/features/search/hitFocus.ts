import type { OpOutput } from '../../../../electron/contract';

type Hit = OpOutput<'search.query'>['hits'][number];

/** Where an item opened from a search should show its match: the words found, and for a recording, when. */
export interface HitFocus {
  /** The first match as written in the item (the snippet is in the original script). */
  text: string;
  /** Seconds into the recording, when the match is in a transcript segment. */
  timecode?: number;
}

export function focusOf(hit: Hit): HitFocus | undefined {
  const first = hit.highlights[0];
  const text = first ? hit.snippet.slice(first[0], first[1]) : '';
  if (!text && hit.timecode === undefined) return undefined;
  return { text, ...(hit.timecode !== undefined && { timecode: hit.timecode }) };
}

/**
 * Splits a page's text around each occurrence of the match, so the viewer can mark them.
 * Plain strings stay as they are; the matches come back as `{ match }`.
 */
export function splitAtMatches(text: string, match: string): (string | { match: string })[] {
  if (!match) return [text];
  const parts: (string | { match: string })[] = [];
  let from = 0;
  for (let at = text.indexOf(match); at >= 0; at = text.indexOf(match, at + match.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push({ match });
    from = at + match.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}
