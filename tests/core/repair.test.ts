import { mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library, derivedPaths } from '../../electron/core/library';
import type { Item } from '../../electron/core/model';
import { addPaths } from '../../electron/core/ingest';
import { verifyLibrary } from '../../electron/core/integrity';
import { isTempName, tempPathFor, writeFileDurably } from '../../electron/core/storage';
import { salvageItems } from '../../electron/core/catalog';
import { tempDir } from '../helpers/tempDir';
import { noiseJpeg } from '../helpers/images';

const fields = { kind: 'document' as const, title: '许昌发制品产业的起步', text: '那年春天。' };

async function withPhotos(count: number): Promise<{ root: string; library: Library; ids: string[] }> {
  const root = await tempDir();
  const source = await tempDir();
  for (let i = 0; i < count; i++) await writeFile(path.join(source, `照片${i}.jpg`), await noiseJpeg(i + 1));
  const library = await Library.create(root, 'lib');
  const result = await addPaths(library, [source]);
  return { root, library, ids: result.added };
}

/** Every file below `dir`, relative to it. */
async function filesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  return out;
}

describe('temporary files: one naming scheme that verify finds and --repair removes', () => {
  it('every writer names its temp file by the scheme', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'a.json');
    expect(isTempName(path.basename(tempPathFor(target)))).toBe(true);
    expect(isTempName(path.basename(tempPathFor(path.join(dir, 'library.lock'), 'stale')))).toBe(true);
    // An original is stored as <sha256>.<ext> and is never taken for one.
    expect(isTempName(`${'ab'.repeat(32)}.tmp`)).toBe(false);
    expect(isTempName(`${'ab'.repeat(32)}.part`)).toBe(false);
    await writeFileDurably(target, '{}');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('leftovers of a killed import anywhere in the library are reported and removed, live ones kept', async () => {
    const { root, library } = await withPhotos(1);
    const hash = 'cd'.repeat(32);
    const dead = 999_999;
    const leftovers = [
      `files/cd/${hash}.jpg.${dead}.part`, // as earlier versions named them
      `files/cd/${hash}.jpg.${dead}.0badf00d.tmp`,
      `derived/cd/${hash}-256.webp.${dead}.part`,
      `catalog/.items-cd.json.${dead}.tmp`,
      `index/search/index.bin.${dead}.12345678.tmp`,
    ];
    // A write of this process, under way: not a leftover until the grace period has passed.
    const live = path.basename(tempPathFor(path.join(root, 'files', 'cd', `${'ef'.repeat(32)}.jpg`)));
    for (const rel of [...leftovers, `files/cd/${live}`]) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), 'half');
    }
    const report = await verifyLibrary(library);
    expect(
      report.problems
        .filter((p) => p.kind === 'temp')
        .map((p) => p.path)
        .sort(),
    ).toEqual([...leftovers].sort());
    // Not taken for orphaned originals or orphaned thumbnails as well.
    expect(report.problems.filter((p) => p.kind !== 'temp')).toEqual([]);

    const repair = await verifyLibrary(library, { repair: true });
    expect(repair.problems).toEqual([]);
    for (const rel of leftovers) await expect(stat(path.join(root, rel))).rejects.toThrow();
    await stat(path.join(root, 'files', 'cd', live));

    // Once old, even this process's own temp file is a leftover.
    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(root, 'files', 'cd', live), old, old);
    expect((await verifyLibrary(library)).problems.map((p) => p.kind)).toEqual(['temp']);
    await library.close();
  });

  it('a photo import that fails after its thumbnail was made leaves nothing in derived/', async () => {
    const root = await tempDir();
    const source = await tempDir();
    await writeFile(path.join(source, 'a.jpg'), await noiseJpeg(7));
    const library = await Library.create(root, 'lib');
    // files/ cannot take the original: a file stands where its folder should be.
    await rm(path.join(root, 'files'), { recursive: true });
    await writeFile(path.join(root, 'files'), 'not a folder');
    const result = await addPaths(library, [source]);
    expect(result.failed).toHaveLength(1);
    expect(await filesBelow(path.join(root, 'derived'))).toEqual([]);
    await library.close();
  });
});

