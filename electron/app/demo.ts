import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../core/library';
import { importRegister } from '../core/exchange';
import { AppFailure } from './errors';
import type { JobContext } from '../core/jobs';

/** The demo material in the source tree; the packaged app passes its resources folder instead. */
export function sourceDemoDir(): string {
  return fileURLToPath(new URL('../../resources/demo', import.meta.url));
}

const PHOTOS: { name: string; colours: [string, string] }[] = [
  { name: '长葛发制品厂车间.jpg', colours: ['#8c6d4f', '#d9c3a5'] },
  { name: '神垕镇钧瓷窑口.jpg', colours: ['#6b2737', '#c98a9b'] },
  { name: '鄢陵花木市场.jpg', colours: ['#2f6b3a', '#a8d5a2'] },
  { name: '许昌火车站旧貌.jpg', colours: ['#4a5568', '#cbd5e0'] },
];

/** Stand-in photographs (plain gradients): the demo ships no real images. */
async function writePhotos(dir: string): Promise<string[]> {
  const { default: sharp } = await import('sharp');
  return Promise.all(
    PHOTOS.map(async ({ name, colours: [from, to] }) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/></svg>`;
      const file = path.join(dir, name);
      await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(file);
      return file;
    }),
  );
}

/**
 * Fills an empty library with the demo material: the register of articles and oral histories
 * and a few photos, so a first-time user has something to search, describe and compile.
 */
export async function loadDemo(
  library: Library,
  demoDir: string,
  context: JobContext,
): Promise<{ added: number }> {
  if (library.catalog.size > 0) throw new AppFailure('exists', 'demo_needs_empty_library');
  // The demo ships with the app: missing, the installation is incomplete.
  if (!existsSync(path.join(demoDir, '登记表.csv'))) throw new AppFailure('not_found', 'demo_missing');
  const register = await importRegister(library, path.join(demoDir, '登记表.csv'), context);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'wenshi-demo-'));
  try {
    const { addPaths } = await import('../core/ingest');
    const photos = await addPaths(library, await writePhotos(scratch), { ...context, kind: 'photo' });
    return { added: register.added.length + photos.added.length };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
