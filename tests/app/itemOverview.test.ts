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

describe("the sidebar's overview, without listing every item", () => {
  it('counts each view and each level of the collections, an item under two sub-collections once', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      const items = [
        { title: '钧瓷', kind: 'oral', collections: ['许昌改革记忆 › 第一卷', '许昌改革记忆 › 第二卷'] },
        { title: '魏都', kind: 'photo', collections: ['许昌改革记忆 › 第一卷'], editorialStatus: 'review2' },
        { title: '许昌', kind: 'document', collections: ['许昌改革记忆/第二卷 / 农村改革'] },
        { title: '鄢陵', kind: 'oral', collections: [], editorialStatus: 'review1' },
      ];
      for (const item of items) await call(app, 'items.create', item);
      const before = new Date(Date.now() - 60_000).toISOString();
      const overview = await call<OpOutput<'items.overview'>>(app, 'items.overview', {
        createdSince: before,
      });
      expect(overview.counts).toEqual({
        all: 4,
        oral: 2,
        photo: 1,
        document: 1,
        review: 2,
        recent: 4,
        pending: 0,
      });
      const byPath = Object.fromEntries(overview.collections.map((c) => [c.path.join(' › '), c.count]));
      expect(byPath).toEqual({
        许昌改革记忆: 3,
        '许昌改革记忆 › 第一卷': 2,
        '许昌改革记忆 › 第二卷': 2,
        '许昌改革记忆 › 第二卷 › 农村改革': 1,
      });
      const later = await call<OpOutput<'items.overview'>>(app, 'items.overview', {
        createdSince: new Date(Date.now() + 60_000).toISOString(),
      });
      expect(later.counts.recent).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('items.list counts facet values over all the items it lists when asked, and not otherwise', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      for (const title of ['甲', '乙', '丙'])
        await call(app, 'items.create', { title, kind: 'photo', collections: ['专题 › 一'] });
      type List = OpOutput<'items.list'>;
      const page = await call<List>(app, 'items.list', { limit: 1, facets: true });
      expect(page.items).toHaveLength(1);
      expect(page.facets?.collection).toEqual([{ value: '专题 › 一', count: 3 }]);
      expect(page.facets?.kind).toEqual([{ value: 'photo', count: 3 }]);
      expect((await call<List>(app, 'items.list', { limit: 1 })).facets).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
