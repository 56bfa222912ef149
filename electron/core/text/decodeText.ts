import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE". */
  encoding: string;
  /** Characters that could not be decoded (half a UTF-16 pair, a cut-off last byte), each now U+FFFD. */
  replaced: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * UTF-16 cut short (a copy broken off, a file truncated) ends in half a surrogate pair or half a
 * code unit; iconv passes the first on as a lone surrogate, which is not text (it cannot be stored
 * as UTF-8), and drops the second silently. Both become U+FFFD and are counted, so the import warns.
 */
function utf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): DecodedText {
  const decoded = iconv.decode(Buffer.from(bytes), encoding.toLowerCase());
  let replaced = bytes.length % 2;
  const text = decoded.replace(LONE_SURROGATE, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text: text + '\uFFFD'.repeat(bytes.length % 2), encoding, replaced };
}

/** UTF-8 after a BOM: bytes that do not decode become U+FFFD, and are counted. */
function utf8(bytes: Uint8Array): DecodedText {
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text, encoding: 'UTF-8', replaced: isValidUtf8(bytes) ? 0 : [...text.matchAll(/\uFFFD/g)].length };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of decoded characters that are common CJK ideographs or ASCII; replacement chars count against. */
function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) good -= 5;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d) good += 1;
    else if (c >= 0x3000 && c <= 0x303f)
      good += 1; // CJK punctuation
    else if (c >= 0xff00 && c <= 0xffef) good += 1; // full-width forms
  }
  return good / text.length;
}

/**
 * Decodes a text file whose encoding is not declared: BOMs first, then strict UTF-8, then
 * the legacy Chinese encodings, choosing the one whose result looks most like Chinese text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'UTF-16BE');
  if (isValidUtf8(bytes))
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8', replaced: 0 };

  const buffer = Buffer.from(bytes);
  const candidates = (['GB18030', 'Big5', 'UTF-16LE'] as const).map((encoding) => {
    const text = iconv.decode(buffer, encoding);
    return { text, encoding, score: plausibility(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.encoding === 'UTF-16LE') return utf16(bytes, 'UTF-16LE');
  return { text: best.text, encoding: best.encoding, replaced: [...best.text.matchAll(/\uFFFD/g)].length };
}
