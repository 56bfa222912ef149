/**
 * `npm run bench:search`: the search index against SQLite FTS5 on the Tang and Song poems and
 * poet biographies of the `chinese-poetry` package (traditional script), at 50k, 150k and all
 * texts. Reports build time, size on disk, load time, memory, query p50/p95 by query length in
 * both scripts, and checks every result count against a brute-force substring scan.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SearchIndex, type ItemSource } from '../../electron/core/search';
import { ItemFieldsSchema, type Item } from '../../electron/core/model';
import { foldText } from '../../electron/core/text';

const require = createRequire(import.meta.url);
const POETRY = path.join(path.dirname(require.resolve('chinese-poetry/package.json')), 'dist', 'quantangshi');
// BENCH_SIZES=2000,10000 for a quick look; the sizes otherwise.
const SIZES = process.env['BENCH_SIZES']?.split(',').map(Number) ?? [50_000, 150_000, Infinity];
const RUNS = 15;
// BENCH_FTS=0 leaves SQLite out, for a quick look at the index alone.
const WITH_FTS = process.env['BENCH_FTS'] !== '0';
/** Pairs of the same query in simplified and traditional script, 1 to 6 characters. */
const QUERIES: [string, string][] = [
  ['月', '月'],
  ['风', '風'],
  ['春风', '春風'],
  ['长安', '長安'],
  ['明月光', '明月光'],
  ['万里长', '萬里長'],
  ['白日依山', '白日依山'],
  ['黄河入海', '黃河入海'],
  ['春眠不觉晓', '春眠不覺曉'],
  ['举头望明月', '舉頭望明月'],
  ['春风又绿江南', '春風又綠江南'],
  ['无边落木萧萧', '無邊落木蕭蕭'],
];

interface Text {
  title: string;
  author: string;
  body: string;
}

async function loadCorpus(): Promise<Text[]> {
  const files = (await readdir(POETRY)).filter((f) => /^poet\.(tang|song)\.\d+\.json$/.test(f));
  const order = (f: string) => [f.includes('tang') ? 0 : 1, Number(/(\d+)\.json$/.exec(f)![1])];
  files.sort((a, b) => order(a)[0]! - order(b)[0]! || order(a)[1]! - order(b)[1]!);
  const texts: Text[] = [];
  for (const file of files) {
    const poems = JSON.parse(await readFile(path.join(POETRY, file), 'utf8')) as {
      title: string;
      author: string;
      paragraphs: string[];
    }[];
    for (const p of poems) texts.push({ title: p.title, author: p.author, body: p.paragraphs.join('') });
  }
  for (const file of ['authors.tang.json', 'authors.song.json']) {
    const authors = JSON.parse(await readFile(path.join(POETRY, file), 'utf8')) as {
      name: string;
      desc: string;
    }[];
    for (const a of authors) texts.push({ title: a.name, author: '', body: a.desc ?? '' });
  }
  return texts;
}

const TEMPLATE = ItemFieldsSchema.parse({ kind: 'document', title: '-' });

