// Reads a .docx (a zip) into its parts and writes it back, so a test can edit document.xml the
// way Word would when an editor proofs with track changes.
import yauzl from 'yauzl';
import { zipFile, type ZipEntry } from './hostileFiles';

export function zipEntries(zip: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('not a zip'));
      const entries: ZipEntry[] = [];
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, content: Buffer.concat(chunks) });
            file.readEntry();
          });
        }),
      );
      file.readEntry();
    });
  });
}

/** The .docx with word/document.xml changed by `edit`. */
export async function editDocumentXml(docx: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const entries = await zipEntries(docx);
  return zipFile(
    entries.map((e) =>
      e.name === 'word/document.xml'
        ? { name: e.name, content: Buffer.from(edit(e.content.toString('utf8'))) }
        : e,
    ),
  );
}
