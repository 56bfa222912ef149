import * as OpenCC from 'opencc-js/t2cn';

// Folding is done one character at a time so the folded string has exactly the
// same UTF-16 length as the original: offsets found in folded text (search hits,
// snippets) then point at the same place in the original.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const converted = toSimplified(ch);
    folded = converted.length === ch.length ? converted : ch;
    foldCache.set(ch, folded);
  }
  return folded;
}

/** Traditional → simplified, full-width ASCII → half-width, lower case; length-preserving. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0).toLowerCase();
    } else if (code < 0x2e80) {
      out += ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    } else {
      out += foldChar(ch);
    }
  }
  return out;
}