function itemOf(text: Text, i: number): Item {
  return {
    ...TEMPLATE,
    id: `p${i}`,
    title: text.title || '-',
    people: text.author ? [{ name: text.author, role: 'author' }] : [],
    text: text.body,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function memory(): number {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (value: number) => `${value.toFixed(1)}`;

interface Row {
  engine: string;
  texts: number;
  build: number;
  disk: number;
  load: number;
  heap: number | null;
  latency: Map<number, number[]>;
  countsOk: boolean;
}

type Engine = (query: string) => number;
type FtsRow = Row & { db: Database.Database; run: Engine };

function measureQueries(run: Engine, expected: Map<string, number>): Pick<Row, 'latency' | 'countsOk'> {
  const latency = new Map<number, number[]>();
  let countsOk = true;
  for (const pair of QUERIES)
    for (const query of pair) {
      const got = run(query);
      if (got !== expected.get(pair[0])) {
        countsOk = false;
        console.error(`  count mismatch for ${query}: ${got} ≠ scan ${expected.get(pair[0])}`);
      }
      const times = latency.get([...query].length) ?? [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        run(query);
        times.push(performance.now() - start);
      }
      latency.set([...query].length, times);
    }
  return { latency, countsOk };
}

async function benchIndex(items: Item[], expected: Map<string, number>, work: string): Promise<Row> {
  const dir = path.join(work, 'index');
  const byId = new Map(items.map((item) => [item.id, item]));
  const source: ItemSource = { all: () => items, get: (id) => byId.get(id), onChange: () => () => {} };
  // Memory is counted from before the build: whatever the index costs, leftovers included.
  const before = memory();
  // Built and saved in its own scope, so the built index is garbage before the loaded one is
  // measured: the app holds one index, not two.
  const build = await (async () => {
    const start = performance.now();
    const built = new SearchIndex(source, { dir });
    await built.ready;
    const took = performance.now() - start;
    await built.flush();
    return took;
  })();
  const disk = await folderSize(dir);
  memory();
  const start = performance.now();
  const loaded = new SearchIndex(source, { dir, persist: false });
  await loaded.ready;
  const load = performance.now() - start;
  const heap = memory() - before;
  const queries = measureQueries((q) => loaded.search(q, { limit: 20 }).total, expected);
  return { engine: 'index', texts: items.length, build, disk, load, heap, ...queries };
}

/** FTS5 with its trigram tokenizer; LIKE for queries under three characters, which it cannot match. */
function benchTrigram(folded: Text[], foldMs: number, work: string): FtsRow {
  const file = path.join(work, 'trigram.db');
  let start = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, author, body, tokenize='trigram')`);
  const insert = db.prepare('INSERT INTO t (title, author, body) VALUES (?, ?, ?)');
  db.transaction(() => folded.forEach((t) => insert.run(t.title, t.author, t.body)))();
  db.close();
  const build = performance.now() - start + foldMs;
  start = performance.now();
  const opened = new Database(file, { readonly: true });
  opened.prepare('SELECT count(*) FROM t WHERE t MATCH ?').get('"abc"');
  const load = performance.now() - start;
  const match = opened.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
  const like = opened.prepare(
    "SELECT count(*) AS n FROM t WHERE title LIKE '%' || @q || '%' OR author LIKE '%' || @q || '%' OR body LIKE '%' || @q || '%'",
  );
  return {
    engine: 'FTS5 trigram',
    texts: folded.length,
    build,
    disk: 0,
    load,
    heap: null,
    latency: new Map(),
    countsOk: true,
    db: opened,
    run: (q: string) => {
      const f = foldText(q);
      return (
        [...f].length >= 3 ? (match.get(`"${f}"`) as { n: number }) : (like.get({ q: f }) as { n: number })
      ).n;
    },
  };
}

/** FTS5 over space-separated bigrams (plus a unigram column), phrase queries of consecutive bigrams. */
function benchBigram(folded: Text[], foldMs: number, work: string): FtsRow {
  const file = path.join(work, 'bigram.db');
  const grams = (text: string) => {
    const chars = [...text];
    const out: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    return out.join(' ');
  };
  let start = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`CREATE VIRTUAL TABLE b USING fts5(bi, uni, tokenize='unicode61')`);
  const insert = db.prepare('INSERT INTO b (bi, uni) VALUES (?, ?)');
  db.transaction(() =>
    folded.forEach((t) => {
      const all = `${t.title}\u0001${t.author}\u0001${t.body}`;
      const pieces = all.split('\u0001');
      insert.run(pieces.map(grams).join(' , '), [...all].filter((c) => c !== '\u0001').join(' '));
    }),
  )();
  db.close();
  const build = performance.now() - start + foldMs;
  start = performance.now();
  const opened = new Database(file, { readonly: true });
  opened.prepare('SELECT count(*) FROM b WHERE b MATCH ?').get('"ab"');
  const load = performance.now() - start;
  const match = opened.prepare('SELECT count(*) AS n FROM b WHERE b MATCH ?');
  return {
    engine: 'FTS5 bigram',
    texts: folded.length,
    build,
    disk: 0,
    load,
    heap: null,
    latency: new Map(),
    countsOk: true,
    db: opened,
    run: (q: string) => {
      const chars = [...foldText(q)];
      const expr = chars.length === 1 ? `uni : "${chars[0]}"` : `bi : "${grams(chars.join(''))}"`;
      return (match.get(expr) as { n: number }).n;
    },
  };
}

async function main(): Promise<void> {
  if (!globalThis.gc) console.error('(run with --expose-gc for memory figures)');
  const corpus = await loadCorpus();
  const chars = corpus.reduce((n, t) => n + t.title.length + t.author.length + t.body.length, 0);
  console.log(`chinese-poetry: ${corpus.length} texts, ${(chars / 1e6).toFixed(1)} M characters`);
  const rows: Row[] = [];
  for (const size of SIZES) {
    const texts = corpus.slice(0, Math.min(size, corpus.length));
    const work = await mkdtemp(path.join(os.tmpdir(), 'wenshi-bench-'));
    const foldStart = performance.now();
    const folded = texts.map((t) => ({
      title: foldText(t.title),
      author: foldText(t.author),
      body: foldText(t.body),
    }));
    const foldMs = performance.now() - foldStart;
    // The truth: documents whose folded title, author or text contains the folded query.
    const expected = new Map<string, number>();
    for (const [simplified] of QUERIES) {
      const q = foldText(simplified);
      expected.set(
        simplified,
        folded.filter((t) => t.title.includes(q) || t.author.includes(q) || t.body.includes(q)).length,
      );
    }
    console.log(
      `\n${texts.length} texts (folding ${sec(foldMs)}); scan counts:`,
      Object.fromEntries(expected),
    );

    rows.push(await benchIndex(texts.map(itemOf), expected, work));
    for (const make of WITH_FTS ? [benchTrigram, benchBigram] : []) {
      const engine = make(folded, foldMs, work);
      const file = path.join(work, engine.engine === 'FTS5 trigram' ? 'trigram.db' : 'bigram.db');
      engine.disk = (await stat(file)).size;
      Object.assign(engine, measureQueries(engine.run, expected));
      engine.db.close();
      rows.push(engine);
    }
    await rm(work, { recursive: true, force: true });
  }

  const lengths = [1, 2, 3, 4, 5, 6];
  const header = [
    'engine',
    'texts',
    'build',
    'disk',
    'load',
    'memory',
    ...lengths.map((n) => `${n}字 p50/p95 ms`),
    'counts = scan',
  ];
  const table = rows.map((r) => [
    r.engine,
    String(r.texts),
    sec(r.build),
    mb(r.disk),
    r.load >= 1000 ? sec(r.load) : `${r.load.toFixed(0)} ms`,
    r.heap === null ? '—' : mb(r.heap),
    ...lengths.map((n) => {
      const t = r.latency.get(n) ?? [];
      return t.length ? `${ms(percentile(t, 50))} / ${ms(percentile(t, 95))}` : '—';
    }),
    r.countsOk ? 'yes' : 'NO',
  ]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
  console.log(
    '\nbuild includes folding (traditional → simplified) for every engine; memory is the loaded ' +
      "index's JS heap and buffers (SQLite keeps its pages outside the JS heap).",
  );
}

await main();
