/**
 * Short glyph codes: the `Identity-H` encoding spends two bytes on every glyph. With glyph ids
 * given most used character first (`TypesetFont.reserve`), the commonest 192 glyphs (about half
 * of a Chinese text) get one-byte codes 00–BF and the rest two-byte codes C000–FFFF, through a
 * CMap embedded in the PDF: mixed one- and two-byte codes are what GBK-EUC-H and other standard
 * Chinese CMaps do, so every reader knows them. On the benchmark volume the page streams came out
 * about a tenth smaller.
 */
const ONE_BYTE = 0xc0;
const TWO_BYTE_FIRST = 0xc000;
/** Glyphs a subset may have for short codes; a larger one keeps Identity-H. */
export const SHORT_CODE_CAPACITY = ONE_BYTE + (0x10000 - TWO_BYTE_FIRST);
export const SHORT_CODES_NAME = 'Wenshi-Short-H';

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

/** The code of glyph `gid` as hex digits: two for the commonest glyphs, four for the rest. */
export function shortCode(gid: number): string {
  if (gid < ONE_BYTE) return hex2(gid);
  if (gid >= SHORT_CODE_CAPACITY) throw new RangeError(`glyph ${gid} has no short code`);
  return (TWO_BYTE_FIRST + gid - ONE_BYTE).toString(16).toUpperCase();
}

/** The code of a CID: short, or two bytes as Identity-H has them. */
export function cidCode(cid: number, short: boolean): string {
  return short ? shortCode(cid) : cid.toString(16).toUpperCase().padStart(4, '0');
}

/** The codespace of short codes, as CMap source. */
export const SHORT_CODESPACE = `2 begincodespacerange\n<00> <${hex2(ONE_BYTE - 1)}>\n<${TWO_BYTE_FIRST.toString(16).toUpperCase()}> <FFFF>\nendcodespacerange`;

/**
 * The encoding CMap from short codes to CIDs for a subset of `glyphs` glyphs: one range a lead byte, as CMap readers expect ranges to differ in
 * their last byte only, in blocks of at most 100.
 */
export function shortCodesCMap(glyphs: number): string {
  const ranges = [`<00> <${hex2(ONE_BYTE - 1)}> 0`];
  for (let cid = ONE_BYTE; cid < Math.min(glyphs, SHORT_CODE_CAPACITY); cid += 256) {
    const lead = hex2((TWO_BYTE_FIRST + cid - ONE_BYTE) >> 8);
    ranges.push(`<${lead}00> <${lead}FF> ${cid}`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100);
    blocks.push(`${chunk.length} begincidrange\n${chunk.join('\n')}\nendcidrange`);
  }
  return [
    '%!PS-Adobe-3.0 Resource-CMap',
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def',
    `/CMapName /${SHORT_CODES_NAME} def`,
    '/CMapType 1 def',
    SHORT_CODESPACE,
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
    '',
  ].join('\n');
}
