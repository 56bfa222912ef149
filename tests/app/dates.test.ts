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

describe('dates through the contract', () => {
  it('lists the wording, counts an unread date for review, and edits the period table', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      await call(app, 'items.create', { title: '发大水', kind: 'oral', eventDate: '那年发大水' });
      await call(app, 'items.create', { title: '复烧', kind: 'oral', eventDate: '光绪庚子年' });
      type List = OpOutput<'items.list'>;
      const list = await call<List>(app, 'items.list', { sort: 'title' });
      expect(list.items.map((i) => [i.title, i.eventDate, i.pendingReview])).toEqual([
        ['发大水', { text: '那年发大水', edtf: '' }, 1],
        ['复烧', { text: '光绪庚子年', edtf: '1900' }, 0],
      ]);
      const pending = await call<List>(app, 'items.list', { filters: { pendingReview: true } });
      expect(pending.items.map((i) => i.title)).toEqual(['发大水']);

      type Info = OpOutput<'library.info'>;
      const { settings } = await call<Info>(app, 'library.info', {});
      const periods = settings.datePeriods.map((p) =>
        p.name === '解放前夕' ? { ...p, edtf: '1948-10/1948-12' } : p,
      );
      await call(app, 'library.update', { settings: { datePeriods: periods } });
      const item = await call<{ eventDate: unknown }>(app, 'items.create', {
        title: '解放',
        kind: 'oral',
        eventDate: '解放前夕',
      });
      expect(item.eventDate).toEqual({ text: '解放前夕', edtf: '1948-10/1948-12' });
      const bad = periods.map((p) => (p.name === '清末' ? { ...p, edtf: '清朝最后几年' } : p));
      await expect(call(app, 'library.update', { settings: { datePeriods: bad } })).rejects.toThrow(
        /起止无法识别/,
      );
    } finally {
      await app.close();
    }
  });
});
