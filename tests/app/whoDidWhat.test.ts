import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application, loadPersonName, savePersonName } from '../../electron/app';
import type { Item, OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { fonts } from '../helpers/fonts';
import { tempDir } from '../helpers/tempDir';

const DOOR = { canWrite: true, canUseLocalPaths: true };
type History = OpOutput<'items.history'>;

async function openApp(): Promise<Application> {
  const root = await tempDir();
  await (await Library.create(root, '资料库')).close();
  return Application.open(root, { fonts, actor: 'browser' });
}

async function call<T>(app: Application, op: string, args: unknown, meta: unknown = {}): Promise<T> {
  const result = await app.dispatch(op, args, meta, DOOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('who did what', () => {
  it('records the person named with each call as the actor, and the door when no one is named', async () => {
    const app = await openApp();
    try {
      const item = await call<Item>(
        app,
        'items.create',
        { title: '许昌发制品', kind: 'oral' },
        { actor: '张三' },
      );
      await call(
        app,
        'items.update',
        { id: item.id, patch: { editorialStatus: 'review1' } },
        { actor: ' 李四 ' },
      );
      await call(app, 'items.update', { id: item.id, patch: { notes: '无名' } });
      const history = await call<History>(app, 'items.history', { id: item.id });
      expect(history.map((e) => e.actor)).toEqual(['张三', '李四', 'browser']);
      const stored = await call<Item>(app, 'items.get', { id: item.id });
      expect(stored.statusHistory.at(-1)?.by).toBe('李四');
    } finally {
      await app.close();
    }
  });

  it('refuses an actor that is too long or holds control characters, changing nothing', async () => {
    const app = await openApp();
    try {
      for (const actor of ['张\u0000三', '李四\n管理员', 'x'.repeat(41), '  ']) {
        const result = await app.dispatch(
          'items.create',
          { title: '不应写入', kind: 'oral' },
          { actor },
          DOOR,
        );
        expect(result.ok).toBe(false);
      }
      const list = await call<OpOutput<'items.list'>>(app, 'items.list', {});
      expect(list.total).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('undoes one field of a save and keeps the others, logging who undid it', async () => {
    const app = await openApp();
    try {
      const item = await call<Item>(app, 'items.create', { title: '禹州钧瓷', kind: 'oral' });
      await call(
        app,
        'items.update',
        {
          id: item.id,
          patch: {
            title: '禹州钧瓷复烧记',
            provenance: { provider: '王五', collector: '', method: '', date: '', location: '' },
            notes: '需核对年份',
          },
        },
        { actor: '张三' },
      );
      const save = (await call<History>(app, 'items.history', { id: item.id })).at(-1)!;
      expect(save.changes.map((c) => c.field).sort()).toEqual(['notes', 'provenance', 'title']);

      const undone = await call<Item>(
        app,
        'items.undo',
        { entryId: save.id, field: 'title' },
        { actor: '李四' },
      );
      expect(undone.title).toBe('禹州钧瓷');
      expect(undone.provenance.provider).toBe('王五');
      expect(undone.notes).toBe('需核对年份');
      const last = (await call<History>(app, 'items.history', { id: item.id })).at(-1)!;
      expect(last).toMatchObject({ actor: '李四', undoOf: save.id, undoField: 'title' });
      expect(last.changes.map((c) => c.field)).toEqual(['title']);

      // A field the change did not touch cannot be undone on its own.
      const wrong = await app.dispatch('items.undo', { entryId: save.id, field: 'abstract' }, {}, DOOR);
      expect(wrong.ok).toBe(false);
      // The whole save can still be undone.
      const whole = await call<Item>(app, 'items.undo', { entryId: save.id });
      expect(whole.provenance.provider).toBe('');
      expect(whole.notes).toBe('');
    } finally {
      await app.close();
    }
  });

  it('sets any form field on many items at once, keeping the rest of its group', async () => {
    const app = await openApp();
    try {
      const a = await call<Item>(app, 'items.create', {
        title: '甲',
        kind: 'document',
        provenance: { provider: '王五', collector: '', method: '', date: '', location: '' },
      });
      const b = await call<Item>(app, 'items.create', {
        title: '乙',
        kind: 'photo',
        photo: { caption: '合影' },
      });
      await call(app, 'items.bulkUpdate', {
        ids: [a.id, b.id],
        setFields: [
          { path: 'provenance.collector', value: '赵六' },
          { path: 'rights.access', value: 'internal' },
        ],
        add: { keywords: ['发制品'] },
      });
      const [aa, bb] = [
        await call<Item>(app, 'items.get', { id: a.id }),
        await call<Item>(app, 'items.get', { id: b.id }),
      ];
      expect(aa.provenance).toMatchObject({ provider: '王五', collector: '赵六' });
      expect(bb.rights.access).toBe('internal');
      expect(bb.keywords).toEqual(['发制品']);
      expect(bb.photo?.caption).toBe('合影');
      const refused = await app.dispatch(
        'items.bulkUpdate',
        { ids: [a.id], setFields: [{ path: 'title', value: 'x' }] },
        {},
        DOOR,
      );
      expect(refused.ok).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe("the desktop's kept name", () => {
  it('keeps a name the log accepts and refuses others with the reason, changing nothing', async () => {
    const file = path.join(await tempDir(), 'person.json');
    expect(await loadPersonName(file)).toBeNull();
    expect(await savePersonName(file, ' 张三 ')).toBe('张三');
    expect(await loadPersonName(file)).toBe('张三');
    await expect(savePersonName(file, '张三\u0007')).rejects.toThrow(/控制字符/);
    await expect(savePersonName(file, 'x'.repeat(41))).rejects.toThrow(/40/);
    expect(await loadPersonName(file)).toBe('张三');
    await writeFile(file, '{"version":1,"name":"\\u0000"}');
    expect(await loadPersonName(file)).toBeNull();
  });
});
