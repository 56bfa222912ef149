// The pages OCR read are part of the library: its folder, verification, backup and restore.
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { backupLibrary } from '../../electron/core/bag/backupLibrary';
import { mergePackage } from '../../electron/core/bag/mergePackage';
import { restoreLibrary } from '../../electron/core/bag/restoreLibrary';
import { addPaths } from '../../electron/core/ingest';
import { verifyLibrary } from '../../electron/core/integrity';
import { Library } from '../../electron/core/library';
import type { OcrPage } from '../../electron/core/model';
import { OcrStore } from '../../electron/core/ocr/ocrStore';
import { tempDir } from '../helpers/tempDir';

/** A page as OCR stores it: two lines with their boxes, corners and confidences. */
function pageOf(file: string, page: number): OcrPage {
  return {
    file,
    page,
    width: 1200,
    height: 1600,
    vertical: false,
    lines: [
      {
        text: '许昌发制品厂',
        box: { x: 0.1, y: 0.1, w: 0.5, h: 0.04 },
        quad: [
          [120, 160],
          [720, 160],
          [720, 224],
          [120, 224],
        ],
        vertical: false,
        confidence: [0.99, 0.98, 0.97, 0.62, 0.99, 0.95],
      },
      {
        text: '一九八四年春',
        box: { x: 0.1, y: 0.2, w: 0.5, h: 0.04 },
        quad: [
          [120, 320],
          [720, 320],
          [720, 384],
          [120, 384],
        ],
        vertical: false,
        confidence: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
      },
    ],
    engine: 'paddleocr-v4',
    readAt: '2026-11-30T08:00:00.000Z',
    seconds: 1.4,
  };
}

/** A library with one photographed page imported, and its page read. */
async function scannedLibrary() {
  const dir = await tempDir();
  const root = path.join(dir, 'lib');
  const library = await Library.create(root, '资料库');
  const scan = path.join(dir, '来信.png');
  await sharp({ create: { width: 300, height: 400, channels: 3, background: '#f4f0e6' } })
    .png()
    .toFile(scan);
  const [id] = (await addPaths(library, [scan])).added;
  const item = library.catalog.require(id!);
  const store = new OcrStore(OcrStore.folder(root));
  await store.save(item.id, pageOf(item.files[0]!.sha256, 1));
  return { dir, root, library, item, store };
}

