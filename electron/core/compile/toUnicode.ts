import { inflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFRawStream, PDFRef, PDFString, type PDFDocument } from '@cantoo/pdf-lib';
import { SHORT_CODES_NAME, SHORT_CODESPACE, shortCode, shortCodesCMap } from './shortCodes';

const MAX_ENTRIES_PER_BLOCK = 100;

/**
 * pdf-lib writes each font's whole ToUnicode map as one `beginbfchar` block; the spec allows
 * at most 100 entries a block, and after a print shop's Ghostscript pass text from such a map
 * extracts as garbage. This rewrites every Type0 font's map into blocks of ≤ 100 entries.
 * Call after `pdfDoc.flush()`, when fonts are embedded.
 *
 * Fonts whose pages were written in short codes (`shortCoded`: the font dictionary's reference →
 * its subset's glyph count) get the encoding CMap of those codes, and their map keyed by them.
 */
export function splitToUnicodeMaps(pdfDoc: PDFDocument, shortCoded = new Map<string, number>()): void {
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
    const glyphs = shortCoded.get(fontRef.toString());
    context.assign(ref, context.flateStream(rewriteCMap(cmap, glyphs !== undefined)));
    if (glyphs === undefined) continue;
    const encoding = context.flateStream(shortCodesCMap(glyphs), {
      Type: 'CMap',
      CMapName: SHORT_CODES_NAME,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    });
    object.set(PDFName.of('Encoding'), context.register(encoding));
  }
}

export function rewriteCMap(cmap: string, short = false): string {
  const pairs = [...cmap.matchAll(/^<([0-9a-fA-F]+)>\s+(<[0-9a-fA-F]+>)$/gm)].map(
    (m) => `<${short ? shortCode(parseInt(m[1]!, 16)) : m[1]}> ${m[2]}`,
  );
  let head = cmap.slice(0, cmap.indexOf('endcodespacerange') + 'endcodespacerange'.length);
  if (short) head = head.replace(/\d+ begincodespacerange[\s\S]*endcodespacerange/, SHORT_CODESPACE);
  const tail = cmap.slice(cmap.lastIndexOf('endbfchar') + 'endbfchar'.length);
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += MAX_ENTRIES_PER_BLOCK) {
    const chunk = pairs.slice(i, i + MAX_ENTRIES_PER_BLOCK);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return `${head}\n${blocks.join('\n')}${tail}`;
}
