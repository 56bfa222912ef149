import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { fonts } from '../helpers/fonts';
import { pdfText, qpdfCheck } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempDir';

const DOOR = { canWrite: true, canUseLocalPaths: true };
type Item = OpOutput<'items.get'>;
const ASCII_BETWEEN_HAN = /\p{Script=Han}[,!:;]\p{Script=Han}/u;

async function dispatch(app: Application, op: string, args: unknown) {
  return app.dispatch(op, args, {}, DOOR);
}
async function call<T>(app: Application, op: string, args: unknown): Promise<T> {
  const result = await dispatch(app, op, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** An application over a new library holding one text file imported as it would be from the web. */
async function withImported(text: string): Promise<{ app: Application; dir: string; id: string }> {
  const dir = await tempDir();
  await (await Library.create(path.join(dir, 'lib'), '资料库')).close();
  const app = await Application.open(path.join(dir, 'lib'), { fonts });
  const file = path.join(dir, '许昌政协文史工作.txt');
  await writeFile(file, text);
  const added = await call<{ added: string[] }>(app, 'items.add', { paths: [file] });
  return { app, dir, id: added.added[0]! };
}

async function compileTo(app: Application, dir: string, id: string, name: string, extra: object = {}) {
  const output = path.join(dir, name);
  const result = await call<OpOutput<'volumes.compile'>>(app, 'volumes.compile', {
    itemIds: [id],
    title: '许昌文史',
    output,
    ...extra,
  });
  expect(qpdfCheck(output).ok).toBe(true);
  return { result, text: pdfText(output, ['-layout']) };
}

describe('typesetting cleanups accepted in review reach the printed volume', () => {
  it('prints no ASCII , ! : ; between Chinese once the punctuation cleanup is accepted', async () => {
    const text =
      '许昌政协文史工作,成效显著!全年会议:共计十二次;记录完整。\n另据统计,全市征集史料三百余篇,出版文史资料三辑!\n';
    const { app, dir, id } = await withImported(text);
    try {
      const before = await compileTo(app, dir, id, 'before.pdf');
      expect(before.text.replace(/\s+/g, '')).toMatch(ASCII_BETWEEN_HAN);

      let item = await call<Item>(app, 'items.get', { id });
      expect(item.text).toBe(text);
      const kinds = item.suggestions.map((s) => (s.value as { kind?: string }).kind);
      expect(kinds).toEqual(['punctuation']);
      item = await call<Item>(app, 'items.reviewSuggestion', { id, index: 0, accept: true });
      expect(item.text).not.toMatch(ASCII_BETWEEN_HAN);
      expect(item.rawText).toBe(text);

      const after = await compileTo(app, dir, id, 'after.pdf');
      expect(after.text).not.toMatch(ASCII_BETWEEN_HAN);
      expect(after.text.replace(/\s+/g, '')).not.toMatch(ASCII_BETWEEN_HAN);
      expect(after.text.replace(/\s+/g, '')).toContain(
        '许昌政协文史工作，成效显著！全年会议：共计十二次；记录完整。',
      );
    } finally {
      await app.close();
    }
  });

  it('offers the cleanups again for the current text from the review panel', async () => {
    const { app, id } = await withImported('许昌政协文史工作。\n');
    try {
      await call(app, 'items.update', { id, patch: { text: '许昌,政协"文史"工作。' } });
      const info = await call<OpOutput<'library.info'>>(app, 'library.info', {});
      expect(info.settings.quoteStyle).toBe('curly');
      await call(app, 'library.update', { settings: { quoteStyle: 'corner' } });
      const offered = await call<Item>(app, 'items.offerTypeset', { id });
      expect(offered.suggestions.map((s) => s.value)).toEqual([
        { kind: 'punctuation', count: 1 },
        { kind: 'quotes', count: 2 },
      ]);
      const diff = await call<OpOutput<'items.cleanupDiff'>>(app, 'items.cleanupDiff', { id });
      expect(diff.typeset.map((e) => e.inserted)).toEqual(['，', '「', '」']);
      const quoted = await call<Item>(app, 'items.reviewSuggestion', { id, index: 1, accept: true });
      expect(quoted.text).toBe('许昌,政协「文史」工作。');
    } finally {
      await app.close();
    }
  });
});

describe('乱码 left in an article, before compiling', () => {
  const GARBLED = '许昌政协文史工作成效显著，记录膬?取得成效。\n';

  it('stops by default, naming the article; marks each run with 「□」; or prints it as it is', async () => {
    const { app, dir, id } = await withImported(GARBLED);
    try {
      const item = await call<Item>(app, 'items.get', { id });
      expect(item.mojibake.map((r) => r.text)).toEqual(['膬?']);

      const stopped = await dispatch(app, 'volumes.compile', {
        itemIds: [id],
        output: path.join(dir, 'x.pdf'),
      });
      expect(stopped.ok).toBe(false);
      if (!stopped.ok) {
        expect(stopped.error.message).toContain('乱码');
        expect(stopped.error.message).toContain(`《${item.title}》`);
        expect(stopped.error.message).toContain('膬?');
      }

      const marked = await compileTo(app, dir, id, 'mark.pdf', { garbled: 'mark' });
      expect(marked.result.garbled).toEqual([{ itemId: id, title: item.title, runs: ['膬?'] }]);
      const markedText = marked.text.replace(/\s+/g, '');
      expect(markedText).toContain('记录□取得成效');
      expect(markedText).not.toContain('膬');

      const asIs = await compileTo(app, dir, id, 'asis.pdf', { garbled: 'asIs' });
      expect(asIs.result.garbled).toHaveLength(1);
      expect(asIs.text.replace(/\s+/g, '')).toContain('记录膬?取得成效');

      // Corrected by hand, the run is gone and nothing stops the compile.
      await call(app, 'items.update', { id, patch: { text: item.text.replace('膬?', '') } });
      const clean = await compileTo(app, dir, id, 'clean.pdf');
      expect(clean.result.garbled).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
