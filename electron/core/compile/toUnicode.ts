import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFDocument,
} from '@cantoo/pdf-lib';
import { SHORT_CODES_NAME, SHORT_CODESPACE, cidCode, shortCodesCMap } from './shortCodes';

const MAX_ENTRIES_PER_BLOCK = 100;

/** How a font's glyphs were numbered for the page streams (`TypesetFont.numbering`). */
export interface FontNumbering {
  /** The CID of each glyph id. */
  cids: number[];
  short: boolean;
}

/**
 * pdf-lib writes each font's whole ToUnicode map as one `beginbfchar` block; the spec allows
 * at most 100 entries a block, and after a print shop's Ghostscript pass text from such a map
 * extracts as garbage. This rewrites every Type0 font's map into blocks of ≤ 100 entries.
 * Call after `pdfDoc.flush()`, when fonts are embedded.
 *
 * Fonts whose pages were written in CIDs of their own (`numbered`, by the font dictionary's
 * reference) get their map keyed by those codes, the glyph of each CID (CIDToGIDMap), the
 * widths by CID, and for short codes the encoding CMap.
 */
export function splitToUnicodeMaps(pdfDoc: PDFDocument, numbered = new Map<string, FontNumbering>()): void {
  const context = pdfDoc.context;
  for (const [fontRef, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const ref = object.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of('Filter'));
    const bytes = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
    const cmap = Buffer.from(bytes).toString('latin1');
    const numbering = numbered.get(fontRef.toString());
    context.assign(ref, context.flateStream(rewriteCMap(cmap, numbering)));
    if (!numbering) continue;
    const cidFont = object.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    renumberGlyphs(pdfDoc, cidFont, numbering.cids);
    if (!numbering.short) continue;
    const encoding = context.flateStream(shortCodesCMap(numbering.cids.length), {
      Type: 'CMap',
      CMapName: SHORT_CODES_NAME,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    });
    object.set(PDFName.of('Encoding'), context.register(encoding));
  }
}

/** The CIDFont's CIDToGIDMap for `cids` (glyph id → CID), and its widths keyed by CID. */
function renumberGlyphs(pdfDoc: PDFDocument, cidFont: PDFDict, cids: number[]): void {
  const context = pdfDoc.context;
  const gids = new Uint8Array(cids.length * 2);
  cids.forEach((cid, gid) => {
    gids[cid * 2] = gid >> 8;
    gids[cid * 2 + 1] = gid & 0xff;
  });
  cidFont.set(PDFName.of('CIDToGIDMap'), context.register(context.flateStream(gids)));
  // pdf-lib writes W as `first [w w …]` runs by glyph id.
  const widths = new Map<number, PDFNumber>();
  const w = cidFont.lookup(PDFName.of('W'), PDFArray);
  for (let i = 0; i + 1 < w.size(); i += 2) {
    const first = w.lookup(i, PDFNumber).asNumber();
    const run = w.lookup(i + 1, PDFArray);
    for (let k = 0; k < run.size(); k++) widths.set(cids[first + k]!, run.lookup(k, PDFNumber));
  }
  // .notdef has no entry: it takes the default width (DW), as pdf-lib left it.
  const first = widths.has(0) ? 0 : 1;
  const byCid = Array.from(
    { length: cids.length - first },
    (_, i) => widths.get(first + i) ?? PDFNumber.of(0),
  );
  cidFont.set(PDFName.of('W'), context.obj([first, byCid]));
}

export function rewriteCMap(cmap: string, numbering?: FontNumbering): string {
  const pairs = [...cmap.matchAll(/^<([0-9a-fA-F]+)>\s+(<[0-9a-fA-F]+>)$/gm)].map((m) => {
    const gid = parseInt(m[1]!, 16);
    return `<${numbering ? cidCode(numbering.cids[gid]!, numbering.short) : m[1]}> ${m[2]}`;
  });
  let head = cmap.slice(0, cmap.indexOf('endcodespacerange') + 'endcodespacerange'.length);
  if (numbering?.short)
    head = head.replace(/\d+ begincodespacerange[\s\S]*endcodespacerange/, SHORT_CODESPACE);
  const tail = cmap.slice(cmap.lastIndexOf('endbfchar') + 'endbfchar'.length);
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += MAX_ENTRIES_PER_BLOCK) {
    const chunk = pairs.slice(i, i + MAX_ENTRIES_PER_BLOCK);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return `${head}\n${blocks.join('\n')}${tail}`;
}
