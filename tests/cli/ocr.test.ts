import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { OCR_SUGGESTION_FIELD, PAGE_BREAK } from '../../electron/core/model';
import { OcrStore } from '../../electron/core/ocr';
import { reviewSuggestion } from '../../electron/core/ingest';
import { cer, samplePlan, textPage } from '../helpers/textPages';
import { fileHashes, wenshi } from '../helpers/wenshiCli';

const BIN = fileURLToPath(new URL('../../bin/wenshi.js', import.meta.url));
const plan = samplePlan().simplified;
/** Short pages, so the test reads quickly: a line or two each. */
const TEXTS = [plan.slice(0, 16), plan.slice(16, 32), plan.slice(32, 48), plan.slice(48, 64), plan.slice(64, 80)];

async function page(text: string): Promise<Buffer> {
  return (await textPage({ text, dpi: 150, perLine: 16 })).png;
}

/** A scan of three pages in one TIFF, and a PDF of two scanned pages without a text layer. */
async function scans(dir: string): Promise<{ tiff: string; pdf: string }> {
  const pngs = await Promise.all(TEXTS.map(page));
  const tiff = path.join(dir, '会议记录.tif');
  await writeFile(tiff, await sharp(pngs.slice(0, 3), { join: { animated: true } }).tiff().toBuffer());
  const pdf = await PDFDocument.create();
  for (const png of pngs.slice(3)) {
    const image = await pdf.embedPng(png);
    const sheet = pdf.addPage([image.width * 0.48, image.height * 0.48]);
    sheet.drawImage(image, { x: 0, y: 0, width: sheet.getWidth(), height: sheet.getHeight() });
  }
  const pdfPath = path.join(dir, '扫描件.pdf');
  await writeFile(pdfPath, await pdf.save());
  return { tiff, pdf: pdfPath };
}

/** Runs `wenshi ocr` and kills it (SIGKILL) once `pages` pages are reported done. */
function ocrKilledAfter(root: string, pages: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ocr', root], { env: { ...process.env, LC_ALL: 'zh_CN.UTF-8' } });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const done = [...err.matchAll(/^(\d+)\/\d+/gm)].map((m) => Number(m[1]));
      if (done.some((d) => d >= pages)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`ended by itself (${code}): ${err}`)),
    );
  });
}

async function ocrFiles(root: string): Promise<string[]> {
  const dir = OcrStore.folder(root);
  const out: string[] = [];
  for (const item of await readdir(dir).catch(() => [] as string[]))
    out.push(...(await readdir(path.join(dir, item))).map((name) => `${item}/${name}`));
  return out.filter((name) => name.endsWith('.json')).sort();
}

describe('wenshi ocr (识别文字)', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    // Kept for both tests (the helper's folders go after each test).
    dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-ocr-'));
    root = path.join(dir, 'lib');
    expect(wenshi('init', root).status).toBe(0);
    const { tiff, pdf } = await scans(dir);
    const add = wenshi('add', root, tiff, pdf, '--json');
    expect(add.status, add.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('killed mid-run, resumes at the next page and reads every page once; the text waits for review', async () => {
    await ocrKilledAfter(root, 1);
    const before = await ocrFiles(root);
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.length).toBeLessThan(5);

    const rerun = wenshi('ocr', root, '--json');
    expect(rerun.status, rerun.stderr).toBe(0);
    const result = JSON.parse(rerun.stdout) as {
      pagesRead: number;
      items: { id: string; read: number; kept: number; suggested: boolean }[];
    };
    expect(result.pagesRead).toBe(5 - before.length);
    expect(result.items.reduce((n, i) => n + i.kept, 0)).toBe(before.length);
    const after = await ocrFiles(root);
    expect(after).toHaveLength(5);
    expect(after).toEqual(expect.arrayContaining(before));

    const library = await Library.open(root);
    try {
      const store = new OcrStore(OcrStore.folder(root));
      for (const item of library.catalog.all()) {
        expect(item.text).not.toContain(TEXTS[0]!.slice(0, 6)); // nothing written into the text itself
        const suggestions = item.suggestions.filter((s) => s.field === OCR_SUGGESTION_FIELD);
        expect(suggestions).toHaveLength(1);
        const pages = await store.pages(item);
        expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
        expect(String(suggestions[0]!.value).split(PAGE_BREAK)).toHaveLength(pages.length);
      }
      // Accepted, the text read becomes the item's text, page by page in order.
      const tiffItem = library.catalog.all().find((i) => i.files[0]!.name.endsWith('.tif'))!;
      const index = tiffItem.suggestions.findIndex((s) => s.field === OCR_SUGGESTION_FIELD);
      const accepted = await reviewSuggestion(library, tiffItem.id, index, true);
      const pagesText = accepted.text.split(PAGE_BREAK).map((p) => p.replace(/\n/g, ''));
      expect(pagesText).toHaveLength(3);
      pagesText.forEach((text, i) => expect(cer(TEXTS[i]!, text)).toBeLessThan(0.15));
    } finally {
      await library.close();
    }
  }, 600_000);

  it('keeps the lines and boxes read through a backup, a restore and a merge', async () => {
    const bag = path.join(dir, 'bag');
    const backup = wenshi('backup', root, bag);
    expect(backup.status, backup.stderr).toBe(0);
    const restored = path.join(dir, 'restored');
    const run = wenshi('restore', bag, restored);
    expect(run.status, run.stderr).toBe(0);
    const ours = await fileHashes(root);
    const theirs = await fileHashes(restored);
    const ocrOnly = (hashes: Record<string, string>) =>
      Object.fromEntries(Object.entries(hashes).filter(([rel]) => rel.startsWith('ocr/')));
    expect(Object.keys(ocrOnly(ours))).toHaveLength(5);
    expect(ocrOnly(theirs)).toEqual(ocrOnly(ours));
    // A merge into another library brings them along with the items.
    const other = path.join(dir, 'other');
    expect(wenshi('init', other).status).toBe(0);
    const merge = wenshi('merge', other, bag);
    expect(merge.status, merge.stderr).toBe(0);
    expect(ocrOnly(await fileHashes(other))).toEqual(ocrOnly(ours));
    const library = await Library.open(restored, { readOnly: true });
    try {
      const item = library.catalog.all()[0]!;
      const pages = await new OcrStore(OcrStore.folder(restored)).pages(item);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages[0]!.lines[0]!.box.w).toBeGreaterThan(0);
      expect(pages[0]!.lines[0]!.confidence.length).toBe([...pages[0]!.lines[0]!.text].length);
    } finally {
      await library.close();
    }
  }, 120_000);
});
