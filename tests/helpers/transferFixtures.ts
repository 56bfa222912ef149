// What the backup, restore, merge and register tests share: a library behind Application with a
// few items and an original, a register CSV with good and bad rows, and a backup zip made by the app.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Application, type DoorPolicy } from '../../electron/app';
import { Library } from '../../electron/core/library';
import { fonts } from './fonts';

export const DESKTOP: DoorPolicy = { canWrite: true, canUseLocalPaths: true };
export const BROWSER: DoorPolicy = { canWrite: true, canUseLocalPaths: false };

/** Three good rows (one with a 档号), one without a title, one with an unknown type; an unknown column. */
export const REGISTER_CSV =
  '档号,题名,类型,口述人,事件时间,地点,备忘\r\n' +
  'XCGG-2023-0001,许昌发制品产业的起步,口述,张三,1984年春,许昌市,甲\r\n' +
  ',禹州钧瓷复烧记,口述,王五,八十年代初,禹州市,\r\n' +
  ',,照片,,,,\u00a0空题名\r\n' +
  ',鄢陵花木,图画,,,,\r\n' +
  ',魏都老街,照片,,1990年,许昌市魏都区,\r\n';

export async function call<T>(
  app: Application,
  op: string,
  args: unknown,
  door: DoorPolicy = DESKTOP,
  meta: unknown = {},
): Promise<T> {
  const result = await app.dispatch(op, args, meta, door);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

export async function failure(app: Application, op: string, args: unknown, door: DoorPolicy = DESKTOP) {
  const result = await app.dispatch(op, args, {}, door);
  if (result.ok) throw new Error(`${op} should have failed`);
  return result.error;
}

/** A library named `name` in `dir/name`, with two items and one original, open behind Application. */
export async function libraryWithItems(dir: string, name: string): Promise<Application> {
  const root = path.join(dir, name);
  await (await Library.create(root, name)).close();
  const app = await Application.open(root, { fonts });
  const sources = path.join(dir, `${name}-sources`);
  await mkdir(sources, { recursive: true });
  await writeFile(path.join(sources, '访谈记录.txt'), `${name}的口述记录：许昌发制品`);
  await call(app, 'items.add', { paths: [path.join(sources, '访谈记录.txt')] });
  await call(app, 'items.create', { title: `${name}·魏都老街`, kind: 'photo' });
  return app;
}

/** The app's own streamed backup zip, written to `file`. */
export async function backupZipFile(app: Application, file: string): Promise<void> {
  const { stream } = app.backupDownload(DESKTOP);
  await pipeline(stream, createWriteStream(file));
}

/** Stages a file as the browser's upload route would, returning its upload reference. */
export async function stageUpload(app: Application, name: string, content: Buffer | string) {
  const batchId = `batch-${Math.random().toString(36).slice(2, 12)}`;
  const target = await app.uploadTarget(batchId, name);
  if (!target) throw new Error('upload target refused');
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
  return { batchId, name };
}
