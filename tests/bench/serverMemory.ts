/**
 * `npx tsx tests/bench/serverMemory.ts [library]`: resident memory of a process that opens a
 * 50,000-item library with full texts the way `wenshi serve` does (search in a worker thread).
 *
 * The library is made once from the `chinese-poetry` Tang and Song poems (one poem or poet
 * biography an item, with people, places, subjects, dates and review states) in the folder given,
 * or in the system's temp folder. Each measurement then runs in a fresh process: the first
 * opening builds the index, the second loads the saved one. RSS is sampled while the library
 * opens (peak) and after the first search and a garbage collection (settled).
 *
 * BENCH_ITEMS=5000 for a quick look; BENCH_POEMS=5 puts five poems in each item (longer texts);
 * BENCH_SETTLE_MS sets how long the idle server is left before the settled sample (15 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application } from '../../electron/app';
import { Library } from '../../electron/core/library';
import { SearchIndex } from '../../electron/core/search';
import { EDITORIAL_STATUSES, type ItemFieldsInput } from '../../electron/core/model';
import { fonts } from '../helpers/fonts';

const require = createRequire(import.meta.url);
const POETRY = path.join(path.dirname(require.resolve('chinese-poetry/package.json')), 'dist', 'quantangshi');
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 50_000);
const POEMS = Number(process.env['BENCH_POEMS'] ?? 1);
/** How long an idle server is left before the settled sample: V8 gives memory back some seconds after the work stops. */
const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 15_000);
const PLACES = ['许昌市', '禹州市', '长葛市', '鄢陵县', '襄城县', '建安区', '魏都区', '神垕镇'];
const SUBJECTS = ['改革开放', '发制品', '钧瓷', '烟草', '花木', '乡镇企业', '农村改革', '教育'];
const KINDS = ['document', 'oral', 'photo'] as const;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function poems(): Promise<{ title: string; author: string; body: string }[]> {
  const out: { title: string; author: string; body: string }[] = [];
  const files = (await readdir(POETRY)).filter((f) => /^poet\.(tang|song)\.\d+\.json$/.test(f)).sort();
  for (const file of files) {
    const list = JSON.parse(await readFile(path.join(POETRY, file), 'utf8')) as {
      title: string;
      author: string;
      paragraphs: string[];
    }[];
    for (const p of list) out.push({ title: p.title, author: p.author, body: p.paragraphs.join('\n') });
    if (out.length >= ITEMS * POEMS) break;
  }
  return out;
}

async function makeLibrary(root: string): Promise<void> {
  const corpus = await poems();
  const library = await Library.create(root, '基准资料库');
  let characters = 0;
  for (let start = 0; start < ITEMS; start += 5000) {
    const batch: ItemFieldsInput[] = [];
    for (let i = start; i < Math.min(ITEMS, start + 5000); i++) {
      const group = Array.from({ length: POEMS }, (_, j) => corpus[(i * POEMS + j) % corpus.length]!);
      const text = group.map((p) => p.body).join('\n\n');
      characters += text.length;
      batch.push({
        kind: KINDS[i % 3]!,
        title: group[0]!.title || '无题',
        identifier: `XCGG-${1950 + (i % 70)}-${String(i).padStart(5, '0')}`,
        eventDate:
          i % 7 === 0 ? '' : i % 11 === 0 ? `${195 + (i % 7)}X` : `${1950 + (i % 70)}-0${1 + (i % 9)}`,
        people: group[0]!.author ? [{ name: group[0]!.author, role: '作者' }] : [],
        places: [PLACES[i % PLACES.length]!],
        subjects: [SUBJECTS[i % SUBJECTS.length]!, SUBJECTS[(i * 7) % SUBJECTS.length]!],
        collections: i % 4 === 0 ? ['许昌改革记忆 › 第一卷'] : [],
        editorialStatus: EDITORIAL_STATUSES[i % EDITORIAL_STATUSES.length]!,
        text,
      });
    }
    const failed = (await library.createItems(batch)).filter((o) => !o.ok);
    if (failed.length) throw new Error(`${failed.length} items not created`);
  }
  await library.close();
  let bytes = 0;
  for (const name of await readdir(path.join(root, 'catalog')))
    bytes += (await stat(path.join(root, 'catalog', name))).size;
  console.log(
    `library: ${ITEMS} items, ${(characters / 1e6).toFixed(1)} M characters of text, catalog ${mb(bytes)}`,
  );
}

/** The measured process: opens the library as the server does and reports RSS as JSON. */
async function measure(root: string): Promise<void> {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 50);
  const started = performance.now();
  const service = await Application.open(root, { searchWorker: true, fonts });
  const door = { canWrite: true, canUseLocalPaths: true };
  const result = (await service.dispatch('search.query', { query: '明月' }, {}, door)) as {
    ok: boolean;
    value?: { total: number };
    error?: { message: string };
  };
  if (!result.ok) console.error(result.error?.message);
  const ready = performance.now() - started;
  sample();
  // Let the worker's save (after a build) and the collectors settle before the last sample.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  sample();
  const m = process.memoryUsage();
  console.log(
    JSON.stringify({
      hits: result.value?.total ?? -1,
      readyMs: Math.round(ready),
      peak,
      rss: m.rss,
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
    }),
  );
  // The search worker does not keep a process alive (the CLI's must end); the sampling timer
  // does, until the index is saved and the library closed.
  await service.close();
  clearInterval(timer);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') return measure(process.argv[3]!);
  const root = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), `wenshi-memory-${ITEMS}x${POEMS}`));
  if (!existsSync(path.join(root, 'library.json'))) await makeLibrary(root);
  await rm(SearchIndex.folder(root), { recursive: true, force: true });
  const self = fileURLToPath(import.meta.url);
  for (const phase of ['build the index', 'load the saved index']) {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--measure', root], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    console.log(
      `${phase}: ready ${(r['readyMs']! / 1000).toFixed(1)} s, ${r['hits']} hits for 明月; ` +
        `RSS peak ${mb(r['peak']!)}, settled ${mb(r['rss']!)} ` +
        `(heap ${mb(r['heapUsed']!)}, external ${mb(r['external']!)}, array buffers ${mb(r['arrayBuffers']!)})`,
    );
  }
}

await main();
