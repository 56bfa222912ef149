import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { fonts } from '../helpers/fonts';
import { scannedPdf } from '../helpers/scannedPdf';
import { samplePlan, textPage } from '../helpers/textPages';
import { tempDir } from '../helpers/tempDir';

const DOOR = { canWrite: true, canUseLocalPaths: true };

async function call<T>(app: Application, op: string, args: unknown): Promise<T> {
  const result = await app.dispatch(op, args, {}, DOOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('the page image proofreading shows', () => {
  it('draws each page of a scanned PDF as OCR read it, so the line boxes land on the lines', async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    await (await Library.create(root, '资料库')).close();
    const { simplified } = samplePlan();
    const first = await textPage({ text: simplified.slice(0, 40), dpi: 150, perLine: 20 });
    const second = await textPage({ text: simplified.slice(40, 60), dpi: 150, perLine: 20 });
    const file = path.join(dir, '扫描件.pdf');
    await writeFile(file, await scannedPdf([first.png, second.png], 150));
    const app = await Application.open(root, { fonts });
    try {
      const added = await call<OpOutput<'items.add'>>(app, 'items.add', { paths: [file], ocr: true });
      const id = added.added[0]!;
      const { pages } = await call<OpOutput<'ocr.pages'>>(app, 'ocr.pages', { id });
      expect(pages).toHaveLength(2);
      const shown = await call<OpOutput<'ocr.pageImage'>>(app, 'ocr.pageImage', { id, file: pages[1]!.file, page: 2 });
      expect(shown.image.startsWith('data:image/jpeg;base64,')).toBe(true);
      // The same shape as the page read, so a box in fractions of one is in place on the other.
      expect(shown.width / shown.height).toBeCloseTo(pages[1]!.width / pages[1]!.height, 2);
      const jpeg = Buffer.from(shown.image.slice(shown.image.indexOf(',') + 1), 'base64');
      const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
      // Ink inside the second page's one line box, none in the blank page below it.
      const ink = (box: { x: number; y: number; w: number; h: number }) => {
        let dark = 0;
        for (let y = Math.floor(box.y * info.height); y < (box.y + box.h) * info.height; y++)
          for (let x = Math.floor(box.x * info.width); x < (box.x + box.w) * info.width; x++)
            if (data[y * info.width + x]! < 128) dark++;
        return dark;
      };
      const line = pages[1]!.lines[0]!.box;
      expect(pages[1]!.lines).toHaveLength(1);
      expect(ink(line)).toBeGreaterThan(100);
      expect(ink({ x: line.x, y: Math.min(0.9, line.y + line.h * 2), w: line.w, h: line.h })).toBe(0);

      await expect(call(app, 'ocr.pageImage', { id, file: pages[1]!.file, page: 3 })).rejects.toThrow('这一页没有识别结果');
      await expect(call(app, 'ocr.pageImage', { id, file: 'a'.repeat(64), page: 1 })).rejects.toThrow('这一页没有识别结果');
    } finally {
      await app.close();
    }
  }, 300_000);
});
