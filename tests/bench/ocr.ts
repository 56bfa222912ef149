/**
 * 识别文字 on pages of known Chinese text: the sample plan in simplified and traditional script,
 * drawn at 150, 200 and 300 dpi, clean and worn (speckles, blur, a 2° turn), read by Wenshi (its
 * OCR worker, as the app runs it) and by Tesseract 5 with chi_sim / chi_tra on the same pages.
 * Prints the character error rate (edit distance / length) of each page set, pages per minute
 * and Wenshi's peak memory.
 * Run: npm run bench:ocr [-- pagesPerSet] (default 1; 300 characters a page). Not part of npm test.
 * OCR_BENCH_SCRIPT=繁體 (or 简体) reads only that script's sets.
 * Tesseract is the anchor, not a dependency: on Debian, apt-get install tesseract-ocr
 * tesseract-ocr-chi-sim tesseract-ocr-chi-tra.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OcrWorker } from '../../electron/core/ocr/workerClient';
import { cer, samplePlan, textPage, wornPage } from '../helpers/textPages';

const PAGES = Number(process.argv[2] ?? 1);
const CHARS = 300;
const PER_LINE = 25;
const DPIS = [150, 200, 300];
const SCRIPTS = [
  { name: '简体', tesseract: 'chi_sim', text: samplePlan().simplified },
  { name: '繁體', tesseract: 'chi_tra', text: samplePlan().traditional },
].filter((s) => !process.env.OCR_BENCH_SCRIPT || s.name === process.env.OCR_BENCH_SCRIPT);

const tesseractLangs = (() => {
  const run = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return run.status === 0 ? new Set(run.stdout.split('\n').map((l) => l.trim())) : null;
})();

function tesseract(file: string, lang: string): { text: string; seconds: number } | null {
  if (!tesseractLangs?.has(lang)) return null;
  const started = performance.now();
  const run = spawnSync('tesseract', [file, 'stdout', '-l', lang, '--psm', '6'], {
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '2' },
  });
  return { text: run.stdout, seconds: (performance.now() - started) / 1000 };
}

const clean = (text: string) => text.replace(/\s+/g, '');
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

const loadBefore = os.loadavg()[0]!;
const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-ocr-bench-'));
const worker = new OcrWorker();
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const rows: string[][] = [];
let wenshiSeconds = 0;
/** CPU time of the process while a page is read: the worker's (the main thread waits). */
let wenshiCpuSeconds = 0;
let wenshiPages = 0;
let tesseractSeconds = 0;
let tesseractPages = 0;
const verdicts: string[] = [];

try {
  // The models load once, before the clock starts, as in a long run.
  const warm = await textPage({ text: '许昌', dpi: 100 });
  await writeFile(path.join(dir, 'warm.png'), warm.png);
  await worker.read(path.join(dir, 'warm.png'), 'image/png', 1);

  for (const script of SCRIPTS)
    for (const dpi of DPIS)
      for (const worn of [false, true]) {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let p = 0; p < PAGES; p++) {
          const truth = script.text.slice(p * CHARS, (p + 1) * CHARS);
          let { png } = await textPage({ text: truth, dpi, perLine: PER_LINE, points: 10.5 });
          if (worn) png = await wornPage(png, 2, p + 1);
          const file = path.join(dir, `${script.tesseract}-${dpi}-${worn ? 'worn' : 'clean'}-${p}.png`);
          await writeFile(file, png);
          const started = performance.now();
          const cpuBefore = process.cpuUsage();
          const { reading } = await worker.read(file, 'image/png', 1);
          wenshiSeconds += (performance.now() - started) / 1000;
          const cpu = process.cpuUsage(cpuBefore);
          wenshiCpuSeconds += (cpu.user + cpu.system) / 1e6;
          wenshiPages++;
          ours.push(cer(truth, clean(reading.lines.map((l) => l.text).join(''))));
          const anchor = tesseract(file, script.tesseract);
          if (anchor) {
            tesseractSeconds += anchor.seconds;
            tesseractPages++;
            theirs.push(cer(truth, clean(anchor.text)));
          }
        }
        const set = `${script.name} ${dpi} dpi ${worn ? '噪点+模糊+2°' : '清晰'}`;
        const ourCer = mean(ours);
        const theirCer = theirs.length ? mean(theirs) : null;
        rows.push([set, pct(ourCer), pct(theirCer)]);
        process.stderr.write(`${rows.length}/${SCRIPTS.length * DPIS.length * 2} ${set}\n`);
        if (theirCer !== null && ourCer > theirCer / 2 && ourCer > 0)
          verdicts.push(`${set}: Wenshi ${pct(ourCer)} > half of Tesseract's ${pct(theirCer)}`);
        if (dpi === 300 && !worn && ourCer > 0.02) verdicts.push(`${set}: CER ${pct(ourCer)} > 2%`);
      }
} finally {
  clearInterval(sampler);
  await worker.close();
  await rm(dir, { recursive: true, force: true });
}

const width = [24, 10, 12];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join(' ');
console.log(`\n${PAGES} page(s) a set, ${CHARS} characters a page, 10.5 pt Noto Serif SC\n`);
console.log(line(['page set', 'Wenshi', 'Tesseract']));
for (const row of rows) console.log(line(row));
const perMinute = (pages: number, seconds: number) => (seconds > 0 ? (60 * pages) / seconds : 0);
console.log(
  `\nWenshi:    ${perMinute(wenshiPages, wenshiSeconds).toFixed(1)} pages/minute (${(wenshiCpuSeconds / Math.max(1, wenshiPages)).toFixed(1)} s of CPU a page)`,
);
if (tesseractPages)
  console.log(`Tesseract: ${perMinute(tesseractPages, tesseractSeconds).toFixed(1)} pages/minute`);
else
  console.log(
    'Tesseract 5 not found (or without chi_sim / chi_tra): on Debian, apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra',
  );
const peak = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
console.log(`Peak memory (this process and its OCR worker thread): ${(peak / 1024 ** 2).toFixed(0)} MB`);
console.log(
  `Load average while measuring: ${loadBefore.toFixed(1)} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end, on ${os.cpus().length} cores`,
);
if (perMinute(wenshiPages, wenshiSeconds) < 6) verdicts.push('fewer than 6 pages a minute');
if (peak > 1.5 * 1024 ** 3) verdicts.push('peak memory above 1.5 GB');
console.log(verdicts.length ? `\nTargets missed:\n  ${verdicts.join('\n  ')}` : '\nAll targets met.');
