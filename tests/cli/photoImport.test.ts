import { spawn, spawnSync } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library, derivedPaths } from '../../electron/core/library';
import { tempDir } from '../helpers/tempDir';
import { noiseJpeg, pngClaiming, truncatedJpeg } from '../helpers/images';

const BIN = fileURLToPath(new URL('../../bin/wenshi.js', import.meta.url));
const PHOTOS = 1000;

interface AddJson {
  added: string[];
  skipped: { path: string; reason: string }[];
  failed: { path: string; reason: string }[];
  counts: { files: number };
}

function add(root: string, folder: string): AddJson {
  const run = spawnSync(process.execPath, [BIN, 'add', root, folder, '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect([0, 1]).toContain(run.status); // 1: some files failed, which this folder has on purpose
  return JSON.parse(run.stdout) as AddJson;
}

/** Every item's files, with their hashes: no hash may appear twice. */
async function catalogOf(root: string) {
  const library = await Library.open(root, { readOnly: true });
  const items = library.catalog.all();
  return { items, hashes: items.flatMap((item) => item.files.map((f) => f.sha256)) };
}

let folder: string;
const TRUNCATED = 'photo-0500.jpg';
const BOMB = 'photo-0700.png';

// Made once for both tests (tempDir's folders last one test each).
let source: string;
afterAll(() => rm(source, { recursive: true, force: true }));

beforeAll(async () => {
  source = await mkdtemp(path.join(os.tmpdir(), 'wenshi-photos-'));
  folder = path.join(source, '老照片');
  await mkdir(folder);
  // Every tenth photo carries EXIF; two are bad on purpose.
  await Promise.all(
    Array.from({ length: PHOTOS }, async (_, i) => {
      const name = `photo-${String(i).padStart(4, '0')}`;
      if (name + '.jpg' === TRUNCATED) return writeFile(path.join(folder, TRUNCATED), await truncatedJpeg());
      if (name + '.png' === BOMB)
        return writeFile(path.join(folder, BOMB), await pngClaiming(30_000, 30_000));
      const exif =
        i % 10 === 0
          ? {
              tags: {
                IFD0: { Make: 'Seagull', Model: 'DF-1' },
                IFD2: { DateTimeOriginal: '1986:05:01 09:00:00' },
              },
            }
          : undefined;
      return writeFile(path.join(folder, `${name}.jpg`), await noiseJpeg(i, 24, 16, exif));
    }),
  );
});

describe('importing a folder of 1,000 photos', () => {
  it('reports the truncated photo and the bomb by name, thumbnails the rest, and adds nothing the second time', async () => {
    const root = path.join(await tempDir(), 'lib');
    await Library.create(root, '照片').then((library) => library.close());

    const first = add(root, folder);
    expect(first.counts.files).toBe(PHOTOS);
    expect(first.added).toHaveLength(PHOTOS - 2);
    expect(first.skipped).toEqual([]);
    expect(first.failed).toEqual([
      { path: path.join(folder, TRUNCATED), reason: expect.stringMatching(/不完整或已损坏/) },
      { path: path.join(folder, BOMB), reason: expect.stringMatching(/30000 × 30000.*超过安全上限/) },
    ]);

    const { items, hashes } = await catalogOf(root);
    expect(items).toHaveLength(PHOTOS - 2);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const item of items) {
      const derived = derivedPaths(root, item.files[0]!.sha256);
      await access(derived.thumbnail);
      await access(derived.preview);
      expect(item.photo).toMatchObject({ width: 24, height: 16 });
    }
    const withExif = items.filter((item) => item.suggestions.length > 0);
    expect(withExif).toHaveLength(PHOTOS / 10 - 2); // the two bad files were among them
    expect(withExif[0]!.suggestions[0]).toEqual({
      field: 'createdDate',
      value: '1986-05-01',
      source: 'EXIF 拍摄时间',
    });

    const again = add(root, folder);
    expect(again.added).toEqual([]);
    expect(again.skipped).toHaveLength(PHOTOS - 2);
    expect(again.skipped.every((s) => s.reason.startsWith('已在资料库中'))).toBe(true);
    expect((await catalogOf(root)).items).toHaveLength(PHOTOS - 2);
  });

  it('finishes without duplicates after the import is killed halfway', async () => {
    const root = path.join(await tempDir(), 'lib');
    await Library.create(root, '照片').then((library) => library.close());

    // Progress lines ("done/total …") go to stderr; the import is killed once half the files are read.
    const child = spawn(process.execPath, [BIN, 'add', root, folder], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const killedAt = await new Promise<number>((resolve, reject) => {
      let buffered = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        buffered += chunk;
        const done = Math.max(0, ...[...buffered.matchAll(/^(\d+)\/\d+/gm)].map((m) => Number(m[1])));
        if (done >= PHOTOS / 2 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve(done);
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL')
          reject(new Error(`import ended before it was killed (${code}): ${buffered.slice(-500)}`));
      });
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(killedAt).toBeLessThan(PHOTOS);

    const partial = await catalogOf(root);
    expect(partial.items.length).toBeLessThan(PHOTOS - 2);

    const resumed = add(root, folder);
    expect(resumed.skipped).toHaveLength(partial.items.length);
    expect(resumed.added).toHaveLength(PHOTOS - 2 - partial.items.length);
    const { items, hashes } = await catalogOf(root);
    expect(items).toHaveLength(PHOTOS - 2);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(new Set(items.map((item) => item.identifier)).size).toBe(items.length);
  });
});
