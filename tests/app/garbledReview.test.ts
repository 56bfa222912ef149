// 待复核 through the application, as every door reaches it: a 乱码 flag resolved in review leaves
// the queue and the compile's pre-check alike.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { fonts } from '../helpers/fonts';
import { tempDir } from '../helpers/tempDir';

const DOOR = { canWrite: true, canUseLocalPaths: true };
type Item = OpOutput<'items.get'>;
const GARBLED = '许昌政协文史工作成效显著，记录膬?取得成效。\n全年征集史料三百余篇。\n';

async function call<T>(app: Application, op: string, args: unknown): Promise<T> {
  const result = await app.dispatch(op, args, {}, DOOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

async function queued(app: Application): Promise<number> {
  const list = await call<OpOutput<'items.list'>>(app, 'items.list', { filters: { pendingReview: true } });
  return list.total;
}

/** An application over a new library holding the garbled text, imported as from the web. */
async function withImported(): Promise<{ app: Application; dir: string; id: string }> {
  const dir = await tempDir();
  await (await Library.create(path.join(dir, 'lib'), '资料库')).close();
  const app = await Application.open(path.join(dir, 'lib'), { fonts });
  const file = path.join(dir, '许昌政协文史工作.txt');
  await writeFile(file, GARBLED);
  const { added } = await call<{ added: string[] }>(app, 'items.add', { paths: [file] });
  return { app, dir, id: added[0]! };
}

describe('乱码 in 待复核 and before compiling', () => {
  it('a flag marked 已核实 leaves the queue, and the compile no longer stops for it', async () => {
    const { app, dir, id } = await withImported();
    try {
      const item = await call<Item>(app, 'items.get', { id });
      expect(item.suggestions).toEqual([]);
      expect(item.mojibake.map((r) => r.text)).toEqual(['膬?']);
      expect(await queued(app)).toBe(1);

      const output = path.join(dir, 'v.pdf');
      const stopped = await app.dispatch('volumes.compile', { itemIds: [id], output }, {}, DOOR);
      expect(stopped.ok).toBe(false);

      const verified = await call<Item>(app, 'items.resolveGarbled', {
        id,
        run: item.mojibake[0],
        resolution: { action: 'verified' },
      });
      expect(verified.mojibakeDecisions).toEqual([
        { text: '膬?', before: '作成效显著，记录', after: '取得成效。\n全年', decision: 'verified' },
      ]);
      expect(await queued(app)).toBe(0);
      const compiled = await call<OpOutput<'volumes.compile'>>(app, 'volumes.compile', {
        itemIds: [id],
        output,
      });
      expect(compiled.garbled).toEqual([]);

      const history = await call<{ changes: { field: string }[] }[]>(app, 'items.history', { id });
      expect(history.some((e) => e.changes.some((c) => c.field === 'mojibakeDecisions'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('a Word proof that corrects the run, once applied, takes the item out of the queue', async () => {
    const { app, id } = await withImported();
    try {
      expect(await queued(app)).toBe(1);
      const applied = await call<Item>(app, 'items.applyProof', {
        id,
        changes: [
          {
            paragraph: 0,
            before: '许昌政协文史工作成效显著，记录膬?取得成效。',
            after: '许昌政协文史工作成效显著，记录的工作取得成效。',
          },
        ],
      });
      expect(applied.mojibake).toEqual([]);
      expect(await queued(app)).toBe(0);
    } finally {
      await app.close();
    }
  });
});
