import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import type { Application } from '../../electron/app';
import type { ApiEvent, OpOutput } from '../../electron/contract';
import { checkBag, unpackZip } from '../../electron/core/bag';
import { zipFile } from '../helpers/hostileFiles';
import { libraryOf } from '../helpers/libraryOf';
import { tempDir } from '../helpers/tempDir';
import {
  backupZipFile,
  BROWSER,
  call,
  failure,
  libraryWithItems,
  REGISTER_CSV,
  stageUpload,
} from '../helpers/transferFixtures';

const open: Application[] = [];
afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
});

async function library(dir: string, name: string): Promise<Application> {
  const app = await libraryWithItems(dir, name);
  open.push(app);
  return app;
}

describe('registers through the application', () => {
  it('previews a register with its columns mapped and row errors, then imports the valid rows as a job', async () => {
    const dir = await tempDir();
    const app = await library(dir, '资料库');
    const upload = await stageUpload(app, '登记表.csv', REGISTER_CSV);
    type Preview = OpOutput<'registers.preview'>;
    const preview = await call<Preview>(app, 'registers.preview', { upload }, BROWSER);
    expect(preview.columns.map((c) => c.field ?? null)).toEqual([
      '档号',
      '题名',
      '类型',
      '口述人',
      '事件时间',
      '地点',
      null,
    ]);
    expect(preview.valid).toBe(3);
    expect(preview.rows.filter((r) => r.errors.length).map((r) => r.row)).toEqual([4, 5]);
    expect(preview.rows.find((r) => r.row === 5)!.errors.join()).toMatch(/图画/);

    const events: ApiEvent[] = [];
    const stop = app.onEvent((e) => events.push(e));
    const before = libraryOf(app).catalog.size;
    const done = await call<OpOutput<'registers.import'>>(app, 'registers.import', { upload }, BROWSER, {
      jobId: 'reg-1',
    });
    stop();
    expect(done.added).toHaveLength(3);
    expect(libraryOf(app).catalog.size).toBe(before + 3);
    expect(
      events.some((e) => e.type === 'progress' && e.jobId === 'reg-1' && e.op === 'registers.import'),
    ).toBe(true);
    // The staged upload is gone once imported.
    expect(await readdir(libraryOf(app).path('.incoming')).catch(() => [])).toEqual([]);
  });

  it('takes a local path only from a door that may name files on this computer', async () => {
    const dir = await tempDir();
    const app = await library(dir, '资料库');
    const error = await failure(app, 'registers.preview', { path: path.join(dir, 'x.csv') }, BROWSER);
    expect(error.message).toMatch(/浏览器模式不能指定本机路径/);
    expect((await failure(app, 'registers.preview', {})).message).toMatch(/请指定登记表文件/);
  });
});

