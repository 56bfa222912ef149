import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import type { ItemPatch } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';
import { fileHashes, wenshi } from '../helpers/wenshiCli';
import { bagInfo, validateBag } from '../helpers/bagitValidator';

function json<T>(...args: string[]): T {
  const run = wenshi(...args, '--json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface Item {
  id: string;
  title: string;
  files: { sha256: string; name: string }[];
}

/** Changes the library in this process (quicker than a command each), releasing it afterwards. */
async function withLibrary<T>(root: string, work: (library: Library) => Promise<T>): Promise<T> {
  const library = await Library.open(root);
  try {
    return await work(library);
  } finally {
    await library.close();
  }
}

const edit = (root: string, id: string, patch: ItemPatch) =>
  withLibrary(root, (l) => l.updateItem(id, patch));
const itemOf = (root: string, id: string) => withLibrary(root, async (l) => l.catalog.get(id));

/** A library with three text originals, and the folder its sources are in. */
async function libraryWithFiles(name = '许昌改革记忆') {
  const dir = await tempDir();
  const root = path.join(dir, 'lib');
  const sources = path.join(dir, 'sources');
  await mkdir(sources);
  const texts = ['许昌发制品产业的起步', '许昌火车站的变迁', '鄢陵花木的故事'];
  for (const [i, text] of texts.entries())
    await writeFile(path.join(sources, `稿件${i}.txt`), `${text}\n正文${i}。`);
  await (await Library.create(root, name)).close();
  const items = await withLibrary(root, async (l) => {
    const added = await addPaths(l, [sources]);
    expect(added.added).toHaveLength(3);
    return added.added.map((id) => l.catalog.get(id)! as Item);
  });
  const fileOf = (item: Item) =>
    path.join(root, 'files', item.files[0]!.sha256.slice(0, 2), `${item.files[0]!.sha256}.txt`);
  return { dir, root, items, fileOf };
}

describe('wenshi verify', () => {
  it('passes on a sound library', async () => {
    const { root } = await libraryWithFiles();
    const run = wenshi('verify', root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/校验通过：3 个原件完好/);
  });

  it('names a flipped byte, a deleted original and an orphan, exits 1, and --repair brings back derived folders without touching originals', async () => {
    const { root, items, fileOf } = await libraryWithFiles();
    const altered = fileOf(items[0]!);
    const bytes = await readFile(altered);
    bytes[0] = bytes[0]! ^ 0x01;
    await writeFile(altered, bytes);
    await rm(fileOf(items[1]!));
    const orphan = path.join(root, 'files', '00', 'stray.bin');
    await mkdir(path.dirname(orphan));
    await writeFile(orphan, 'not in the catalog');
    await rm(path.join(root, 'derived'), { recursive: true });
    await rm(path.join(root, 'index'), { recursive: true });

    const run = wenshi('verify', root);
    expect(run.status).toBe(1);
    const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
    expect(run.stdout).toContain(`原件内容已改变（SHA-256 不符）：${rel(altered)}`);
    expect(run.stdout).toContain(`原件缺失：${rel(fileOf(items[1]!))}`);
    expect(run.stdout).toContain(`没有条目引用的文件：files/00/stray.bin`);
    expect(run.stdout).toContain(items[0]!.id);
    expect(run.stdout).toMatch(/可重建的内容缺失：derived\//);

    const report = JSON.parse(wenshi('verify', root, '--json').stdout) as {
      problems: { kind: string; path: string }[];
    };
    // Opening the library already rebuilt the search index, so only derived/ may still be missing.
    expect([...new Set(report.problems.map((p) => p.kind))].sort()).toEqual([
      'altered',
      'derivable',
      'missing',
      'orphan',
    ]);

    const before = await fileHashes(path.join(root, 'files'));
    const repair = wenshi('verify', root, '--repair');
    expect(repair.stdout).toContain('已重建：derived/');
    expect(await readdir(root)).toEqual(expect.arrayContaining(['derived', 'index']));
    // Originals are never altered or deleted by a repair: the damage stays reported.
    expect(await fileHashes(path.join(root, 'files'))).toEqual(before);
    expect(repair.status).toBe(1);
    expect(repair.stdout).not.toMatch(/可重建的内容缺失/);
  });

  it('after --repair a library whose only damage was derivable verifies clean', async () => {
    const { root } = await libraryWithFiles();
    await rm(path.join(root, 'derived'), { recursive: true });
    expect(wenshi('verify', root).status).toBe(1);
    expect(wenshi('verify', root, '--repair').status).toBe(0);
    expect(wenshi('verify', root).status).toBe(0);
  });
});

describe('wenshi backup and restore', () => {
  it('writes a BagIt 1.0 bag that validates, and restores it into an empty folder with the same hashes', async () => {
    const { dir, root } = await libraryWithFiles();
    const bag = path.join(dir, 'bag');
    const backup = json<{ itemCount: number; originals: number }>('backup', root, bag);
    expect(backup).toMatchObject({ itemCount: 3, originals: 3 });
    expect(validateBag(bag)).toEqual([]);
    const info = bagInfo(bag);
    expect(info).toMatchObject({
      'Wenshi-Library-Name': '许昌改革记忆',
      'Wenshi-Item-Count': '3',
      'Wenshi-File-Count': '3',
    });
    expect(info['Bagging-Date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await readdir(path.join(bag, 'data'))).not.toEqual(expect.arrayContaining(['library.lock']));
    expect(await readdir(path.join(bag, 'data'))).not.toContain('derived');

    const restored = path.join(dir, 'restored');
    await mkdir(restored);
    const run = wenshi('restore', bag, restored);
    expect(run.status, run.stderr).toBe(0);
    expect(await fileHashes(restored)).toEqual(await fileHashes(root));
    expect(await withLibrary(restored, async (l) => l.catalog.size)).toBe(3);
  });

  it('refuses to restore a damaged bag, naming the damage, and leaves the folder empty', async () => {
    const { dir, root, items } = await libraryWithFiles();
    const bag = path.join(dir, 'bag');
    expect(wenshi('backup', root, bag).status).toBe(0);
    const sha = items[0]!.files[0]!.sha256;
    await appendFile(path.join(bag, 'data', 'files', sha.slice(0, 2), `${sha}.txt`), 'x');
    const target = path.join(dir, 'target');
    await mkdir(target);
    const run = wenshi('restore', bag, target);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/备份包校验未通过.*文件校验值不符：data\/files\//);
    expect(await readdir(target)).toEqual([]);
  });

  it('refuses a bag whose manifest points outside it', async () => {
    const { dir, root } = await libraryWithFiles();
    const bag = path.join(dir, 'bag');
    expect(wenshi('backup', root, bag).status).toBe(0);
    await appendFile(path.join(bag, 'manifest-sha256.txt'), `${'0'.repeat(64)}  data/../../etc/passwd\n`);
    const target = path.join(dir, 'target');
    const run = wenshi('restore', bag, target);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/路径越出了包/);
  });

  it('will not write a backup over an existing folder', async () => {
    const { dir, root } = await libraryWithFiles();
    await mkdir(path.join(dir, 'taken'));
    const run = wenshi('backup', root, path.join(dir, 'taken'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/备份目标已存在/);
  });
});

describe('wenshi merge', () => {
  it('adds new items with their originals, skips identical ones and reports conflicts without overwriting', async () => {
    const { dir, root: ours, items } = await libraryWithFiles();
    // The other archivist starts from a copy of our library.
    const shared = path.join(dir, 'shared-bag');
    expect(wenshi('backup', ours, shared).status).toBe(0);
    const theirs = path.join(dir, 'theirs');
    expect(wenshi('restore', shared, theirs).status).toBe(0);
    // They retitle one item and add a document of their own; we change another item's place.
    await edit(theirs, items[0]!.id, { title: '许昌发制品产业的起步（修订）' });
    await writeFile(path.join(dir, '鄢陵.txt'), '鄢陵县城旧貌\n新的稿件。');
    const theirNew = await withLibrary(
      theirs,
      async (l) => (await addPaths(l, [path.join(dir, '鄢陵.txt')])).added[0]!,
    );
    await edit(ours, items[1]!.id, { places: ['禹州'] });
    const package_ = path.join(dir, 'their-bag');
    expect(wenshi('backup', theirs, package_).status).toBe(0);

    const run = wenshi('merge', ours, package_, '--json');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as {
      added: string[];
      identical: string[];
      conflicts: { itemId: string; field: string; ours: unknown; theirs: unknown }[];
      filesCopied: number;
      reportPath: string;
    };
    expect(result.added).toEqual([theirNew]);
    expect(result.filesCopied).toBe(1);
    expect(result.identical).toEqual([items[2]!.id]);
    expect(result.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          itemId: items[0]!.id,
          field: 'title',
          ours: '许昌发制品产业的起步',
          theirs: '许昌发制品产业的起步（修订）',
        }),
        expect.objectContaining({ itemId: items[1]!.id, field: 'places', ours: ['禹州'], theirs: [] }),
      ]),
    );
    expect(result.conflicts).toHaveLength(2);
    // Nothing overwritten: our values stand until a person decides.
    expect((await itemOf(ours, items[0]!.id))!.title).toBe('许昌发制品产业的起步');
    expect((await itemOf(ours, items[1]!.id))!.places).toEqual(['禹州']);
    expect((await itemOf(ours, theirNew))!.title).toBe('鄢陵县城旧貌');
    expect(JSON.parse(await readFile(result.reportPath, 'utf8')).conflicts).toHaveLength(2);
    // Every original of theirs is now ours too, byte for byte.
    expect(await fileHashes(path.join(ours, 'files'))).toMatchObject(
      await fileHashes(path.join(theirs, 'files')),
    );

    // Merging the same package again adds nothing.
    const again = JSON.parse(wenshi('merge', ours, package_, '--json').stdout) as {
      added: string[];
      identical: string[];
    };
    expect(again.added).toEqual([]);
    expect(again.identical).toEqual(expect.arrayContaining([theirNew, items[2]!.id]));
  });
});

describe('wenshi export --csv', () => {
  it('writes UTF-8 with a BOM and neutralizes cells a spreadsheet would run as formulas', async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    const library = await Library.create(root, 'lib');
    const hostile = [
      '=HYPERLINK("http://x","点我")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '许昌, "老城"',
    ];
    for (const title of hostile) await library.createItem({ kind: 'document', title: 'x', abstract: title });
    await library.close();

    const out = path.join(dir, 'items.csv');
    const run = wenshi('export', root, '--csv', '-o', out);
    expect(run.status, run.stderr).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [header, ...rows] = parseCsv(text);
    const column = header!.indexOf('内容提要');
    const descriptions = rows.map((row) => row[column]!);
    expect(descriptions.sort()).toEqual(
      ['\'=HYPERLINK("http://x","点我")', "'+1+1", "'-2+3", "'@SUM(A1:A2)", "'\t=1+1", '许昌, "老城"'].sort(),
    );
  });
});

/** A strict RFC 4180 reader, enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
