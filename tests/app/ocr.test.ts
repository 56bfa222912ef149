import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { OCR_SUGGESTION_FIELD } from '../../electron/core/model';
import { fonts } from '../helpers/fonts';
import { samplePlan, textPage } from '../helpers/textPages';
import { tempDir } from '../helpers/tempDir';

const DOOR = { canWrite: true, canUseLocalPaths: true };

async function call<T>(app: Application, op: string, args: unknown): Promise<T> {
  const result = await app.dispatch(op, args, {}, DOOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('识别文字 through the contract', () => {
  it('imports a photographed page with OCR, keeps typed text, and finds the page once its text is accepted', async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    await (await Library.create(root, '资料库')).close();
    const text = samplePlan().simplified.slice(100, 130);
    const scan = path.join(dir, '手稿.png');
    await writeFile(scan, (await textPage({ text, dpi: 150, perLine: 15 })).png);
    const app = await Application.open(root, { fonts });
    try {
      const added = await call<OpOutput<'items.add'>>(app, 'items.add', { paths: [scan], ocr: true });
      expect(added.ocr?.pagesRead).toBe(1);
      const id = added.added[0]!;
      const { pages } = await call<OpOutput<'ocr.pages'>>(app, 'ocr.pages', { id });
      expect(pages).toHaveLength(1);
      expect(pages[0]!.lines.length).toBeGreaterThan(0);

      // Text typed meanwhile is kept: the OCR text comes after it, only when accepted.
      await call(app, 'items.update', { id, patch: { text: '整理者按：原稿一页。' } });
      const phrase = text.slice(3, 9);
      const before = await call<OpOutput<'search.query'>>(app, 'search.query', { query: phrase });
      expect(before.total).toBe(0);
      const item = await call<OpOutput<'items.get'>>(app, 'items.get', { id });
      const index = item.suggestions.findIndex((s) => s.field === OCR_SUGGESTION_FIELD);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(item.text).toBe('整理者按：原稿一页。');
      const accepted = await call<OpOutput<'items.reviewSuggestion'>>(app, 'items.reviewSuggestion', {
        id,
        index,
        accept: true,
      });
      expect(accepted.text.startsWith('整理者按：原稿一页。')).toBe(true);
      expect(accepted.text).toContain(phrase);
      const after = await call<OpOutput<'search.query'>>(app, 'search.query', { query: phrase });
      expect(after.hits.map((h) => h.id)).toContain(id);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('reads the scans of an upload when 识别文字 is ticked, and only the items that have page images', async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    await (await Library.create(root, '资料库')).close();
    // What the browser sent, staged where the server puts uploads: a photographed page and a note.
    const batch = path.join(root, '.incoming', 'batch-ocr-0001');
    await mkdir(batch, { recursive: true });
    const text = samplePlan().simplified.slice(40, 64);
    await writeFile(path.join(batch, '手稿.png'), (await textPage({ text, dpi: 150, perLine: 12 })).png);
    await writeFile(path.join(batch, '说明.txt'), '这是一份手稿的说明。');
    const app = await Application.open(root, { fonts });
    try {
      const report = await call<OpOutput<'uploads.import'>>(app, 'uploads.import', {
        batchId: 'batch-ocr-0001',
        ocr: true,
      });
      expect(report.added).toHaveLength(2);
      expect(report.ocr?.pagesRead).toBe(1);
      const listed = await call<OpOutput<'items.list'>>(app, 'items.list', {});
      const scan = listed.items.find((i) => i.title.includes('手稿'))!;
      expect(report.ocr?.items.map((i) => i.id)).toEqual([scan.id]);
      const { pages } = await call<OpOutput<'ocr.pages'>>(app, 'ocr.pages', { id: scan.id });
      expect(pages).toHaveLength(1);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('is cancelled between pages or mid-page, keeping the pages it finished, and a rerun reads the rest', async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    await (await Library.create(root, '资料库')).close();
    const plan = samplePlan().simplified;
    const paths: string[] = [];
    for (let i = 0; i < 3; i++) {
      const scan = path.join(dir, `第${i + 1}页.png`);
      await writeFile(scan, (await textPage({ text: plan.slice(i * 12, i * 12 + 12), dpi: 150, perLine: 12 })).png);
      paths.push(scan);
    }
    const app = await Application.open(root, { fonts });
    try {
      const added = await call<OpOutput<'items.add'>>(app, 'items.add', { paths });
      const ids = added.added;
      const stop = app.onEvent((event) => {
        if (event.type === 'progress' && event.jobId === 'ocr-1' && event.done === 1)
          void app.dispatch('jobs.cancel', { jobId: 'ocr-1' }, {}, DOOR);
      });
      const cancelled = await app.dispatch('ocr.run', { ids }, { jobId: 'ocr-1' }, DOOR);
      stop();
      expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      const read = async () => {
        let pages = 0;
        for (const id of ids) pages += (await call<OpOutput<'ocr.pages'>>(app, 'ocr.pages', { id })).pages.length;
        return pages;
      };
      const kept = await read();
      expect(kept).toBeGreaterThanOrEqual(1);
      expect(kept).toBeLessThan(3);
      const rerun = await call<OpOutput<'ocr.run'>>(app, 'ocr.run', { ids });
      expect(rerun.pagesRead).toBe(3 - kept);
      expect(await read()).toBe(3);
    } finally {
      await app.close();
    }
  }, 300_000);
});
