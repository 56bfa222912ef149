import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import { tempDir } from '../helpers/tempDir';
import { noiseJpeg } from '../helpers/images';

async function newLibrary(): Promise<Library> {
  return Library.create(await tempDir(), '测试库', { settings: { identifierPattern: 'XC-{seq:4}' } });
}

/** 档号 of the library's items by the name of their first file. */
function identifiersByName(library: Library): Record<string, string> {
  return Object.fromEntries(library.catalog.all().map((item) => [item.files[0]!.name, item.identifier]));
}

describe('档号 in the order the files were given', () => {
  it('numbers a folder by name (natural order), though its first file, a large photo, finishes last', async () => {
    const library = await newLibrary();
    const dir = path.join(await tempDir(), '征集');
    await mkdir(dir);
    // The first file takes far longer to read (thumbnail and preview of 4 million pixels)
    // than the small texts after it, which all finish before it.
    await writeFile(path.join(dir, '01 合影.jpg'), await noiseJpeg(1, 2400, 1600));
    for (const name of ['02', '03', '9', '10', '第2卷', '第10卷'])
      await writeFile(path.join(dir, `${name}.txt`), `许昌发制品的起步，第 ${name} 份稿件。`);
    const result = await addPaths(library, [dir]);
    expect(result.counts.added).toBe(7);
    expect(identifiersByName(library)).toEqual({
      '01 合影.jpg': 'XC-0001',
      '02.txt': 'XC-0002',
      '03.txt': 'XC-0003',
      '9.txt': 'XC-0004',
      '10.txt': 'XC-0005',
      '第2卷.txt': 'XC-0006',
      '第10卷.txt': 'XC-0007',
    });
    expect(result.added).toEqual(
      [...library.catalog.all()].sort((a, b) => a.identifier.localeCompare(b.identifier)).map((i) => i.id),
    );
    await library.close();
  });

  it('numbers files given one by one by folder, then name; a folder before its subfolders', async () => {
    const library = await newLibrary();
    const root = await tempDir();
    const first = path.join(root, '甲');
    const sub = path.join(first, '子');
    const second = path.join(root, '甲乙');
    for (const dir of [first, sub, second]) await mkdir(dir);
    await writeFile(path.join(second, 'a.txt'), '甲乙文件夹的稿件。');
    await writeFile(path.join(sub, 'b.txt'), '子文件夹的稿件。');
    await writeFile(path.join(first, 'c.jpg'), await noiseJpeg(2, 2400, 1600));
    await writeFile(path.join(first, 'd.txt'), '甲文件夹的稿件。');
    // Given in no particular order, as a drop of several files gives them.
    await addPaths(library, [
      path.join(second, 'a.txt'),
      path.join(first, 'd.txt'),
      path.join(sub, 'b.txt'),
      path.join(first, 'c.jpg'),
    ]);
    expect(identifiersByName(library)).toEqual({
      'c.jpg': 'XC-0001',
      'd.txt': 'XC-0002',
      'b.txt': 'XC-0003',
      'a.txt': 'XC-0004',
    });
    await library.close();
  });

  it('a cancelled import commits what was read, in file order, and running it again finishes it', async () => {
    const library = await newLibrary();
    const dir = path.join(await tempDir(), '征集');
    await mkdir(dir);
    const names = Array.from({ length: 12 }, (_, i) => `稿件${i + 1}`);
    for (const name of names) await writeFile(path.join(dir, `${name}.txt`), `${name}：许昌发制品厂开工。`);
    const stop = new AbortController();
    const first = await addPaths(library, [dir], {
      signal: stop.signal,
      onProgress: ({ done }) => {
        if (done >= 3) stop.abort();
      },
    });
    expect(first.cancelled).toBe(true);
    expect(first.counts.added).toBeGreaterThan(0);
    expect(first.counts.added).toBeLessThan(names.length);
    // What was committed is numbered in the order of the names it has.
    const committed = library.catalog
      .all()
      .sort((a, b) => a.identifier.localeCompare(b.identifier))
      .map((item) => item.files[0]!.name);
    const byName = new Intl.Collator('zh', { numeric: true }).compare;
    expect(committed).toEqual([...committed].sort(byName));

    const second = await addPaths(library, [dir]);
    expect(second.cancelled).toBe(false);
    expect(second.counts.added + first.counts.added).toBe(names.length);
    expect(library.catalog.size).toBe(names.length);
    await library.close();
  });
});
