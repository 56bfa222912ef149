import { describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { fonts } from '../helpers/fonts';
import { tempDir } from '../helpers/tempDir';

const DOOR = { canWrite: true, canUseLocalPaths: true };

async function call<T>(app: Application, op: string, args: unknown): Promise<T> {
  const result = await app.dispatch(op, args, {}, DOOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('the item list, answered by the search index in pages', () => {
  it('filters by view, sorts by title in pinyin order, and pages without overlap', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      const titles = ['钧瓷', '魏都', '许昌', '鄢陵', '禹州', '襄城'];
      for (const [i, title] of titles.entries())
        await call(app, 'items.create', {
          title,
          kind: i % 2 ? 'photo' : 'oral',
          collections: i < 3 ? ['许昌改革记忆 › 第一卷'] : ['许昌改革记忆 › 第二卷'],
        });
      type List = OpOutput<'items.list'>;
      const byTitle = await call<List>(app, 'items.list', { sort: 'title' });
      expect(byTitle.items.map((i) => i.title)).toEqual(['钧瓷', '魏都', '襄城', '许昌', '鄢陵', '禹州']);
      const newest = await call<List>(app, 'items.list', {});
      expect(newest.items.map((i) => i.title)).toEqual([...titles].reverse());
      const photos = await call<List>(app, 'items.list', { kind: 'photo', sort: 'title' });
      expect(photos.items.map((i) => i.title)).toEqual(['魏都', '襄城', '鄢陵']);
      const second = await call<List>(app, 'items.list', {
        filters: { collectionPath: ['许昌改革记忆', '第二卷'] },
        sort: 'title',
      });
      expect(second.items.map((i) => i.title)).toEqual(['襄城', '鄢陵', '禹州']);
      const pages = await Promise.all(
        [0, 2, 4].map((offset) => call<List>(app, 'items.list', { sort: 'title', offset, limit: 2 })),
      );
      expect(pages.flatMap((p) => p.items.map((i) => i.title))).toEqual(byTitle.items.map((i) => i.title));
      expect(pages.every((p) => p.total === 6 && p.items.length === 2)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('gives the summaries of the items asked for by id, in that order, leaving out ids not in the library', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      const ids: string[] = [];
      for (const title of ['钧瓷', '魏都', '许昌'])
        ids.push((await call<{ id: string }>(app, 'items.create', { title, kind: 'document' })).id);
      const summaries = await call<OpOutput<'items.summaries'>>(app, 'items.summaries', {
        ids: [ids[2], 'gone', ids[0]],
      });
      expect(summaries.map((s) => s.title)).toEqual(['许昌', '钧瓷']);
    } finally {
      await app.close();
    }
  });
});
