import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { editDocumentXml } from '../helpers/docxZip';
import { fonts } from '../helpers/fonts';
import { libraryOf } from '../helpers/libraryOf';
import { tempDir } from '../helpers/tempDir';

const DESKTOP = { canWrite: true, canUseLocalPaths: true };
const BROWSER = { canWrite: true, canUseLocalPaths: false };

async function call<T>(app: Application, op: string, args: unknown, door = DESKTOP): Promise<T> {
  const result = await app.dispatch(op, args, {}, door);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const REV = 'w:author="编辑" w:date="2025-03-01T08:00:00Z"';

/** What an editor does in Word with 修订 on: a word replaced in one paragraph, a phrase added to another. */
function proof(xml: string): string {
  return xml
    .replace(
      '<w:t xml:space="preserve">烟叶收购站设在城东。</w:t></w:r>',
      `<w:t xml:space="preserve">烟叶收购站设在城</w:t></w:r><w:del w:id="90" ${REV}><w:r><w:delText>东</w:delText></w:r></w:del><w:ins w:id="91" ${REV}><w:r><w:t>西</w:t></w:r></w:ins><w:r><w:t>。</w:t></w:r>`,
    )
    .replace(
      '<w:t xml:space="preserve">钧窑在神垕。</w:t></w:r>',
      `<w:t xml:space="preserve">钧窑在神垕。</w:t></w:r><w:ins w:id="92" ${REV}><w:r><w:t>宋时已有名。</w:t></w:r></w:ins>`,
    );
}

describe('Word proofs through the application', () => {
  it('exports items to .docx, reads a proofed copy as two changes, applies them as one audited edit', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      const tobacco = await call<{ id: string }>(app, 'items.create', {
        title: '烟草往事',
        kind: 'oral',
        text: '烟叶收购站设在城东。\n每年秋天最忙。',
      });
      const jun = await call<{ id: string }>(app, 'items.create', {
        title: '钧瓷',
        kind: 'document',
        text: '钧窑在神垕。\n入窑一色，出窑万彩。',
      });
      const exported = await call<OpOutput<'volumes.exportDocx'>>(app, 'volumes.exportDocx', {
        itemIds: [tobacco.id, jun.id],
        title: '许昌文史',
      });
      expect(exported.articles).toBe(2);
      expect(path.dirname(exported.path)).toBe(libraryOf(app).path('exports'));
      const { value } = await mammoth.extractRawText({ path: exported.path });
      expect(value).toContain('入窑一色，出窑万彩。');

      const proofed = path.join(await tempDir(), '许昌文史-已校.docx');
      await writeFile(proofed, await editDocumentXml(await readFile(exported.path), proof));
      const diff = await call<OpOutput<'items.proofDiff'>>(app, 'items.proofDiff', { path: proofed });
      expect(diff.missing).toEqual([]);
      expect(diff.articles.flatMap((a) => a.changes)).toEqual([
        { paragraph: 0, before: '烟叶收购站设在城东。', after: '烟叶收购站设在城西。' },
        { paragraph: 0, before: '钧窑在神垕。', after: '钧窑在神垕。宋时已有名。' },
      ]);

      for (const article of diff.articles)
        await call(app, 'items.applyProof', { id: article.itemId, changes: article.changes });
      const item = await call<{ text: string }>(app, 'items.get', { id: jun.id });
      expect(item.text).toBe('钧窑在神垕。宋时已有名。\n入窑一色，出窑万彩。');
      const history = await call<{ action: string }[]>(app, 'items.history', { id: jun.id });
      expect(history.filter((e) => e.action === 'update')).toHaveLength(1);

      // Read again, the proof now agrees with the catalog: nothing left to review.
      const again = await call<OpOutput<'items.proofDiff'>>(app, 'items.proofDiff', { path: proofed });
      expect(again.articles.flatMap((a) => a.changes)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('in the browser reads an uploaded proof (and removes the upload), but refuses a local path', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      const item = await call<{ id: string }>(app, 'items.create', {
        title: '钧瓷',
        kind: 'document',
        text: '钧窑在神垕。',
      });
      const exported = await call<OpOutput<'volumes.exportDocx'>>(app, 'volumes.exportDocx', {
        itemIds: [item.id],
      });
      const batch = libraryOf(app).path('.incoming', 'batch-0001');
      await mkdir(batch, { recursive: true });
      await writeFile(
        path.join(batch, '校样.docx'),
        await editDocumentXml(await readFile(exported.path), proof),
      );
      const diff = await call<OpOutput<'items.proofDiff'>>(
        app,
        'items.proofDiff',
        { id: item.id, batchId: 'batch-0001' },
        BROWSER,
      );
      expect(diff.articles[0]!.text).toBe('钧窑在神垕。宋时已有名。');
      expect(await stat(batch).catch(() => null)).toBeNull();
      await expect(call(app, 'items.proofDiff', { path: exported.path }, BROWSER)).rejects.toThrow(
        /浏览器模式/,
      );
    } finally {
      await app.close();
    }
  });

  it("leaves unmarked an article printed from a volume's own copy of the text, so no proof writes it into the item", async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      const item = await call<{ id: string }>(app, 'items.create', {
        title: '钧瓷',
        kind: 'document',
        text: '钧窑在神垕。',
      });
      const volume = await call<{ id: string }>(app, 'volumes.create', {
        title: '第一辑',
        sections: [{ id: 's', articles: [{ itemId: item.id, text: '钧窑在神垕镇。' }] }],
      });
      const exported = await call<OpOutput<'volumes.exportDocx'>>(app, 'volumes.exportDocx', {
        volumeId: volume.id,
      });
      await expect(call(app, 'items.proofDiff', { path: exported.path })).rejects.toThrow(/段落标记/);
    } finally {
      await app.close();
    }
  });
});
