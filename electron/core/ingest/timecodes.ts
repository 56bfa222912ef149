import type { Segment } from '../model';

/** `01:02:03,500`, `01:02:03.5`, `02:03.500` or `02:03` → seconds. */
function seconds(timecode: string): number | undefined {
  const match = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(timecode.trim());
  if (!match) return undefined;
  const [, h, m, s, fraction] = match;
  const ms = fraction ? Number(fraction.padEnd(3, '0')) : 0;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + ms / 1000;
}

const CUE_TIMING = /^\s*([\d:.,]+)\s*-->\s*([\d:.,]+)/;

export interface TimedText {
  /** The spoken text, one cue or timed line per line. */
  text: string;
  segments: Segment[];
}

/** SRT and WebVTT: numbered or named cues, a timing line, text lines, a blank line. */
export function parseSubtitles(source: string): TimedText {
  const segments: Segment[] = [];
  const blocks = source
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const timingAt = lines.findIndex((line) => CUE_TIMING.test(line));
    if (timingAt < 0) continue; // WEBVTT header, NOTE and STYLE blocks carry no speech
    const [, from, to] = CUE_TIMING.exec(lines[timingAt]!)!;
    const start = seconds(from!);
    const end = seconds(to!);
    if (start === undefined) continue;
    const text = lines
      .slice(timingAt + 1)
      .join('\n')
      .replace(/<[^>]+>/g, '') // VTT voice and style tags
      .trim();
    if (!text) continue;
    segments.push({ start, ...(end !== undefined && { end }), title: '', summary: '', keywords: [], text });
  }
  return { text: segments.map((s) => s.text).join('\n'), segments };
}

/** A transcript line that starts with a time: `[00:12:30] 张三：…`, `00:12:30 …`. */
const TIMED_LINE = /^\s*[[【(（]?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\]】)）]?\s*(.*)$/;

/**
 * Plain or Word transcripts with a time at the start of lines become segments, each ending where
 * the next begins. Fewer than two timed lines are not a pattern: then there are no segments.
 */
export function segmentsFromTimedLines(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const line of text.split('\n')) {
    const match = TIMED_LINE.exec(line);
    const start = match ? seconds(match[1]!) : undefined;
    if (match && start !== undefined) {
      segments.push({ start, title: '', summary: '', keywords: [], text: match[2]!.trim() });
    } else if (segments.length > 0 && line.trim()) {
      const last = segments[segments.length - 1]!;
      last.text = last.text ? `${last.text}\n${line.trim()}` : line.trim();
    }
  }
  if (segments.length < 2) return [];
  for (let i = 0; i < segments.length - 1; i++) segments[i]!.end = segments[i + 1]!.start;
  return segments;
}
