/**
 * One side of the compile benchmark, run in its own process so its time and memory are its own:
 * `tsx compileRunner.ts pdf-lib <work dir>` compiles book.json to pdf-lib.pdf;
 * `tsx compileRunner.ts chromium <work dir> <name>.html` prints the HTML to <name>.pdf. Both print
 * {"ms": …} on stdout.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileVolume, type Book } from '../../electron/core/compile';
import { packagedFonts } from '../../electron/app/fonts';

const [engine, dir, html = 'book.html'] = process.argv.slice(2);
if (!dir || (engine !== 'pdf-lib' && engine !== 'chromium'))
  throw new Error('usage: compileRunner pdf-lib|chromium <dir> [page.html]');

if (engine === 'pdf-lib') {
  const started = performance.now();
  const book = JSON.parse(await readFile(path.join(dir, 'book.json'), 'utf8')) as Book;
  const { pdf } = await compileVolume({
    book,
    fonts: packagedFonts(),
    date: new Date('2024-05-01T00:00:00Z'),
  });
  await writeFile(path.join(dir, 'pdf-lib.pdf'), pdf);
  process.stdout.write(JSON.stringify({ ms: performance.now() - started }));
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu'],
  });
  const page = await browser.newPage();
  // Timed from loading the HTML: an Electron app has its renderer running already.
  const started = performance.now();
  await page.goto(pathToFileURL(path.join(dir, html)).href, { waitUntil: 'load' });
  await page.pdf({
    path: path.join(dir, html.replace(/\.html$/, '.pdf')),
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate:
      '<div style="font-size:9pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
  });
  const ms = performance.now() - started;
  await browser.close();
  process.stdout.write(JSON.stringify({ ms }));
}
