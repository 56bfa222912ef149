/**
 * An oral history's transcript set as prose for print. A transcript comes one cue or one timed
 * line per line (SRT, WebVTT, `[00:12:30] 张三：…`); printed as it is, every cue became a paragraph
 * and a cue's trailing comma stood at a line end. Here the timecodes go, cues are joined into
 * paragraphs, and where the transcript names its speakers each turn is a paragraph of its own,
 * opened by 「问：」 for the interviewer and 「答：」 for the narrator.
 */

const TIMECODE = /^\s*[[【(（]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\]】)）]?\s*/u;
/** A speaker's label at the start of a line: 「问：」「张德顺：」「【记者】」. */
const LABEL = /^(?:【([^】\s]{1,8})】|([^\s：:，,。！？!?“”「」（）()]{1,6})[：:])\s*/u;
const ASKING = new Set([
  '问',
  'Q',
  'q',
  '记者',
  '采访',
  '采访人',
  '采访者',
  '主持人',
  '访谈人',
  '問',
  '記者',
  '採訪',
  '採訪人',
]);
const ANSWERING = new Set(['答', 'A', 'a', '口述', '口述人', '受访者', '受訪者']);
const SENTENCE_END = /[。！？!?…」』”’）)]$/u;
const HAN_END = /[\p{Script=Han}\p{L}\p{N}]$/u;
const HAN_START = /^[\p{Script=Han}“「‘『（(]/u;
/** A run of speech without speakers is cut into paragraphs about this long, at a sentence end. */
const PARAGRAPH_CHARS = 150;

export interface TranscriptSpeakers {
  /** Names the transcript may use for the interviewer (采访人) and the narrator (口述人). */
  interviewers: string[];
  narrators: string[];
}

function labelOf(line: string): { label: string; rest: string } | null {
  const match = LABEL.exec(line);
  if (!match) return null;
  return { label: (match[1] ?? match[2])!, rest: line.slice(match[0].length) };
}

/** Two pieces of one paragraph: a comma between cues that end without a mark, nothing after one. */
function join(before: string, after: string): string {
  if (!before) return after;
  if (HAN_END.test(before) && HAN_START.test(after))
    return /^[\p{Script=Han}]/u.test(after) && /[\p{Script=Han}]$/u.test(before)
      ? `${before}，${after}`
      : before + after;
  if (/[A-Za-z0-9]$/u.test(before) && /^[A-Za-z0-9]/u.test(after)) return `${before} ${after}`;
  return before + after;
}

/** A paragraph ends on a mark: a cue cut off without one gets a full stop. */
function closed(text: string): string {
  return /[\p{Script=Han}]$/u.test(text) ? `${text}。` : text;
}

/**
 * Labels that start two lines or more (or are 问/答 and their kin) are speakers; a single
 * 「他说：」 at a line start is speech, not a speaker.
 */
function speakersIn(lines: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const found = labelOf(line);
    if (found) counts.set(found.label, (counts.get(found.label) ?? 0) + 1);
  }
  return new Set(
    [...counts].filter(([label, n]) => n >= 2 || ASKING.has(label) || ANSWERING.has(label)).map(([l]) => l),
  );
}

/** Whether `text` is a transcript: most of its lines are timed. */
export function isTimedTranscript(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return (
    lines.length >= 2 &&
    lines.filter((l) => TIMECODE.test(l) && /\d:\d\d/u.test(l)).length * 2 >= lines.length
  );
}

export function transcriptProse(text: string, speakers: TranscriptSpeakers): string {
  const lines = text
    .split('\n')
    .map((line) =>
      line.replace(/\d:\d\d/u.test(line) ? TIMECODE : /^$/u, '').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''),
    )
    .filter(Boolean);
  const labels = speakersIn(lines);
  const asks = new Set([...ASKING, ...speakers.interviewers]);
  const answers = new Set([...ANSWERING, ...speakers.narrators]);
  const turn = (label: string) => (asks.has(label) ? '问' : answers.has(label) ? '答' : label);
  const paragraphs: string[] = [];
  let current: { label: string; text: string } | null = null;
  const finish = () => {
    if (current?.text) paragraphs.push((current.label ? `${current.label}：` : '') + closed(current.text));
    current = null;
  };
  for (const line of lines) {
    const found = labelOf(line);
    if (found && labels.has(found.label)) {
      finish();
      current = { label: turn(found.label), text: found.rest };
      continue;
    }
    // Without speakers, a long run of speech is cut at a sentence's end.
    if (
      current &&
      !current.label &&
      labels.size === 0 &&
      current.text.length >= PARAGRAPH_CHARS &&
      SENTENCE_END.test(current.text)
    )
      finish();
    if (!current) current = { label: '', text: '' };
    current.text = join(current.text, line);
  }
  finish();
  return paragraphs.join('\n');
}
