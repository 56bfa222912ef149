import yauzl from 'yauzl';
import { checkZip } from '../../ingest/checkZip';
import { WenshiError } from '../../errors';
import { readDocumentXml, type ProofParagraph } from './documentXml';
import { readMarker } from './markers';
import { STYLE } from './styles';

/** document.xml beyond this is not a proof of a volume. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

function readEntry(file: string, name: string, wanted: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const damaged = () => new WenshiError('unsupported', 'docx_damaged_named', { name });
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(damaged());
      zip.on('error', () => reject(damaged()));
      zip.on('end', () => reject(damaged()));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== wanted) return zip.readEntry();
        if (entry.uncompressedSize > MAX_DOCUMENT_BYTES)
          return reject(new WenshiError('unsupported', 'docx_zip_bomb', { name }));
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(damaged());
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', () => reject(damaged()));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks));
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The paragraphs of a .docx with every tracked change accepted; the zip is checked before inflating. */
export async function readProofParagraphs(file: string, name: string): Promise<ProofParagraph[]> {
  await checkZip(file, name);
  const xml = await readEntry(file, name, 'word/document.xml');
  return readDocumentXml(xml.toString('utf8'));
}

/** A paragraph the editor adds by pressing Enter in the text keeps the body style. */
const BODY_STYLES = new Set<string>([STYLE.body, '']);

/** Per item: the proofed text of each marked line (several lines when the editor split it). */
export type ProofedLines = Map<string, Map<number, string>>;

/**
 * Matches paragraphs back to the items and lines they were set from, by their bookmarks. A
 * paragraph without a bookmark after a marked one is a paragraph the editor added: it joins the
 * line before it. A paragraph holding two lines' bookmarks is two lines the editor joined: the
 * later lines are left empty. Headings and article titles end an article's text.
 */
export function matchProof(paragraphs: ProofParagraph[]): ProofedLines {
  const items: ProofedLines = new Map();
  let current: { lines: Map<number, string>; line: number } | undefined;
  for (const paragraph of paragraphs) {
    const markers = paragraph.bookmarks.flatMap((b) => readMarker(b) ?? []);
    const lines = markers.flatMap((m) => (m.kind === 'paragraph' ? [m] : []));
    const text = paragraph.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (lines.length > 0) {
      const [first, ...joined] = lines;
      const map = items.get(first!.itemId) ?? new Map<number, string>();
      items.set(first!.itemId, map);
      map.set(first!.line, text);
      for (const other of joined) {
        const otherMap = items.get(other.itemId) ?? new Map<number, string>();
        items.set(other.itemId, otherMap);
        if (!otherMap.has(other.line)) otherMap.set(other.line, '');
      }
      current = { lines: map, line: first!.line };
    } else if (markers.length > 0 || /^Heading\d$/.test(paragraph.style)) {
      current = undefined;
      for (const m of markers) if (!items.has(m.itemId)) items.set(m.itemId, new Map());
    } else if (!BODY_STYLES.has(paragraph.style)) {
      // A caption or byline after the text: not part of it.
      current = undefined;
    } else if (current && text) {
      const before = current.lines.get(current.line) ?? '';
      current.lines.set(current.line, before ? `${before}\n${text}` : text);
    }
  }
  return items;
}