describe('derived/: checked both ways, rebuilt by --repair', () => {
  it('an emptied derived/ is reported and regenerated', async () => {
    const { root, library, ids } = await withPhotos(2);
    const before = (await filesBelow(path.join(root, 'derived'))).sort();
    expect(before).toHaveLength(4);
    await rm(path.join(root, 'derived'), { recursive: true });
    await mkdir(path.join(root, 'derived'));

    const report = await verifyLibrary(library);
    const missing = report.problems.filter((p) => p.kind === 'derivable');
    expect(missing.map((p) => p.path).sort()).toEqual(before.map((p) => `derived/${p}`));
    expect(missing.flatMap((p) => p.itemIds).sort()).toEqual([...ids, ...ids].sort());

    const repair = await verifyLibrary(library, { repair: true });
    expect(repair.problems).toEqual([]);
    expect((await filesBelow(path.join(root, 'derived'))).sort()).toEqual(before);
    const item = library.catalog.get(ids[0]!)!;
    const thumbnail = await readFile(derivedPaths(root, item.files[0]!.sha256).thumbnail);
    expect(thumbnail.subarray(8, 12).toString()).toBe('WEBP');
    await library.close();
  });

  it('orphaned and linked files in derived/ are reported and removed, then remade', async () => {
    const { root, library, ids } = await withPhotos(1);
    const sha = library.catalog.get(ids[0]!)!.files[0]!.sha256;
    const { thumbnail } = derivedPaths(root, sha);
    const outside = path.join(await tempDir(), 'elsewhere.webp');
    await writeFile(outside, 'x');
    await rm(thumbnail);
    await symlink(outside, thumbnail);
    const orphan = path.join(root, 'derived', '12', `${'12'.repeat(32)}-256.webp`);
    await mkdir(path.dirname(orphan), { recursive: true });
    await writeFile(orphan, 'left by a failed import');

    const report = await verifyLibrary(library);
    const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
    expect(report.problems.map((p) => [p.kind, p.path]).sort()).toEqual(
      [
        ['derivable', rel(thumbnail)],
        ['link', rel(thumbnail)],
        ['orphan', rel(orphan)],
      ].sort(),
    );
    const repair = await verifyLibrary(library, { repair: true });
    expect(repair.problems).toEqual([]);
    await expect(stat(orphan)).rejects.toThrow();
    expect((await stat(thumbnail)).isFile()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe('x');
    await library.close();
  });
});

describe('a damaged catalog shard without a backup', () => {
  it('salvages every whole item from text cut off or overwritten anywhere', () => {
    const item = (id: string, title: string) => ({
      ...fields,
      id,
      title,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      files: [],
      people: [],
      places: [],
      suggestions: [],
      mojibake: [],
    });
    const ids = ['ab01', 'ab02', 'ab03'].map((p) => p.padEnd(16, '0'));
    const text = JSON.stringify({
      items: Object.fromEntries(ids.map((id, i) => [id, item(id, `第${i}篇 "引号" {括号}`)])),
    });
    const cut = text.slice(0, text.indexOf(`"${ids[2]}"`) + 40);
    expect(salvageItems(cut).map((i) => i.id)).toEqual(ids.slice(0, 2));
    const overwritten = text.replace(/"ab02[^]{0,20}/, '\u0000garbage');
    expect(salvageItems(overwritten).map((i) => i.id)).toEqual([ids[0], ids[2]]);
  });

  async function damagedLibrary() {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const items: Item[] = [];
    // Until two items share a shard, to damage one and salvage the other.
    const byShard = new Map<string, typeof items>();
    let pair: typeof items | undefined;
    for (let i = 0; !pair; i++) {
      const item = await library.createItem({ ...fields, title: `第${i}篇` });
      items.push(item);
      const group = [...(byShard.get(item.id.slice(0, 2)) ?? []), item];
      byShard.set(item.id.slice(0, 2), group);
      if (group.length === 2) pair = group;
    }
    const key = pair[0]!.id.slice(0, 2);
    const [kept, lost] = [pair[0]!, pair[1]!];
    await library.updateItem(lost.id, { places: ['禹州市'] });
    await library.close();
    const shard = path.join(root, 'catalog', `items-${key}.json`);
    const text = await readFile(shard, 'utf8');
    // Garbage where `lost` sits, and no backup.
    const at = text.indexOf(`"${lost.id}":{`);
    await writeFile(shard, text.slice(0, at + 30) + '\u0000\u0000garbage' + text.slice(at + 60));
    await rm(`${shard}.bak`, { force: true });
    library = await Library.open(root);
    return { root, library, key, kept, lost, others: items.filter((i) => i.id.slice(0, 2) !== key) };
  }

  it('opens, keeps the other shards, salvages what parses and quarantines the damaged file', async () => {
    const { root, library, key, kept, lost, others } = await damagedLibrary();
    for (const other of others) expect(library.catalog.get(other.id)?.title).toBe(other.title);
    expect(library.catalog.get(kept.id)?.title).toBe(kept.title);
    expect(library.catalog.get(lost.id)).toBeUndefined();
    expect(library.notices).toEqual([
      expect.stringMatching(/已损坏.*救出 \d+ 个条目.*已移到 catalog\/damaged\//),
    ]);
    const quarantined = await readdir(path.join(root, 'catalog', 'damaged'));
    expect(quarantined).toEqual([expect.stringMatching(new RegExp(`^items-${key}\\.json\\.`))]);
    // Read-write: a new edit is saved.
    await library.updateItem(kept.id, { title: '改过的题名' });

    const report = await verifyLibrary(library);
    expect(report.problems.map((p) => p.kind).sort()).toEqual(['lost', 'quarantined']);
    expect(report.problems.find((p) => p.kind === 'lost')?.itemIds).toEqual([lost.id]);

    const repair = await verifyLibrary(library, { repair: true });
    expect(repair.problems.map((p) => p.kind)).toEqual(['quarantined']);
    expect(library.catalog.get(lost.id)).toMatchObject({ title: lost.title, places: ['禹州市'] });
    await library.close();
    const reopened = await Library.open(root);
    expect(reopened.notices).toEqual([]);
    expect(reopened.catalog.get(lost.id)?.places).toEqual(['禹州市']);
    expect(reopened.catalog.get(kept.id)?.title).toBe('改过的题名');
    await reopened.close();
  });

  it('opened read-only, it shows what can be read and moves nothing', async () => {
    const { root, library, key, kept } = await damagedLibrary();
    await library.close();
    // Undo the quarantine, to open the damaged state read-only.
    const [moved] = await readdir(path.join(root, 'catalog', 'damaged'));
    await writeFile(
      path.join(root, 'catalog', `items-${key}.json`),
      await readFile(path.join(root, 'catalog', 'damaged', moved!)),
    );
    await rm(path.join(root, 'catalog', 'damaged'), { recursive: true });
    const reader = await Library.open(root, { readOnly: true });
    expect(reader.catalog.get(kept.id)?.title).toBe(kept.title);
    expect(reader.notices).toEqual([expect.stringMatching(/只读打开/)]);
    await expect(stat(path.join(root, 'catalog', 'damaged'))).rejects.toThrow();
    await reader.close();
  });
});
