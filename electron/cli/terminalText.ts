/**
 * Names and titles come from files and people: a newline in one would forge a line of output, an
 * escape sequence would rewrite the terminal, and a bidirectional override (U+202E) would show
 * `报告txt.exe` as `报告exe.txt`. Before they reach a terminal such characters are written out
 * visibly (`\n`, `\x1b`, `<U+202E>`); the catalog keeps them as they are.
 */
// eslint-disable-next-line no-control-regex -- these are exactly what is made visible
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function visible(text: string, keepLineBreaks = false): string {
  return text.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    if (keepLineBreaks && ch === '\n') return ch;
    if (NAMED[ch]) return NAMED[ch];
    if (code < 0xa0) return `\\x${code.toString(16).padStart(2, '0')}`;
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/** Fields that are running text, printed over several lines: their line breaks stay. */
const MULTILINE = new Set(['text', 'rawText', 'snippet', 'abstract', 'notes', 'report']);

/** Every string in a result made visible, for the human-readable output (which adds its own line breaks). */
export function visibleDeep<T>(value: T, keepLineBreaks = false): T {
  if (typeof value === 'string') return visible(value, keepLineBreaks) as T;
  if (Array.isArray(value)) return value.map((v) => visibleDeep(v, keepLineBreaks)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, visibleDeep(v, MULTILINE.has(k))]),
    ) as T;
  return value;
}

/**
 * JSON output escapes control characters already; the directional marks and overrides it leaves
 * as they are, and they can only stand inside strings, so they are escaped there as `\u202e`.
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
