import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import { mergePackage, writeBag } from '../../electron/core/bag';
import { tempDir } from '../helpers/tempDir';
import { fileHashes } from '../helpers/wenshiCli';
import { docxEntries, pdfWithJavaScript, pngDeclaring, zipFile } from '../helpers/hostileFiles';

/** A library with one item already in it, and a folder beside it for the hostile files. */
async function setup() {
  const dir = await tempDir();
  const root = path.join(dir, 'lib');
  const library = await Library.create(root, 'lib');
  await library.createItem({ kind: 'oral', title: '已有条目' });
  const inbox = path.join(dir, 'inbox');
  await mkdir(inbox);
  return { dir, root, library, inbox };
}

/** Imports `file` and expects it refused with `reason`, the library left exactly as it was. */
async function expectRefused(file: string, reason: RegExp) {
  const { root, library } = current!;
  const before = await fileHashes(root);
  const result = await addPaths(library, [file]);
  expect(result.added).toEqual([]);
  expect(result.failed).toHaveLength(1);
  expect(result.failed[0]!.reason).toMatch(reason);
  expect(await fileHashes(root)).toEqual(before);
  expect(library.catalog.size).toBe(1);
}

let current: Awaited<ReturnType<typeof setup>> | undefined;

async function fresh() {
  await current?.library.close();
  current = await setup();
  return current;
}

