import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE". */
  encoding: string;
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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };

  const buffer = Buffer.from(bytes);
  const candidates = (['GB18030', 'Big5', 'UTF-16LE'] as const).map((encoding) => {
    const text = iconv.decode(buffer, encoding);
    return { text, encoding, score: plausibility(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  return { text: best.text, encoding: best.encoding };
}
