/**
 * Thumbnailing speed: Wenshi's sharp pipeline beside ImageMagick's `convert -thumbnail`, on the
 * same generated camera-sized JPEGs, with as many images in flight as there are cores; then the
 * register import and single-edit figures of registerIngest.ts.
 * Run with `npm run bench:ingest` (not part of `npm test`). Needs ImageMagick (`convert`).
 * BENCH_PART=photos or BENCH_PART=register runs one part.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { processPhoto } from '../../electron/core/ingest';
import { THUMBNAIL_SIZE } from '../../electron/core/library';
import { registerBench } from './registerIngest';

const run = promisify(execFile);
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 40);
const WIDTH = 4000;
const HEIGHT = 3000;
const CONVERT = process.env.CONVERT ?? '/usr/bin/convert';
const cores = os.availableParallelism();

/** A 12-megapixel JPEG with smooth areas and grain, compressed like a camera's. */
async function cameraJpeg(seed: number): Promise<Buffer> {
  const small = Buffer.alloc(400 * 300 * 3);
  for (let i = 0; i < small.length; i++)
    small[i] = (Math.sin(i / (50 + seed)) * 127 + 128 + ((i * seed) % 31)) & 255;
  return sharp(small, { raw: { width: 400, height: 300, channels: 3 } })
    .resize(WIDTH, HEIGHT)
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Runs `task` on every file, `limit` at a time; returns photos per second. */
async function rate(files: string[], limit: number, task: (file: string, i: number) => Promise<unknown>) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < files.length) {
        const i = next++;
        await task(files[i]!, i);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, perSecond: files.length / seconds };
}

const PART = process.env['BENCH_PART'];

async function photoBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-bench-'));
  try {
    const sources = path.join(dir, 'in');
    const out = path.join(dir, 'out');
    await mkdir(sources);
    await mkdir(out);
    const files = await Promise.all(
      Array.from({ length: PHOTOS }, async (_, i) => {
        const file = path.join(sources, `p${i}.jpg`);
        await writeFile(file, await cameraJpeg(i + 1));
        return file;
      }),
    );
    const { stdout: version } = await run(CONVERT, ['-version']);

    const convert = await rate(files, cores, (file, i) =>
      run(CONVERT, [file, '-thumbnail', `${THUMBNAIL_SIZE}x${THUMBNAIL_SIZE}`, path.join(out, `im${i}.jpg`)]),
    );
    const thumbnail = await rate(files, cores, (file, i) =>
      sharp(file, { failOn: 'truncated' })
        .rotate()
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside' })
        .webp({ quality: 75 })
        .toFile(path.join(out, `sh${i}.webp`)),
    );
    const full = await rate(files, cores, (file, i) =>
      processPhoto(file, String(i).padStart(64, '0'), path.join(dir, 'lib')),
    );

    const rows = [
      ['ImageMagick convert -thumbnail 256x256 (JPEG out)', convert],
      ['sharp 256 px WebP thumbnail (.rotate, failOn)', thumbnail],
      ['Wenshi import: 1600 px preview + 256 px thumbnail + EXIF', full],
    ] as const;
    console.log(
      `${PHOTOS} JPEGs ${WIDTH}×${HEIGHT}, ${cores} in flight on ${cores} cores; ${version.split('\n')[0]}`,
    );
    console.log('| pipeline | seconds | photos/s | × ImageMagick |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [name, r] of rows)
      console.log(
        `| ${name} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(1)} | ${(r.perSecond / convert.perSecond).toFixed(1)} |`,
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (PART !== 'register') await photoBench();
if (PART !== 'photos') await registerBench();
