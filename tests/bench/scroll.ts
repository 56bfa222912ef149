/**
 * Scrolling a 50,000-item library in the table and the photo grid, in Chromium.
 * Reports frames per second while scrolling (from Chromium's own frame events in a trace, and
 * from requestAnimationFrame) and the largest number of rows/tiles the DOM held at once.
 * Run: npm run bench:scroll (needs `npm run build` first). Not part of npm test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import { packagedFonts } from '../../electron/app/fonts';
import { startServer } from '../../electron/server';

const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 50_000);
const SCROLL_MS = 4000;
const RENDERER = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const PLACES = ['许昌市', '魏都区', '建安区', '禹州市', '长葛市', '鄢陵县', '襄城县'];
const KINDS = ['oral', 'photo', 'document'] as const;

async function makeLibrary(root: string): Promise<void> {
  const library = await Library.create(root, '滚动测试');
  const batch = Array.from({ length: ITEMS }, (_, i) => ({
    kind: KINDS[i % 3]!,
    title: `许昌改革记忆 第${i + 1}篇 ${'改革开放发制品钧瓷烟草'.slice(i % 7, (i % 7) + 4)}`,
    eventDate: String(1978 + (i % 40)),
    places: [PLACES[i % PLACES.length]!],
  }));
  const failed = (await library.createItems(batch)).filter((o) => !o.ok);
  if (failed.length) throw new Error(`${failed.length} items could not be created`);
  await library.close();
}

/**
 * Scrolls an element down steadily for a few seconds, counting animation frames and the most
 * rows the DOM held. Written as page-side source text: it runs in Chromium, not in Node.
 */
const SCROLL_SCRIPT = `async ({ selector, rowSelector, duration }) => {
  const element = document.querySelector(selector);
  let frames = 0;
  let peakRows = 0;
  const start = performance.now();
  await new Promise((resolve) => {
    const step = (now) => {
      frames++;
      element.scrollTop += 120;
      peakRows = Math.max(peakRows, document.querySelectorAll(rowSelector).length);
      if (now - start < duration) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  return { fps: (frames * 1000) / (performance.now() - start), peakRows };
}`;

async function measure(
  page: Page,
  selector: string,
  rowSelector: string,
): Promise<{ fps: number; peakRows: number }> {
  await page.waitForSelector(selector);
  const run = await page.evaluateHandle(SCROLL_SCRIPT);
  return (await run.evaluate(
    (fn, args) => (fn as unknown as (a: typeof args) => Promise<{ fps: number; peakRows: number }>)(args),
    {
      selector,
      rowSelector,
      duration: SCROLL_MS,
    },
  )) as { fps: number; peakRows: number };
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-scroll-'));
  const root = path.join(dir, 'lib');
  const t0 = performance.now();
  await makeLibrary(root);
  console.error(`library of ${ITEMS} items made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const service = await Application.open(root, { fonts: packagedFonts() });
  const server = await startServer({ service, rendererDir: RENDERER, allowEdit: false });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const loadStart = performance.now();
    await page.goto(server.url);
    await page.waitForSelector('[role="grid"] [role="row"][data-id]', { timeout: 120_000 });
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const rows: string[][] = [['view', 'fps (rAF)', 'frames in trace /s', 'peak DOM rows', 'items']];
    for (const view of ['table', 'grid'] as const) {
      if (view === 'grid') {
        await page.getByRole('button', { name: '照片墙' }).click();
        await page.waitForSelector('.photo-tile');
      }
      const selector = view === 'table' ? '.item-grid' : '.photo-grid';
      const rowSelector = view === 'table' ? '[role="row"][data-id]' : '.photo-tile';
      await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline.frame'] });
      const { fps, peakRows } = await measure(page, selector, rowSelector);
      const trace = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: { name: string; ts: number }[];
      };
      const frames = trace.traceEvents.filter((e) => e.name === 'DrawFrame');
      const span = frames.length > 1 ? (frames.at(-1)!.ts - frames[0]!.ts) / 1e6 : 0;
      const traceFps = span > 0 ? (frames.length - 1) / span : NaN;
      rows.push([
        view,
        fps.toFixed(1),
        Number.isNaN(traceFps) ? 'n/a' : traceFps.toFixed(1),
        String(peakRows),
        String(ITEMS),
      ]);
    }
    console.log(`first rows shown ${loadSeconds.toFixed(1)} s after loading the page`);
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
    console.log('target: ≥ 50 fps, < 500 rows in the DOM');
  } finally {
    await browser.close();
    await server.close();
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