describe('export, backup, restore, merge and verify through the application', () => {
  it('exports the chosen items as CSV and the catalog as JSON into exports/', async () => {
    const dir = await tempDir();
    const app = await library(dir, '资料库');
    const ids = libraryOf(app)
      .catalog.all()
      .map((i) => i.id);
    const csv = await call<OpOutput<'items.export'>>(
      app,
      'items.export',
      { format: 'csv', itemIds: [ids[1]] },
      BROWSER,
    );
    expect(csv.count).toBe(1);
    const text = await readFile(libraryOf(app).path('exports', csv.fileName), 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/资料库·魏都老街/);
    const json = await call<OpOutput<'items.export'>>(app, 'items.export', { format: 'json' }, BROWSER);
    const parsed = JSON.parse(await readFile(libraryOf(app).path('exports', json.fileName), 'utf8'));
    expect(parsed.items).toHaveLength(2);
  });

  it('streams a backup zip that unpacks to a valid bag, and restores an uploaded one beside the library', async () => {
    const dir = await tempDir();
    const app = await library(dir, '甲馆');
    const zip = path.join(dir, 'backup.zip');
    await backupZipFile(app, zip);
    const upload = await stageUpload(app, '甲馆备份.zip', await readFile(zip));
    const restored = await call<OpOutput<'library.restore'>>(app, 'library.restore', { upload }, BROWSER, {
      jobId: 'restore-1',
    });
    expect(path.dirname(restored.root)).toBe(path.dirname(app.root));
    expect(path.basename(restored.root)).toMatch(/^甲馆-恢复-/);
    expect(restored).toMatchObject({ name: '甲馆', items: 2 });
    const original = libraryOf(app)
      .catalog.all()
      .find((i) => i.files.length)!.files[0]!;
    const copy = path.join(
      restored.root,
      path.relative(app.root, libraryOf(app).files.pathFor(original.sha256, original.name)),
    );
    expect(await readFile(copy, 'utf8')).toBe('甲馆的口述记录：许昌发制品');
    // Staging is cleared: neither the zip nor what was unpacked from it stays.
    expect(await readdir(libraryOf(app).path('.incoming'))).toEqual([]);
  });

  it('restores a bag folder into an empty folder on the desktop, and refuses a target in use', async () => {
    const dir = await tempDir();
    const app = await library(dir, '甲馆');
    const bag = path.join(dir, 'bag');
    await call(app, 'library.backup', { output: bag });
    expect((await checkBag(bag)).problems).toEqual([]);
    const target = path.join(dir, '恢复');
    const restored = await call<OpOutput<'library.restore'>>(app, 'library.restore', { bag, target });
    expect(restored).toMatchObject({ root: target, items: 2, name: '甲馆' });
    expect((await failure(app, 'library.restore', { bag, target })).message).toMatch(/空文件夹/);
    expect((await failure(app, 'library.restore', { bag, target }, BROWSER)).message).toMatch(/本机路径/);
  });

  it('refuses an uploaded zip whose entries climb out of the folder, and creates nothing', async () => {
    const dir = await tempDir();
    const app = await library(dir, '甲馆');
    const hostile = zipFile([
      { name: 'bagit.txt', content: Buffer.from('BagIt-Version: 1.0\n') },
      { name: '../../逃逸.txt', content: Buffer.from('x') },
    ]);
    const upload = await stageUpload(app, 'evil.zip', hostile);
    const error = await failure(app, 'library.restore', { upload }, BROWSER);
    expect(error.message).toMatch(/备份压缩包无法使用/);
    expect((await readdir(dir)).sort()).toEqual(['甲馆', '甲馆-sources']);
  });

  it('refuses a zip that declares more than the disk can take before writing anything', async () => {
    const dir = await tempDir();
    const app = await library(dir, '甲馆');
    const bomb = zipFile([{ name: 'data/big.bin', content: Buffer.alloc(10), declaredSize: 0xfffffff0 }]);
    const many = Array.from({ length: 600 }, (_, i) => ({
      name: `data/${i}.bin`,
      content: Buffer.alloc(1),
      declaredSize: 0xfffffff0,
    }));
    for (const zip of [bomb, zipFile(many)]) {
      const upload = await stageUpload(app, 'bomb.zip', zip);
      const error = await failure(app, 'library.restore', { upload }, BROWSER);
      expect(error.message).toMatch(/备份压缩包无法使用/);
    }
    expect(await readdir(libraryOf(app).path('.incoming'))).toEqual([]);
  });

  it('merges another office’s backup zip, reporting conflicts field by field', async () => {
    const dir = await tempDir();
    const ours = await library(dir, '甲馆');
    const theirs = await library(dir, '乙馆');
    // The same original on both sides, with a different title: a conflict, not a copy.
    const shared = libraryOf(theirs)
      .catalog.all()
      .find((i) => i.files.length)!;
    await call(ours, 'items.update', {
      id: libraryOf(ours)
        .catalog.all()
        .find((i) => i.files.length)!.id,
      patch: { title: '甲馆的题名' },
    });
    const zip = path.join(dir, 'theirs.zip');
    await backupZipFile(theirs, zip);
    const upload = await stageUpload(ours, '乙馆.zip', await readFile(zip));
    const merged = await call<OpOutput<'library.merge'>>(ours, 'library.merge', { upload }, BROWSER);
    expect(merged.added.length).toBeGreaterThanOrEqual(1);
    expect(merged.failed).toEqual([]);
    expect(shared.title).not.toBe('甲馆的题名');
    expect(merged.reportPath).not.toBeNull();
    expect(await readdir(libraryOf(ours).path('.incoming'))).toEqual([]);
  });

  it('verifies and reports a missing original in plain words', async () => {
    const dir = await tempDir();
    const app = await library(dir, '甲馆');
    const item = libraryOf(app)
      .catalog.all()
      .find((i) => i.files.length)!;
    await rm(libraryOf(app).files.pathFor(item.files[0]!.sha256, item.files[0]!.name));
    const report = await call<OpOutput<'library.verify'>>(app, 'library.verify', {}, BROWSER);
    expect(report.problems.map((p) => p.kind)).toContain('missing');
    expect(report.problems[0]!.message).toMatch(/原件缺失/);
  });
});

describe('the streamed zip', () => {
  it('holds the payload first and the tag files last, and unpacks to a bag that validates', async () => {
    const dir = await tempDir();
    const app = await library(dir, '甲馆');
    const zip = path.join(dir, 'b.zip');
    await backupZipFile(app, zip);
    const names: string[] = [];
    const file = await yauzl.openPromise(zip);
    for await (const entry of file.eachEntry()) names.push(entry.fileName);
    file.close();
    expect(names).toContain('bagit.txt');
    expect(names[0]).toBe('data/library.json');
    expect(names.some((n) => n.startsWith('data/files/'))).toBe(true);
    expect(names.at(-1)).toBe('tagmanifest-sha256.txt');
    const unpacked = path.join(dir, 'unpacked');
    await unpackZip(zip, unpacked, { maxBytes: 1024 ** 3 });
    expect((await checkBag(unpacked)).problems).toEqual([]);
  });
});
