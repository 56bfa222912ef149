import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WenshiError } from '../errors';
import { checkPdf, PDF_BUDGET, type PdfFindings } from './checkPdf';

export type PdfDocument = Awaited<
  ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']
>;

/**
 * Opens a PDF with pdf.js after the budget checks (file size, inflated streams, page count), the
 * one way text extraction and OCR both read PDFs. The caller destroys the document.
 */
export async function openCheckedPdf(
  file: string,
  size: number,
): Promise<{ document: PdfDocument; findings: PdfFindings }> {
  const name = path.basename(file);
  if (size > PDF_BUDGET.fileBytes) throw new WenshiError('unsupported', 'pdf_file_too_large', { name });
  const bytes = await readFile(file);
  const findings = await checkPdf(bytes, name);
  // Loaded on first use: pdf.js is large, and most imports have no PDF.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document: PdfDocument;
  try {
    document = await pdfjs.getDocument({
      // The checked bytes themselves, not a copy: a scanned book is hundreds of megabytes.
      data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      // Fonts are not compiled to code and nothing from the file is ever run.
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    if ((error as Error).name === 'PasswordException') throw new WenshiError('unsupported', 'pdf_encrypted');
    throw new WenshiError('unsupported', 'pdf_damaged');
  }
  if (document.numPages > PDF_BUDGET.pages) {
    const pages = document.numPages;
    await document.destroy();
    throw new WenshiError('unsupported', 'pdf_too_many_pages', { pages, max: PDF_BUDGET.pages, name });
  }
  return { document, findings };
}
