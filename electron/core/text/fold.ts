import * as OpenCC from 'opencc-js/t2cn';

// Folding is done one character at a time so the folded string has exactly the
// same UTF-16 length as the original: offsets found in folded text (search hits,
// snippets) then point at the same place in the original.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const pairCache = new Map<string, string>();

function foldChar(ch: string): string {
  const converted = toSimplified(ch);
  return converted.length === ch.length ? converted : ch;
}

// Tens of millions of characters are folded when an index is built: each BMP code unit's folding
// is worked out once and kept in a table (0 = not yet known).
const table = new Uint16Array(0x10000);

function foldUnit(code: number): number {
  let folded = table[code]!;
  if (folded === 0) {
    const ch = String.fromCharCode(code);
    let out: string;
    if (code >= 0xff01 && code <= 0xff5e) out = String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code < 0x2e80) out = ch.toLowerCase();
    else out = foldChar(ch);
    folded = out.length === 1 ? out.charCodeAt(0) : code;
    table[code] = folded;
  }
  return folded;
}

/** Traditional → simplified, full-width ASCII → half-width, lower case; length-preserving. */
export function foldText(text: string): string {
  const n = text.length;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const pair = text.slice(i, i + 2);
        let folded = pairCache.get(pair);
        if (folded === undefined) pairCache.set(pair, (folded = foldChar(pair)));
        units[i] = folded.charCodeAt(0);
        units[++i] = folded.charCodeAt(1);
        continue;
      }
    }
    units[i] = foldUnit(code);
  }
  // A raw UTF-16 copy: unlike TextDecoder it keeps lone surrogates as they are.
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}
