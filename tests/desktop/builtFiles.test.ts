// Every built script must at least parse: a bundle that does not parse dies before any window opens,
// and nothing else in the tests would load every file (the search worker, chunks, the preload).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

  it('the first script of the page leaves out the date reader and its lunar calendar', () => {
    // What the page loads before its first rows: the entry, what it preloads, and what those
    // import statically. Parsing it is most of the wait; the form's date reader loads with the form.
    const dir = path.join(OUT, 'renderer');
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const pending = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const loaded = new Set<string>();
    while (pending.length) {
      const file = pending.pop()!;
      if (loaded.has(file)) continue;
      loaded.add(file);
      const code = readFileSync(path.join(dir, file), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) pending.push(`assets/${m[1]}`);
    }
    expect(loaded.size).toBeGreaterThan(1);
    const first = [...loaded].map((file) => readFileSync(path.join(dir, file), 'utf8')).join('\n');
    expect(first).toMatch(/useState|createRoot|react/);
    // lunar-typescript's table of 节气 names (its class names do not survive minifying).
    expect(first).not.toMatch(/冬至/);
    const lazily = scripts(dir).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(lazily).toMatch(/冬至/);
  });
});
