import { inflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument } from '@cantoo/pdf-lib';

const MAX_ENTRIES_PER_BLOCK = 100;

/**
 * pdf-lib writes each font's whole ToUnicode map as one `beginbfchar` block; the spec allows
 * at most 100 entries a block, and after a print shop's Ghostscript pass text from such a map
 * extracts as garbage. This rewrites every Type0 font's map into blocks of ≤ 100 entries.
 * Call after `pdfDoc.flush()`, when fonts are embedded.
 */
export function splitToUnicodeMaps(pdfDoc: PDFDocument): void {
  const context = pdfDoc.context;
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const ref = object.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of('Filter'));
    const bytes = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
    const cmap = Buffer.from(bytes).toString('latin1');
    context.assign(ref, context.flateStream(rewriteCMap(cmap)));
  }
}

export function rewriteCMap(cmap: string): string {
  const pairs = [...cmap.matchAll(/^(<[0-9a-fA-F]+>)\s+(<[0-9a-fA-F]+>)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  const head = cmap.slice(0, cmap.indexOf('endcodespacerange') + 'endcodespacerange'.length);
  const tail = cmap.slice(cmap.lastIndexOf('endbfchar') + 'endbfchar'.length);
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += MAX_ENTRIES_PER_BLOCK) {
    const chunk = pairs.slice(i, i + MAX_ENTRIES_PER_BLOCK);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return `${head}\n${blocks.join('\n')}${tail}`;
}
