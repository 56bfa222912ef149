/**
 * `npm run bench:compile`: a 340,000-character volume (biographies from chinese-poetry, 60
 * generated photos) compiled by Wenshi's pdf-lib typesetter and, as the same content in HTML,
 * printed by Chromium's page.pdf(). Each runs in a child process; the peak memory is the
 * largest sum of resident memory over that process and all its descendants (Chromium's
 * renderer and GPU processes count), sampled every 50 ms from /proc.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Book } from '../../electron/core/compile';
import { packagedFonts } from '../../electron/app/fonts';
import { makePhotos, poetBiographies, sampleBook } from '../helpers/sampleBook';

const CHARACTERS = 340_000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const RUNNER = fileURLToPath(new URL('./compileRunner.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The same book as HTML and CSS, the way an Electron app would print it with Chromium: with the
 * system's CJK fonts (Debian's fonts-noto-cjk, OpenType/CFF, as the issue measured), or with
 * the TrueType fonts Wenshi embeds, loaded by @font-face.
 */
function bookHtml(book: Book, fontFaces: 'system' | 'ttf'): string {
  const fonts = packagedFonts();
  const url = (file: string) => pathToFileURL(file).href;
  const serif = fontFaces === 'ttf' ? 'BookSerif' : '"Noto Serif CJK SC"';
  const sans = fontFaces === 'ttf' ? 'BookSans' : '"Noto Sans CJK SC"';
  const caption = fontFaces === 'ttf' ? 'BookCaption' : '"Noto Sans CJK SC"';
  const articles = book.sections.flatMap((section) =>
    section.articles.map(
      (a) => `<article><h1>${escape(a.title)}</h1><p class="byline">${escape(a.byline)}</p>
${a.editorNote ? `<p class="note">编者按：${escape(a.editorNote)}</p>` : ''}
${a.text
  .split('\n')
  .map((p) => `<p>${escape(p)}</p>`)
  .join('\n')}
${a.figures.map((f) => `<figure><img src="${url(f.path)}" style="width:${f.width * 100}%"><figcaption>${escape(f.caption)}</figcaption></figure>`).join('\n')}
</article>`,
    ),
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(book.title)}</title><style>
@font-face { font-family: BookSerif; src: url("${url(fonts.body)}"); }
@font-face { font-family: BookSans; src: url("${url(fonts.heading)}"); font-weight: bold; }
@font-face { font-family: BookCaption; src: url("${url(fonts.caption)}"); }
@page { size: 185mm 260mm; margin: 24mm 18mm 22mm 22mm; }
body { font-family: ${serif}; font-size: 10.5pt; line-height: 1.75; text-align: justify; margin: 0; }
article { break-before: page; }
h1 { font-family: ${sans}; font-size: 16pt; text-align: center; margin: 2em 0 0.5em; }
p { margin: 0; text-indent: 2em; }
p.byline { text-align: center; text-indent: 0; font-family: ${caption}; margin-bottom: 1.75em; }
p.note { font-family: ${caption}; font-size: 9pt; }
figure { break-inside: avoid; text-align: center; margin: 1em 0; }
img { max-height: 110mm; object-fit: contain; }
figcaption { font-family: ${caption}; font-size: 9pt; }
</style></head><body>
<section><h1>${escape(book.title)}</h1><ol>${book.sections
    .flatMap((s) => s.articles)
    .map((a) => `<li>${escape(a.title)}</li>`)
    .join('')}</ol></section>
${articles.join('\n')}
</body></html>`;
}

/** Resident memory of a process and all its descendants, in bytes. */
async function treeRss(root: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p; p = parents.get(p))
      if (p === root) {
        total += bytes;
        break;
      }
  }
  return total;
}

/** The run of median time, with the highest peak memory of all the runs. */
function median<T extends { ms: number; peak: number }>(runs: T[]): T {
  const middle = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  return { ...middle, peak: Math.max(...runs.map((r) => r.peak)) };
}

async function run(engine: 'pdf-lib' | 'chromium', dir: string, html = '') {
  const args = [TSX, RUNNER, engine, dir, ...(html ? [html] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => {
    void treeRss(child.pid!).then((bytes) => (peak = Math.max(peak, bytes)));
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${engine} failed (${code})`);
  const file = path.join(dir, html ? html.replace(/\.html$/, '.pdf') : 'pdf-lib.pdf');
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8', maxBuffer: 1 << 26 })
    .split('\n')
    .slice(2);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return {
    engine,
    ms: (JSON.parse(stdout) as { ms: number }).ms,
    peak,
    bytes: (await stat(file)).size,
    pages,
    type3: fonts.filter((line) => /Type 3/.test(line)).length,
  };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-bench-'));
try {
  const photos = await makePhotos(path.join(dir, 'photos'), 60, 2400);
  // Articles of three biographies each, one new page per article: about 1,200 pages.
  const poets = poetBiographies();
  let articles = 0;
  for (let chars = 0; chars < CHARACTERS; articles++)
    chars += poets.slice(articles * 3, articles * 3 + 3).reduce((n, p) => n + [...p.desc].length, 0);
  const book = sampleBook({
    articles,
    sections: 12,
    perArticle: 3,
    photos,
    figureEvery: Math.floor(articles / 60),
  });
  const chars = book.sections.flatMap((s) => s.articles).reduce((n, a) => n + [...a.text].length, 0);
  await writeFile(path.join(dir, 'book.json'), JSON.stringify(book));
  await writeFile(path.join(dir, 'system.html'), bookHtml(book, 'system'));
  await writeFile(path.join(dir, 'ttf.html'), bookHtml(book, 'ttf'));

  // Each side runs ROUNDS times, in turn, and its median time counts: one run on a shared
  // machine can be a second off either way.
  const runs: Record<'ours' | 'system' | 'ttf', Awaited<ReturnType<typeof run>>[]> = {
    ours: [],
    system: [],
    ttf: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    runs.ours.push(await run('pdf-lib', dir));
    runs.system.push(await run('chromium', dir, 'system.html'));
    runs.ttf.push(await run('chromium', dir, 'ttf.html'));
  }
  const [ours, system, ttf] = [median(runs.ours), median(runs.system), median(runs.ttf)];
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = [
    [
      '',
      'Wenshi (pdf-lib)',
      'Chromium, system CJK fonts',
      'ratio',
      'Chromium, same TTF fonts',
      'ratio',
      'target',
    ],
    [
      'time',
      s(ours.ms),
      s(system.ms),
      (ours.ms / system.ms).toFixed(2),
      s(ttf.ms),
      (ours.ms / ttf.ms).toFixed(2),
      '≤ 0.5×',
    ],
    [
      'file size',
      mb(ours.bytes),
      mb(system.bytes),
      (ours.bytes / system.bytes).toFixed(2),
      mb(ttf.bytes),
      (ours.bytes / ttf.bytes).toFixed(2),
      '≤ 0.3×',
    ],
    [
      'peak memory',
      mb(ours.peak),
      mb(system.peak),
      (ours.peak / system.peak).toFixed(2),
      mb(ttf.peak),
      (ours.peak / ttf.peak).toFixed(2),
      '≤ 1 GB',
    ],
    ['pages', String(ours.pages), String(system.pages), '', String(ttf.pages), '', ''],
    ['Type 3 fonts', String(ours.type3), String(system.type3), '', String(ttf.type3), '', '0'],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log(
    `Volume: ${chars.toLocaleString('en')} characters, ${articles} articles, ${photos.length} photos (2400 px); ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}; median of ${ROUNDS} runs a side`,
  );
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
} finally {
  await rm(dir, { recursive: true, force: true });
}
