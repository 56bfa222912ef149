// A scanned PDF as a scanner makes one: each page a picture, no text layer.
import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';

/** PNG pages scanned at `dpi`, one PDF page each, sized as the paper was. */
export async function scannedPdf(pages: Buffer[], dpi: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const png of pages) {
    const { width = 1, height = 1 } = await sharp(png).metadata();
    const image = await pdf.embedPng(png);
    const [w, h] = [(width * 72) / dpi, (height * 72) / dpi];
    pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return Buffer.from(await pdf.save());
}
