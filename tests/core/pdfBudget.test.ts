import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDeflate } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import { checkPdf, PDF_BUDGET } from '../../electron/core/ingest/checkPdf';
import { tempDir } from '../helpers/tempDir';
import { fileHashes } from '../helpers/wenshiCli';
import { pdfWithJavaScript } from '../helpers/hostileFiles';

/** `bytes` zero bytes, deflated a megabyte at a time (never held whole). */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= mb.length) {
    if (!deflate.write(left >= mb.length ? mb : mb.subarray(0, left)))
      await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A PDF written by hand: one page per stream, each stream with the dictionary given. */
function pdfWithStreams(streams: { dict: string; data: Buffer }[], resources = ''): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const add = (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(buffer);
    size += buffer.length;
  };
  add('%PDF-1.7\n');
  const pageIds = streams.map((_, i) => 3 + i * 2);
  const object = (id: number, body: string | Buffer[]) => {
    offsets[id] = size;
    add(`${id} 0 obj\n`);
    if (typeof body === 'string') add(body);
    else for (const piece of body) add(piece);
    add('\nendobj\n');
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(
    2,
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${streams.length} >>`,
  );
  streams.forEach(({ dict, data }, i) => {
    object(
      pageIds[i]!,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageIds[i]! + 1} 0 R ${resources} >>`,
    );
    object(pageIds[i]! + 1, [
      Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  });
  const count = 3 + streams.length * 2;
  const xref = size;
  add(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) add(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

describe('PDF budgets', () => {
  it('refuses a PDF whose small content stream inflates past the budget (a bomb), changing nothing', async () => {
    const dir = await tempDir();
    const library = await Library.create(path.join(dir, 'lib'), 'lib');
    const zeros = await deflatedZeros(PDF_BUDGET.inflatedBytes + 16 * 1024 * 1024);
    const file = path.join(dir, '炸弹.pdf');
    const bytes = pdfWithStreams([{ dict: '/Filter /FlateDecode', data: zeros }]);
    // Well under a megabyte on disk.
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await writeFile(file, bytes);
    const before = await fileHashes(library.root);
    const result = await addPaths(library, [file]);
    expect(result.added).toEqual([]);
    expect(result.failed).toEqual([{ path: file, reason: expect.stringMatching(/压缩炸弹/) }]);
    expect(await fileHashes(library.root)).toEqual(before);
    await library.close();
  });

  it('counts scanned page images at their stored size: a book of large scans passes', async () => {
    // Four pages of 5000 × 5000 grey scans: 100 MB decoded each, 400 MB in all, more than the
    // inflate budget; as in a 500-page book of JPEGs, that is decoded a page at a time by the viewer.
    const scan = await deflatedZeros(5000 * 5000);
    const image =
      '/Type /XObject /Subtype /Image /Width 5000 /Height 5000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode';
    const bytes = pdfWithStreams(Array.from({ length: 4 }, () => ({ dict: image, data: scan })));
    expect(await checkPdf(bytes, 'scan.pdf')).toEqual({ activeContent: [] });
    // One image claiming more pixels than any photo may have is refused, as a photo would be.
    const huge = image.replace('/Width 5000 /Height 5000', '/Width 30000 /Height 30000');
    await expect(checkPdf(pdfWithStreams([{ dict: huge, data: scan }]), 'huge.pdf')).rejects.toThrow(
      /超过安全上限/,
    );
  });

  it('accepts an ordinary text PDF and finds nothing to flag', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 20; i++) pdf.addPage().drawText(`Page ${i}`, { x: 50, y: 700, size: 12, font });
    expect(await checkPdf(Buffer.from(await pdf.save()), 'book.pdf')).toEqual({ activeContent: [] });
  });

  it('flags JavaScript, Launch and actions on opening for review, also inside object streams and with escaped names', async () => {
    expect((await checkPdf(pdfWithJavaScript(), 'a.pdf')).activeContent).toEqual([
      'JavaScript',
      'OpenAction',
    ]);

    const pdf = await PDFDocument.create();
    pdf.addPage();
    // The action is its own object, which pdf-lib packs into a compressed object stream.
    const action = pdf.context.register(pdf.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') }));
    pdf.catalog.set(PDFName.of('OpenAction'), action);
    const packed = Buffer.from(await pdf.save({ useObjectStreams: true }));
    expect(packed.includes('Launch')).toBe(false);
    expect((await checkPdf(packed, 'b.pdf')).activeContent).toEqual(['Launch', 'OpenAction']);

    const escaped = Buffer.from(
      pdfWithJavaScript()
        .toString('latin1')
        .replace(/\/JavaScript/g, '/J#61vaScript')
        .replace('/JS ', '/J#53 '),
      'latin1',
    );
    expect((await checkPdf(escaped, 'c.pdf')).activeContent).toContain('JavaScript');
  });

  it('keeps a PDF with a script, runs nothing and puts it in the review queue', async () => {
    const dir = await tempDir();
    const library = await Library.create(path.join(dir, 'lib'), 'lib');
    const file = path.join(dir, '会议纪要.pdf');
    await writeFile(file, pdfWithJavaScript());
    const result = await addPaths(library, [file]);
    const item = library.catalog.get(result.added[0]!)!;
    expect(item.suggestions).toEqual([
      { field: 'notes', source: 'PDF 含有脚本', value: expect.stringMatching(/JavaScript.*从不执行/) },
    ]);
    await library.close();
  });
});