describe('hostile input', () => {
  it('refuses a PNG declaring 30,000 × 30,000 pixels (decompression bomb) without decoding it', async () => {
    const { inbox } = await fresh();
    const file = path.join(inbox, '老照片.png');
    await writeFile(file, pngDeclaring(30_000, 30_000));
    await expectRefused(file, /超过安全上限/);
  });

  it('still accepts an ordinary PNG', async () => {
    const { inbox, library } = await fresh();
    const file = path.join(inbox, '小图.png');
    await sharp({ create: { width: 2, height: 2, channels: 3, background: '#888' } })
      .png()
      .toFile(file);
    expect((await addPaths(library, [file])).added).toHaveLength(1);
  });

  it('refuses a .docx whose document.xml inflates to 100 MB (zip bomb) before Word parsing', async () => {
    const { inbox } = await fresh();
    const file = path.join(inbox, '访谈.docx');
    const entries = docxEntries('');
    entries[2] = { name: 'word/document.xml', content: Buffer.alloc(100 * 1024 * 1024, 0x20) };
    await writeFile(file, zipFile(entries));
    await expectRefused(file, /压缩炸弹/);
  });

  it('refuses a .docx whose headers understate what document.xml inflates to', async () => {
    const { inbox } = await fresh();
    const file = path.join(inbox, '访谈.docx');
    const entries = docxEntries('');
    entries[2] = {
      name: 'word/document.xml',
      content: Buffer.alloc(8 * 1024 * 1024, 0x20),
      declaredSize: 1000,
    };
    await writeFile(file, zipFile(entries));
    await expectRefused(file, /压缩炸弹/);
  });

  it('still reads an ordinary .docx', async () => {
    const { inbox, library } = await fresh();
    const file = path.join(inbox, '访谈.docx');
    await writeFile(file, zipFile(docxEntries('许昌发制品厂的往事')));
    const result = await addPaths(library, [file]);
    expect(result.failed).toEqual([]);
    expect(library.catalog.get(result.added[0]!)!.text).toBe('许昌发制品厂的往事');
  });

  it('stores a PDF carrying JavaScript as an untouched original and runs nothing', async () => {
    const { inbox, library, root } = await fresh();
    const file = path.join(inbox, '会议纪要.pdf');
    const bytes = pdfWithJavaScript();
    await writeFile(file, bytes);
    const result = await addPaths(library, [file]);
    const item = library.catalog.get(result.added[0]!)!;
    // Import only hashes and copies a PDF: nothing reads, renders or interprets its objects.
    expect(item).toMatchObject({ kind: 'document', text: '', title: '会议纪要' });
    const stored = path.join(
      root,
      'files',
      item.files[0]!.sha256.slice(0, 2),
      `${item.files[0]!.sha256}.pdf`,
    );
    expect(Buffer.compare(await readFile(stored), bytes)).toBe(0);
  });

  it('keeps hostile file names in the catalog only: `..\\`, control characters, bidi overrides, 255 bytes', async () => {
    const { dir, inbox, library, root } = await fresh();
    const names = [
      '..\\..\\..\\evil.txt',
      '红字\u0007\u001b[31m\r.txt',
      '报告\u202Etxt.exe.txt',
      'a'.repeat(251) + '.txt',
      '长'.repeat(83) + '.txt',
    ];
    for (const [i, name] of names.entries()) await writeFile(path.join(inbox, name), `第${i}份\n`);
    const outside = await readdir(dir);
    const result = await addPaths(
      library,
      names.map((name) => path.join(inbox, name)),
    );
    expect(result.failed).toEqual([]);
    expect(result.added).toHaveLength(names.length);
    const items = result.added.map((id) => library.catalog.get(id)!);
    expect(items.map((i) => i.files[0]!.name).sort()).toEqual([...names].sort());
    for (const item of items) {
      // eslint-disable-next-line no-control-regex -- checking that none are left
      expect(item.title).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
    }
    for (const shard of await readdir(path.join(root, 'files')))
      for (const stored of await readdir(path.join(root, 'files', shard)))
        expect(stored).toMatch(/^[0-9a-f]{64}\.txt$/);
    expect(await readdir(dir)).toEqual(outside);
  });

  it('hashes a 2 GB sparse file by streaming (memory stays flat) and refuses it as full text cleanly', async () => {
    const { inbox } = await fresh();
    const file = path.join(inbox, '超大文本.txt');
    const handle = await open(file, 'w');
    await handle.truncate(2 * 1024 ** 3);
    await handle.close();
    const peakBefore = process.resourceUsage().maxRSS;
    await expectRefused(file, /超过 64 MB/);
    // Reading it whole would raise the peak by 2 GB (or fail outright); streaming adds a few MB.
    expect(process.resourceUsage().maxRSS - peakBefore).toBeLessThan(512 * 1024);
  });

  it('refuses items of a package whose catalog points outside the library, writing nothing', async () => {
    const { dir, root, library } = await fresh();
    const staging = path.join(dir, 'staging');
    await mkdir(staging);
    const hostile = {
      id: 'aa00000000000001',
      kind: 'document',
      title: '越界',
      files: [{ sha256: '../../../../etc/passwd', name: '../../x.txt', size: 1, mime: 'text/plain' }],
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    };
    await writeFile(path.join(staging, 'library.json'), await readFile(path.join(root, 'library.json')));
    await writeFile(
      path.join(staging, 'items-aa.json'),
      JSON.stringify({ items: { [hostile.id]: hostile } }),
    );
    const bag = path.join(dir, 'bag');
    await writeBag(
      bag,
      [
        { rel: 'library.json', source: path.join(staging, 'library.json') },
        { rel: 'catalog/items-aa.json', source: path.join(staging, 'items-aa.json') },
      ],
      [],
    );
    const before = await fileHashes(root);
    const outside = await readdir(dir);
    const result = await mergePackage(library, bag);
    expect(result.added).toEqual([]);
    expect(result.failed).toEqual([
      { itemId: hostile.id, reason: expect.stringMatching(/条目数据不合格式/) },
    ]);
    expect(library.catalog.size).toBe(1);
    // Only the merge report was written, inside log/.
    const after = await fileHashes(root);
    expect(Object.keys(after).filter((k) => !(k in before))).toEqual([
      expect.stringMatching(/^log\/merges\/.+\.json$/),
    ]);
    expect(await readdir(dir)).toEqual(outside);
  });

  it('reads invalid UTF-8 and mixed encodings with the best guess, records which, and never crashes', async () => {
    const { inbox, library } = await fresh();
    const mixed = Buffer.concat([Buffer.from('许昌改革开放', 'utf8'), iconv.encode('许昌发制品厂', 'gbk')]);
    const garbage = Buffer.from([
      0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, 0x0a, 0x80, 0x81,
    ]);
    const gbk = iconv.encode('许昌市政协文史资料委员会编印的口述史料', 'gbk');
    await writeFile(path.join(inbox, 'mixed.txt'), mixed);
    await writeFile(path.join(inbox, 'garbage.txt'), garbage.subarray(2));
    await writeFile(path.join(inbox, 'gbk.txt'), gbk);
    const result = await addPaths(library, [inbox]);
    expect(result.failed).toEqual([]);
    const byName = Object.fromEntries(
      result.added.map((id) => library.catalog.get(id)!).map((item) => [item.files[0]!.name, item]),
    );
    for (const item of Object.values(byName))
      expect(item.files[0]!.encoding).toMatch(/^(UTF-8|GB18030|Big5|UTF-16LE)$/);
    expect(byName['gbk.txt']!.files[0]!.encoding).toBe('GB18030');
    expect(byName['gbk.txt']!.text).toBe('许昌市政协文史资料委员会编印的口述史料');
    expect(byName['mixed.txt']!.text.length).toBeGreaterThan(0);
  });
});
