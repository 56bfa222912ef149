import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { Item, OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { flagDuplicates } from '../../electron/core/duplicates';
import { fonts } from '../helpers/fonts';
import { tempDir } from '../helpers/tempDir';

const DOOR = { canWrite: true, canUseLocalPaths: true };
const FIXTURES = new URL('../fixtures/', import.meta.url);
const UTF8 = new URL('zhengxie-plan-web-scraped.txt', FIXTURES).pathname;
const GB18030 = new URL('zhengxie-plan-gb18030.txt', FIXTURES).pathname;

async function call<T>(app: Application, op: string, args: unknown): Promise<T> {
  const result = await app.dispatch(op, args, {}, DOOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

let app: Application;
afterEach(async () => app?.close());

async function openApp(): Promise<{ app: Application; root: string }> {
  const root = await tempDir();
  await (await Library.create(root, '资料库', { settings: { identifierPattern: 'XC-{seq:4}' } })).close();
  app = await Application.open(root, { fonts });
  return { app, root };
}

async function add(paths: string[]): Promise<Item[]> {
  const result = await call<OpOutput<'items.add'>>(app, 'items.add', { paths });
  return Promise.all(result.added.map((id) => call<Item>(app, 'items.get', { id })));
}

async function writeText(name: string, text: string): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, text);
  return file;
}

const duplicateFlags = (item: Item) => item.suggestions.filter((s) => s.field === 'duplicate');

/** A text of its own, nothing like the plan: the first lines of 《兰亭集序》 and a note on them. */
const UNRELATED =
  '永和九年，岁在癸丑，暮春之初，会于会稽山阴之兰亭，修禊事也。群贤毕至，少长咸集。此地有崇山峻岭，' +
  '茂林修竹，又有清流激湍，映带左右，引以为流觞曲水，列坐其次。虽无丝竹管弦之盛，一觞一咏，亦足以畅叙幽情。' +
  '是日也，天朗气清，惠风和畅，仰观宇宙之大，俯察品类之盛，所以游目骋怀，足以极视听之娱，信可乐也。';

describe('duplicates by content (可能重复)', () => {
  it('flags the GB18030 copy of a UTF-8 text, and a traditional-script copy, as the same text', async () => {
    await openApp();
    const [original] = await add([UTF8]);
    const [copy] = await add([GB18030]);
    expect(copy!.id).not.toBe(original!.id);
    const flags = duplicateFlags(copy!);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.value).toMatchObject({
      of: original!.id,
      identifier: original!.identifier,
      exact: true,
    });
    expect(flags[0]!.source).toContain('可能重复');
    expect(duplicateFlags(original!)).toEqual([]);

    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(original!.text).replace(/，/g, ', ');
    const [inTraditional] = await add([await writeText('繁体本.txt', traditional)]);
    const values = duplicateFlags(inTraditional!).map((s) => s.value as { of: string; exact: boolean });
    expect(values).toContainEqual(expect.objectContaining({ of: original!.id, exact: true }));

    // The review queue lists it.
    const pending = await call<OpOutput<'items.list'>>(app, 'items.list', {
      filters: { pendingReview: true },
    });
    expect(pending.items.map((i) => i.id)).toContain(copy!.id);
  });

  it('flags a text with a few characters changed as nearly the same, and leaves an unrelated text alone', async () => {
    await openApp();
    const text = readFileSync(UTF8, 'utf8');
    const [original] = await add([await writeText('原稿.txt', text)]);
    const changed = original!.text
      .replace('五年', '十年')
      .replace('新局面', '新格局')
      .replace('许昌', '禹州');
    expect(changed).not.toBe(original!.text);
    const [edited] = await add([await writeText('改稿.txt', changed)]);
    const [flag] = duplicateFlags(edited!);
    const value = flag!.value as { of: string; similarity: number; exact: boolean };
    expect(value.of).toBe(original!.id);
    expect(value.exact).toBe(false);
    expect(value.similarity).toBeGreaterThanOrEqual(0.9);
    expect(value.similarity).toBeLessThan(1);

    const [unrelated] = await add([await writeText('兰亭.txt', UNRELATED)]);
    expect(duplicateFlags(unrelated!)).toEqual([]);

    // Side by side: the changed lines, the earlier item on the left.
    const index = edited!.suggestions.findIndex((s) => s.field === 'duplicate');
    const comparison = await call<OpOutput<'items.compareDuplicate'>>(app, 'items.compareDuplicate', {
      id: edited!.id,
      index,
    });
    expect(comparison.other.id).toBe(original!.id);
    expect(comparison.identical).toBe(false);
    const changedRows = comparison.rows.filter((row) => row.type === 'changed');
    expect(changedRows.length).toBeGreaterThan(0);
    for (const row of changedRows) {
      if (row.type !== 'changed') continue;
      expect(original!.text.split('\n')[row.left!.line - 1]).toBe(row.left!.text);
      expect(changed.split('\n')[row.right!.line - 1]).toBe(row.right!.text);
    }
  });

  it('flags a copy met in the same import against the file before it', async () => {
    const { root } = await openApp();
    void root;
    const dir = await tempDir();
    await writeFile(path.join(dir, '01 原稿.txt'), readFileSync(UTF8));
    await writeFile(path.join(dir, '02 副本.txt'), readFileSync(GB18030));
    const [first, second] = await add([dir]);
    expect(duplicateFlags(first!)).toEqual([]);
    expect((duplicateFlags(second!)[0]!.value as { of: string }).of).toBe(first!.id);
  });

  it('合并 keeps both files on the first item, removes the second, and logs both changes', async () => {
    await openApp();
    const [original] = await add([UTF8]);
    const [copy] = await add([GB18030]);
    const index = copy!.suggestions.findIndex((s) => s.field === 'duplicate');
    const kept = await call<Item>(app, 'items.reviewSuggestion', { id: copy!.id, index, accept: true });
    expect(kept.id).toBe(original!.id);
    expect(kept.files.map((f) => [f.name, f.encoding])).toEqual([
      ['zhengxie-plan-web-scraped.txt', 'UTF-8'],
      ['zhengxie-plan-gb18030.txt', 'GB18030'],
    ]);
    expect(kept.identifier).toBe(original!.identifier);
    const gone = await app.dispatch('items.get', { id: copy!.id }, {}, DOOR);
    expect(gone.ok).toBe(false);
    // Both originals are still served through the kept item.
    const list = await call<OpOutput<'items.list'>>(app, 'items.list', {});
    expect(list.total).toBe(1);

    type History = OpOutput<'items.history'>;
    const keptHistory = await call<History>(app, 'items.history', { id: original!.id });
    expect(keptHistory.at(-1)).toMatchObject({ action: 'update' });
    expect(keptHistory.at(-1)!.changes.map((c) => c.field)).toContain('files');
    const goneHistory = await call<History>(app, 'items.history', { id: copy!.id });
    const deletion = goneHistory.at(-1)!;
    expect(deletion.action).toBe('delete');
    // The merge can be undone: the second item comes back.
    await call(app, 'items.undo', { entryId: deletion.id });
    expect((await call<Item>(app, 'items.get', { id: copy!.id })).title).toBe(copy!.title);
  });

  it('a check of the whole library flags duplicates already in it, once, and not a pair called distinct', async () => {
    await openApp();
    const text = readFileSync(UTF8, 'utf8');
    // Created by hand, as items came in before duplicates were looked for: nothing flags them.
    const first = await call<Item>(app, 'items.create', { kind: 'document', title: '甲', text });
    const second = await call<Item>(app, 'items.create', {
      kind: 'document',
      title: '乙',
      text: text.replace(/,/g, '，'),
    });
    await call<Item>(app, 'items.create', { kind: 'document', title: '丙', text: UNRELATED });
    expect(duplicateFlags(await call<Item>(app, 'items.get', { id: second.id }))).toEqual([]);

    type Check = OpOutput<'items.findDuplicates'>;
    expect(await call<Check>(app, 'items.findDuplicates', {})).toEqual({ checked: 3, flagged: 1 });
    const flagged = await call<Item>(app, 'items.get', { id: second.id });
    expect(duplicateFlags(flagged).map((s) => (s.value as { of: string }).of)).toEqual([first.id]);
    // Run again: the flag is there already, nothing is added.
    expect(await call<Check>(app, 'items.findDuplicates', {})).toEqual({ checked: 3, flagged: 0 });

    const index = flagged.suggestions.findIndex((s) => s.field === 'duplicate');
    await call(app, 'items.reviewSuggestion', { id: second.id, index, accept: false });
    expect(await call<Check>(app, 'items.findDuplicates', {})).toEqual({ checked: 3, flagged: 0 });
    expect(duplicateFlags(await call<Item>(app, 'items.get', { id: second.id }))).toEqual([]);
  });

  it('不是重复 removes the flag and is remembered: the pair is not flagged again', async () => {
    const { root } = await openApp();
    const [original] = await add([UTF8]);
    const [copy] = await add([GB18030]);
    const index = copy!.suggestions.findIndex((s) => s.field === 'duplicate');
    const dismissed = await call<Item>(app, 'items.reviewSuggestion', { id: copy!.id, index, accept: false });
    expect(dismissed.id).toBe(copy!.id);
    expect(duplicateFlags(dismissed)).toEqual([]);
    expect(dismissed.notDuplicateOf).toEqual([original!.id]);
    expect(dismissed.files).toHaveLength(1);
    await app.close();

    // Opened again (the duplicate index is made anew), a fresh look at the pair finds nothing.
    const library = await Library.open(root);
    try {
      expect(await flagDuplicates(library, [copy!.id])).toEqual([]);
      expect(await flagDuplicates(library, [original!.id, copy!.id])).toEqual([]);
      expect(duplicateFlags(library.catalog.get(copy!.id)!)).toEqual([]);
    } finally {
      await library.close();
    }
    app = await Application.open(root, { fonts });
  });
});
