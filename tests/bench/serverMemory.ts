/**
 * `npx tsx tests/bench/serverMemory.ts [library]`: resident memory of `wenshi serve` on a
 * 50,000-item library with full texts (search in its worker thread).
 *
 * The library is made once from the `chinese-poetry` Tang and Song poems (one poem or poet
 * biography an item, with people, places, subjects, dates and review states) in the folder given,
 * or in the system's temp folder. The real server is then started twice, as a user starts it
 * (`bin/wenshi.js`, through its shebang): the first run builds the index, the second loads the
 * saved one. The kernel's figures are reported: the peak (VmHWM) and the resident set (VmRSS)
 * once the server has answered a search and been left idle. Needs the built UI (`npm run build`).
 *
 * BENCH_ITEMS=5000 for a quick look; BENCH_POEMS=5 puts five poems in each item (longer texts);
 * BENCH_SETTLE_MS sets how long the idle server is left before the settled sample (15 s).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Library } from '../../electron/core/library';
import { SearchIndex } from '../../electron/core/search';
import { startServe } from '../helpers/serveProcess';
import { EDITORIAL_STATUSES, type ItemFieldsInput } from '../../electron/core/model';

const require = createRequire(import.meta.url);
const POETRY = path.join(path.dirname(require.resolve('chinese-poetry/package.json')), 'dist', 'quantangshi');
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 50_000);
const POEMS = Number(process.env['BENCH_POEMS'] ?? 1);
/** How long an idle server is left before the settled sample: V8 gives memory back some seconds after the work stops. */
const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 15_000);
const PLACES = ['许昌市', '禹州市', '长葛市', '鄢陵县', '襄城县', '建安区', '魏都区', '神垕镇'];
const SUBJECTS = ['改革开放', '发制品', '钧瓷', '烟草', '花木', '乡镇企业', '农村改革', '教育'];
const KINDS = ['document', 'oral', 'photo'] as const;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
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

/** Resident and peak memory of a process, from Linux's /proc (where the bench runs). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * One run of the real server, started as a user starts it (`bin/wenshi.js serve`, through its
 * shebang): time until a search is answered (which waits for the index), then the memory after
 * the server has been left idle, then a clean stop.
 */
async function measureServer(root: string): Promise<{ readyMs: number; hits: number; rss: number; peak: number }> {
  const started = performance.now();
  const server = await startServe(root);
  const result = (await (await server.call('search.query', { query: '明月' })).json()) as {
    ok: boolean;
    value?: { total: number };
    error?: unknown;
  };
  if (!result.ok) console.error(JSON.stringify(result.error));
  const readyMs = performance.now() - started;
  // The server saves a freshly built index and V8 gives memory back some seconds after the work stops.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const memory = await memoryOf(server.child.pid!);
  await server.stop();
  return { readyMs, hits: result.value?.total ?? -1, ...memory };
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('bench:memory reads /proc: run it on Linux');
  const root = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), `wenshi-memory-${ITEMS}x${POEMS}`));
  if (!existsSync(path.join(root, 'library.json'))) await makeLibrary(root);
  if (!existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('run npm run build first');
  await rm(SearchIndex.folder(root), { recursive: true, force: true });
  for (const phase of ['build the index', 'load the saved index']) {
    const r = await measureServer(root);
    console.log(
      `${phase}: ready ${(r.readyMs / 1000).toFixed(1)} s, ${r.hits} hits for 明月; ` +
        `RSS peak ${mb(r.peak)}, settled ${mb(r.rss)}`,
    );
  }
}

await main();
