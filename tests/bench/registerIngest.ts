/**
 * The register part of `npm run bench:ingest`: a 50,000-row register of Tang poems with their
 * full texts (the `chinese-poetry` package) imported into an empty library, then a second one into
 * the library now holding 50,000 items; then single edits at 100,000 items, each timed until it
 * is acknowledged (catalog shard and audit entry durable). BENCH_ROWS changes the row count.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { importRegister } from '../../electron/core/exchange';
import { toCsv } from '../../electron/core/exchange/csv';
import { Library } from '../../electron/core/library';

const require = createRequire(import.meta.url);
const POETRY = path.join(path.dirname(require.resolve('chinese-poetry/package.json')), 'dist', 'quantangshi');
const ROWS = Number(process.env['BENCH_ROWS'] ?? 50_000);
const EDITS = 100;

async function tangPoems(count: number): Promise<{ title: string; author: string; body: string }[]> {
  const out: { title: string; author: string; body: string }[] = [];
  const files = (await readdir(POETRY)).filter((f) => /^poet\.tang\.\d+\.json$/.test(f));
  files.sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  for (const file of files) {
    const list = JSON.parse(await readFile(path.join(POETRY, file), 'utf8')) as {
      title: string;
      author: string;
      paragraphs: string[];
    }[];
    for (const p of list) out.push({ title: p.title, author: p.author, body: p.paragraphs.join('\n') });
    if (out.length >= count) break;
  }
  return out.slice(0, count);
}

/** A register of `count` poems, 档号 `<prefix>-00001`…, one poem's full text per row. */
async function register(file: string, prefix: string, poems: Awaited<ReturnType<typeof tangPoems>>) {
  const rows = poems.map((p, i) => [
    `${prefix}-${String(i + 1).padStart(5, '0')}`,
    p.title || '无题',
    p.author,
    p.body,
  ]);
  await writeFile(file, toCsv([['档号', '题名', '责任者', '全文'], ...rows]));
  return (await stat(file)).size;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function registerBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-bench-register-'));
  try {
    const poems = await tangPoems(ROWS);
    const first = path.join(dir, 'tang-1.csv');
    const second = path.join(dir, 'tang-2.csv');
    const bytes = await register(first, 'TANG', poems);
    await register(second, 'TANG2', poems);
    const library = await Library.create(path.join(dir, 'lib'), '全唐诗');
    const timed = async (file: string) => {
      const start = process.hrtime.bigint();
      const result = await importRegister(library, file);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (result.added.length !== ROWS) throw new Error(`${result.added.length} of ${ROWS} rows added`);
      return { seconds, perSecond: ROWS / seconds };
    };
    const empty = await timed(first);
    const full = await timed(second);

    const items = library.catalog.all();
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const item = items[(i * 7919) % items.length]!;
      const start = process.hrtime.bigint();
      await library.updateItem(item.id, { notes: `校对 ${i}` });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    await library.close();

    console.log(
      `\nRegister import: ${ROWS} rows of Tang poems with full text (${(bytes / 2 ** 20).toFixed(1)} MB CSV), ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
    );
    console.log('| import | seconds | rows/s |');
    console.log('| --- | ---: | ---: |');
    console.log(`| into an empty library | ${empty.seconds.toFixed(1)} | ${empty.perSecond.toFixed(0)} |`);
    console.log(`| into a library of ${ROWS} items | ${full.seconds.toFixed(1)} | ${full.perSecond.toFixed(0)} |`);
    console.log(
      `One edit at ${items.length} items, until acknowledged (${EDITS} edits): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