describe('the ocr/ folder of a library', () => {
  it('is made with the library, and a library with pages read verifies clean', async () => {
    const { root, library } = await scannedLibrary();
    try {
      expect(await readdir(root)).toContain('ocr');
      expect((await verifyLibrary(library)).problems).toEqual([]);
    } finally {
      await library.close();
    }
  });

  it('is made when a library from before it is opened for writing', async () => {
    const root = path.join(await tempDir(), 'lib');
    await (await Library.create(root, '旧资料库')).close();
    await rm(path.join(root, 'ocr'), { recursive: true });
    const library = await Library.open(root);
    try {
      expect(await readdir(root)).toContain('ocr');
      expect((await verifyLibrary(library)).problems).toEqual([]);
    } finally {
      await library.close();
    }
  });

  it('verification names page files that are damaged, belong to no item, or to an original the item no longer has', async () => {
    const { root, library, item } = await scannedLibrary();
    try {
      const folder = path.join(root, 'ocr', OcrStore.dirName(item.id));
      const gone = 'c'.repeat(64);
      // An original taken out of the item: its page stays behind.
      await writeFile(path.join(folder, `${gone}-00001.json`), JSON.stringify(pageOf(gone, 1)));
      // Cut short by a crash, or edited by hand.
      const own = item.files[0]!.sha256;
      await writeFile(path.join(folder, `${own}-00002.json`), '{"file":"');
      // A page whose name and content disagree.
      await writeFile(path.join(folder, `${own}-00003.json`), JSON.stringify(pageOf(own, 7)));
      await writeFile(path.join(folder, '说明.txt'), '手工放入的文件');
      // An item deleted, its pages left.
      await mkdir(path.join(root, 'ocr', 'ffffffffffffffff'));
      await writeFile(
        path.join(root, 'ocr', 'ffffffffffffffff', `${own}-00001.json`),
        JSON.stringify(pageOf(own, 1)),
      );
      await writeFile(path.join(root, 'ocr', 'stray.json'), '{}');
      // A link is the link check's, named once; a file being written is the temp check's.
      await symlink(path.join(folder, `${own}-00001.json`), path.join(folder, `${own}-00004.json`));
      await writeFile(path.join(folder, `.${own}-00005.json.${process.pid}.tmp`), '{');

      const problems = (await verifyLibrary(library)).problems;
      const ocr = problems.filter((p) => p.kind === 'ocr');
      const rel = (name: string) => `ocr/${OcrStore.dirName(item.id)}/${name}`;
      expect(ocr.map((p) => p.path).sort()).toEqual(
        [
          rel(`${gone}-00001.json`),
          rel(`${own}-00002.json`),
          rel(`${own}-00003.json`),
          rel('说明.txt'),
          `ocr/ffffffffffffffff/${own}-00001.json`,
          'ocr/stray.json',
        ].sort(),
      );
      const about = (p: string) => ocr.find((problem) => problem.path === p)!;
      expect(about(rel(`${gone}-00001.json`)).message).toMatch(/原件已不在条目中/);
      expect(about(rel(`${gone}-00001.json`)).itemIds).toEqual([item.id]);
      expect(about(rel(`${own}-00002.json`)).message).toMatch(/已损坏/);
      expect(about(rel(`${own}-00003.json`)).message).toMatch(/已损坏/);
      expect(about(`ocr/ffffffffffffffff/${own}-00001.json`).message).toMatch(/不属于任何条目/);
      expect(problems.filter((p) => p.kind === 'link').map((p) => p.path)).toEqual([
        rel(`${own}-00004.json`),
      ]);
      // The page that is right is not named, and nothing is removed.
      expect(ocr.some((p) => p.path === rel(`${own}-00001.json`))).toBe(false);
      expect(await readdir(folder)).toHaveLength(7);
    } finally {
      await library.close();
    }
  });

  it('a backup restored keeps every page with its lines, boxes and confidences', async () => {
    const { dir, library, item } = await scannedLibrary();
    const bag = path.join(dir, 'bag');
    try {
      await backupLibrary(library, bag);
    } finally {
      await library.close();
    }
    const restored = path.join(dir, 'restored');
    await restoreLibrary(bag, restored);
    const again = await Library.open(restored);
    try {
      const pages = await new OcrStore(OcrStore.folder(restored)).pages(again.catalog.require(item.id));
      expect(pages).toEqual([pageOf(item.files[0]!.sha256, 1)]);
      // Thumbnails are left out of a backup and made again; nothing else is amiss.
      expect((await verifyLibrary(again)).problems.filter((p) => p.kind !== 'derivable')).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it("a merged package brings its items' pages; one with a symlink among them is refused whole", async () => {
    const { dir, library, item, store } = await scannedLibrary();
    await store.save(item.id, pageOf(item.files[0]!.sha256, 2));
    const bag = path.join(dir, 'bag');
    try {
      await backupLibrary(library, bag);
    } finally {
      await library.close();
    }
    const other = await Library.create(path.join(dir, 'other'), '另一个资料库');
    try {
      expect((await mergePackage(other, bag)).added).toEqual([item.id]);
      expect(await new OcrStore(OcrStore.folder(other.root)).pages(other.catalog.require(item.id))).toEqual([
        pageOf(item.files[0]!.sha256, 1),
        pageOf(item.files[0]!.sha256, 2),
      ]);
    } finally {
      await other.close();
    }

    // A hostile package: page 2 is a symlink to a file of this computer with the same bytes.
    const pages = path.join(bag, 'data', 'ocr', OcrStore.dirName(item.id));
    const [, second] = (await readdir(pages)).sort();
    const outside = path.join(dir, 'outside.json');
    await writeFile(outside, await readFile(path.join(pages, second!)));
    await rm(path.join(pages, second!));
    await symlink(outside, path.join(pages, second!));
    const third = await Library.create(path.join(dir, 'third'), '第三个资料库');
    try {
      await expect(mergePackage(third, bag)).rejects.toThrow(/符号链接/);
      expect(third.catalog.size).toBe(0);
      expect(await readdir(OcrStore.folder(third.root))).toEqual([]);
    } finally {
      await third.close();
    }
  });
});
