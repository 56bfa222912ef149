/**
 * Renders the pages shown in docs/gallery/ from a sample volume (30 articles with photos) and a
 * small one with 小标题:
 * `npx tsx tests/bench/gallery.ts [--dpi=150]`. Needs poppler's pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileVolume } from '../../electron/core/compile';
import { packagedFonts } from '../../electron/app/fonts';
import { makePhotos, sampleBook } from '../helpers/sampleBook';
import { figureBook } from '../helpers/figureBook';

const OUT = fileURLToPath(new URL('../../docs/gallery/', import.meta.url));
/** Page numbers in the PDF (1-based) and the names they get. */
const PAGES: [number, string][] = [
  [1, '01-title-page'],
  [2, '02-copyright-page'],
  [3, '03-editorial-board'],
  [7, '04-contents'],
  [9, '05-section-opening'],
  [10, '06-article-opening'],
  [11, '07-running-head'],
  [15, '08-figure-in-text'],
  [53, '09-index'],
];
/** A smaller volume whose articles carry 小标题 at two levels, with level 1 listed in the 目录. */
const HEADED_PAGES: [number, string][] = [[10, '12-subheadings']];
const DPI = Number(process.argv.find((a) => a.startsWith('--dpi='))?.slice('--dpi='.length) ?? 150);

function render(file: string, page: number, name: string, dir: string): Promise<void> {
  const prefix = path.join(dir, name);
  execFileSync('pdftoppm', [
    '-r',
    String(DPI),
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    prefix,
  ]);
  return rename(`${prefix}.png`, path.join(OUT, `${name}.png`));
}

/** Figures placed by the editor inside an article: the pages where they stand, found by their captions. */
async function figurePages(dir: string): Promise<void> {
  const photos = await makePhotos(path.join(dir, 'figure-photos'), 2, 2400);
  const { pdf } = await compileVolume({
    book: figureBook(photos),
    fonts: packagedFonts(),
    date: new Date('2024-05-01T00:00:00Z'),
  });
  const file = path.join(dir, 'figures.pdf');
  await writeFile(file, pdf);
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  const pageOf = (text: string) => pages.findIndex((p) => p.replace(/\s+/g, '').includes(text)) + 1;
  await render(file, pageOf('左起：李秀英'), '10-figure-beside-text', dir);
  await render(file, pageOf('发制品厂的手工车间'), '11-figure-full-width', dir);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-gallery-'));
try {
  const photos = await makePhotos(path.join(dir, 'photos'), 8, 900);
  const book = sampleBook({ articles: 30, sections: 4, perArticle: 3, photos, figureEvery: 2 });
  const { pdf } = await compileVolume({
    book,
    fonts: packagedFonts(),
    date: new Date('2024-05-01T00:00:00Z'),
  });
  const file = path.join(dir, 'sample.pdf');
  await writeFile(file, pdf);
  const headed = sampleBook({ articles: 6, sections: 2, perArticle: 3, photos: [], headings: true });
  headed.tocHeadings = true;
  headed.index = false;
  const headedFile = path.join(dir, 'headed.pdf');
  await writeFile(
    headedFile,
    (await compileVolume({ book: headed, fonts: packagedFonts(), date: new Date('2024-05-01T00:00:00Z') })).pdf,
  );
  for (const [page, name, from] of [
    ...PAGES.map(([p, n]) => [p, n, file] as const),
    ...HEADED_PAGES.map(([p, n]) => [p, n, headedFile] as const),
  ])
    await render(from, page, name, dir);
  await figurePages(dir);
} finally {
  await rm(dir, { recursive: true, force: true });
}
