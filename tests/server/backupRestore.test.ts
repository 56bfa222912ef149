import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../electron/contract';
import { unpackZip } from '../../electron/core/bag';
import { validateBag } from '../helpers/bagitValidator';
import { browserDoor, rawRequest } from '../helpers/browserDoor';
import { zipFile } from '../helpers/hostileFiles';
import { libraryOf } from '../helpers/libraryOf';

/** Incompressible files in the library, more than any socket buffer holds. */
async function bulk(root: string, count: number, megabytes: number): Promise<void> {
  await mkdir(path.join(root, 'exports'), { recursive: true });
  for (let i = 0; i < count; i++)
    await writeFile(path.join(root, 'exports', `大文件-${i}.bin`), randomBytes(megabytes * 1024 * 1024));
}

describe('backup as a streamed zip download', () => {
  it('starts the response before the archive is complete, and the whole download is a bag that validates', async () => {
    const door = await browserDoor();
    await door.addFiles({ '访谈.txt': '许昌发制品的口述记录' });
    await bulk(door.root, 3, 16);
    const events: ApiEvent[] = [];
    door.service.onEvent((e) => events.push(e));
    const finished = () =>
      events.some((e) => e.type === 'progress' && e.jobId === 'zip-1' && e.done === e.total && e.total > 0);

    const response = await fetch(`${door.origin}/backup.zip?jobId=zip-1`, { headers: door.bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; .*filename\*=UTF-8''/);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeGreaterThan(0);
    // 48 MB of stored files cannot have been packed while the first bytes are still unread.
    expect(finished()).toBe(false);

    const file = path.join(door.dir, 'download.zip');
    const rest = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(first.value!),
      pull: async (controller) => {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    await pipeline(Readable.fromWeb(rest as WebReadableStream<Uint8Array>), createWriteStream(file));
    expect(finished()).toBe(true);
    const unpacked = path.join(door.dir, 'unpacked');
    await unpackZip(file, unpacked, { maxBytes: 1024 ** 3 });
    expect(validateBag(unpacked)).toEqual([]);
    const copied = await readFile(path.join(unpacked, 'data', 'exports', '大文件-2.bin'));
    expect(copied.equals(await readFile(path.join(door.root, 'exports', '大文件-2.bin')))).toBe(true);
  });

  it('keeps the door’s guards: token, our own page, a door that may write', async () => {
    const door = await browserDoor();
    expect((await rawRequest(`${door.origin}/backup.zip`)).status).toBe(401);
    const crossSite = await rawRequest(`${door.origin}/backup.zip`, {
      headers: { ...door.cookie, 'Sec-Fetch-Site': 'same-site' },
    });
    expect(crossSite.status).toBe(403);
    const reader = await browserDoor({ allowEdit: false });
    const refused = await rawRequest(`${reader.origin}/backup.zip`, { headers: reader.bearer });
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/只读/);
  });
});

describe('restore from an uploaded zip', () => {
  async function upload(door: Awaited<ReturnType<typeof browserDoor>>, name: string, body: Buffer) {
    const batchId = 'restore-batch-1';
    const response = await rawRequest(`${door.origin}/uploads/${batchId}/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { ...door.bearer, 'X-Wenshi': '1', 'Content-Length': String(body.length) },
      body,
    });
    expect(response.status).toBe(200);
    return { batchId, name };
  }

  it('refuses a hostile zip with ../ entries and writes nothing outside the staging area', async () => {
    const door = await browserDoor();
    const hostile = zipFile([
      { name: 'bagit.txt', content: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
      { name: 'data/../../../逃逸.txt', content: Buffer.from('pwned') },
    ]);
    const ref = await upload(door, 'evil.zip', hostile);
    const result = await door.call('library.restore', { upload: ref });
    expect(result.json.ok).toBe(false);
    expect(result.json.error.message).toMatch(/备份压缩包无法使用/);
    expect((await readdir(door.dir)).sort()).toEqual(['lib', 'renderer']);
    expect(await readdir(libraryOf(door.service).path('.incoming'))).toEqual([]);
  });

  it('answers an upload larger than the disk can take with 413 and says why', async () => {
    const door = await browserDoor();
    const response = await rawRequest(`${door.origin}/uploads/restore-batch-2/big.zip`, {
      method: 'PUT',
      headers: { ...door.bearer, 'X-Wenshi': '1', 'Content-Length': String(2 ** 50) },
      body: Buffer.alloc(1024),
    });
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/磁盘最多还能接收 [\d.]+ GB/);
  });

  it('restores the downloaded backup into a new library beside this one', async () => {
    const door = await browserDoor();
    await door.addFiles({ '访谈.txt': '许昌发制品的口述记录' });
    const zip = Buffer.from(
      await (await fetch(`${door.origin}/backup.zip`, { headers: door.bearer })).arrayBuffer(),
    );
    const ref = await upload(door, '备份.zip', zip);
    const result = await door.call('library.restore', { upload: ref });
    expect(result.json.ok).toBe(true);
    const root = result.json.value['root'] as string;
    expect(path.dirname(root)).toBe(door.dir);
    expect(result.json.value['items']).toBe(1);
  });
});
