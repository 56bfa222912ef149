// Every built script must at least parse: a bundle that does not parse dies before any window opens,
// and nothing else in the tests would load every file (the search worker, chunks, the preload).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = path.resolve(__dirname, '../../out');

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return /\.(c|m)?js$/.test(entry.name) ? [full] : [];
  });
}

describe('the built bundles in out/', () => {
  it('holds the main process, its search worker, the preload and the page', () => {
    for (const file of ['main/index.js', 'main/searchWorker.js', 'preload/index.cjs', 'renderer/index.html'])
      expect(existsSync(path.join(OUT, file)), file).toBe(true);
  });

  it('every .js, .cjs and .mjs file passes node --check', () => {
    const files = scripts(OUT);
    expect(files.length).toBeGreaterThan(3);
    const failures = files
      .map((file) => ({ file, run: spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' }) }))
      .filter(({ run }) => run.status !== 0)
      .map(({ file, run }) => `${path.relative(OUT, file)}: ${run.stderr.split('\n').slice(0, 4).join(' ')}`);
    expect(failures).toEqual([]);
  });
});
