import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { verifyLibrary } from '../../electron/core/integrity';
import { toCsv } from '../../electron/core/exchange';
import { tempDir } from '../helpers/tempDir';
import { exited } from '../helpers/libraryProcess';

const EDITS = 1000;

function itemFields(title: string) {
  return { kind: 'oral' as const, title };
}
const KILLS = 50;
const ITEMS = 12;

let worker: string;
let importWorker: string;

// The worker is bundled once to plain JavaScript: 51 processes start in a fraction of the time
// they would take compiling TypeScript each.
beforeAll(async () => {
  worker = path.join(await tempDir(), 'editWorker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../helpers/editWorker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: worker,
    // CommonJS packages bundled into this ES module still call require().
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  // The import worker leaves the native packages to be loaded as installed, so it is written
  // inside the project, where they are found.
  importWorker = fileURLToPath(new URL('../../out/test-workers/importWorker.mjs', import.meta.url));
  await build({
    entryPoints: [fileURLToPath(new URL('../helpers/importWorker.ts', import.meta.url))],
    bundle: true,
    external: ['sharp', '@napi-rs/canvas'],
    banner: {
      js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);",
    },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: importWorker,
    logLevel: 'error',
  });
});

/** Runs the edit worker; kills it with SIGKILL after `killAfter` acknowledgements (and a random instant more). */
async function runWorker(root: string, killAfter: number | null): Promise<number[]> {
  const child = spawn(process.execPath, [worker, root, String(EDITS)], { stdio: 'pipe' });
  const acked: number[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let buffered = '';
  let killing = false;
  const kill = () => {
    if (killing) return;
    killing = true;
    // Sometimes at once, sometimes a moment later: the kill lands anywhere inside an edit.
    setTimeout(() => child.kill('SIGKILL'), randomInt(0, 4));
  };
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const match = /^ack (\d+)$/.exec(line);
      if (match) acked.push(Number(match[1]));
      if (killAfter !== null && (match || line === 'ready') && acked.length >= killAfter) kill();
    }
  });
  await exited(child);
  if (killAfter === null) expect(child.exitCode, stderr).toBe(0);
  else if (!killing) throw new Error(`the worker ended before it was killed: ${stderr}`);
  return acked;
}

/** Opens the library as an app would after the crash and counts acknowledged edits it lacks. */
async function lostEdits(
  root: string,
  acked: Set<number>,
): Promise<{ catalog: number[]; audit: number[]; unaudited: number[]; done: number }> {
  for (const name of await readdir(path.join(root, 'catalog'))) {
    // The shard files themselves parse: no fallback to a backup is needed after a kill.
    if (!/^items-[0-9a-f]{2}\.json$/.test(name)) continue;
    const text = await readFile(path.join(root, 'catalog', name), 'utf8');
    expect(() => JSON.parse(text), name).not.toThrow();
  }
  const library = await Library.open(root);
  expect(library.readOnly).toBe(false);
  const ids = library.catalog
    .all()
    .map((item) => item.id)
    .sort();
  expect(ids).toHaveLength(ITEMS);
  const latest = ids.map((id) => {
    const match = /^edit (\d+)$/.exec(library.catalog.get(id)!.abstract);
    return match ? Number(match[1]) : -1;
  });
  const audited = new Set(
    (await library.audit.entries()).flatMap((entry) =>
      entry.changes
        .map((change) => /^edit (\d+)$/.exec(String(change.new))?.[1])
        .filter((n) => n !== undefined)
        .map(Number),
    ),
  );
  await library.close();
  return {
    // The item may hold a later edit that finished but was not acknowledged before the kill.
    catalog: [...acked].filter((i) => latest[i % ITEMS]! < i),
    audit: [...acked].filter((i) => !audited.has(i)),
    // An edit the kill cut off between the catalog write and its audit entry is logged on reopening.
    unaudited: latest.filter((i) => i >= 0 && !audited.has(i)),
    done: Math.max(...latest) + 1,
  };
}

describe('crash safety', () => {
  it(`keeps every acknowledged edit through ${KILLS} SIGKILLs during ${EDITS} edits`, async () => {
    const root = path.join(await tempDir(), 'lib');
    const created = await Library.create(root, '断电测试');
    for (let i = 0; i < ITEMS; i++) await created.createItem(itemFields(`条目 ${i}`));
    await created.close();

    const acked = new Set<number>();
    const lost = { catalog: new Set<number>(), audit: new Set<number>() };
    const unaudited = new Set<number>();
    let done = 0;
    const check = async () => {
      const now = await lostEdits(root, acked);
      for (const i of now.catalog) lost.catalog.add(i);
      for (const i of now.audit) lost.audit.add(i);
      for (const i of now.unaudited) unaudited.add(i);
      done = now.done;
    };
    for (let kill = 0; kill < KILLS; kill++) {
      const remaining = EDITS - done;
      // On average the edits are spread evenly over the kills; some runs die before their first edit.
      const killAfter = randomInt(0, Math.max(1, Math.floor((2 * remaining) / (KILLS - kill + 1))));
      for (const i of await runWorker(root, killAfter)) acked.add(i);
      await check();
    }
    for (const i of await runWorker(root, null)) acked.add(i);
    await check();

    console.log(
      `crash test: ${KILLS} SIGKILLs, ${acked.size} acknowledged edits; lost acknowledged edits: ${lost.catalog.size} (catalog), ${lost.audit.size} (audit log)`,
    );
    expect(lost.catalog.size).toBe(0);
    expect(lost.audit.size).toBe(0);
    expect([...unaudited]).toEqual([]);
    // Edits done but not acknowledged before a kill are not redone; the last of all 1,000 is there.
    const library = await Library.open(root);
    const items = library.catalog.all().sort((a, b) => a.id.localeCompare(b.id));
    expect(items[(EDITS - 1) % ITEMS]!.abstract).toBe(`edit ${EDITS - 1}`);
    await library.close();
    // Temp files of killed catalog writes do not pile up: opening the library clears them.
    expect((await readdir(path.join(root, 'catalog'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 300_000);
});

/**
 * Runs the import worker; with `killAfter`, kills it with SIGKILL a random moment (0–40 ms) after
 * that many items are acknowledged, so the kill lands while files are read and copied or while a
 * group commits. Returns the ids acknowledged.
 */
async function runImport(args: string[], killAfter: number | null): Promise<string[]> {
  const child = spawn(process.execPath, [importWorker, ...args], { stdio: 'pipe' });
  const acked: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let buffered = '';
  let killing = false;
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const match = /^ack ([0-9a-f]+)$/.exec(line);
      if (match) acked.push(match[1]!);
      if (killAfter !== null && !killing && (match || line === 'ready') && acked.length >= killAfter) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), randomInt(0, 40));
      }
    }
  });
  await exited(child);
  if (killAfter === null || !killing) expect(child.exitCode, stderr).toBe(0);
  return acked;
}

/** Kills an import `kills` times, then lets it finish; returns every id acknowledged on the way. */
async function killRepeatedly(args: string[], kills: number, total: number): Promise<Set<string>> {
  const acked = new Set<string>();
  for (let kill = 0; kill < kills; kill++) {
    const remaining = Math.max(0, total - acked.size);
    // On average the items are spread evenly over the kills; some runs die before their first.
    const killAfter = randomInt(0, Math.max(1, Math.floor((2 * remaining) / (kills - kill + 1))));
    for (const id of await runImport(args, killAfter)) acked.add(id);
  }
  for (const id of await runImport(args, null)) acked.add(id);
  return acked;
}

/** What a crash must never leave: acknowledged items missing, items without a "create" entry, a journal. */
async function checkAfterCrashes(root: string, acked: Set<string>) {
  const library = await Library.open(root);
  const created = new Set(
    (await library.audit.entries()).filter((e) => e.action === 'create').map((e) => e.itemId),
  );
  const items = library.catalog.all();
  const result = {
    items,
    lost: [...acked].filter((id) => !library.catalog.get(id)),
    withoutCreate: items.filter((item) => !created.has(item.id)).map((item) => item.id),
    problems: (await verifyLibrary(library)).problems.map((p) => p.message),
    leftovers: (await readdir(path.join(root, 'catalog'))).filter((n) => !/^items-..\.json(\.bak)?$/.test(n)),
  };
  await library.close();
  return result;
}

describe('crash safety of imports', () => {
  const FILES = 1000;

  it(`keeps every acknowledged item through ${KILLS} SIGKILLs during a ${FILES}-file folder import`, async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    const source = path.join(dir, '来稿');
    await mkdir(source);
    for (let i = 0; i < FILES; i++)
      await writeFile(
        path.join(source, `记录${String(i).padStart(4, '0')}.txt`),
        `第 ${i} 份记录\n${'许昌县志办公室征集的口述材料，'.repeat(1 + (i % 7))}\n`,
      );
    await (await Library.create(root, '断电测试')).close();

    const acked = await killRepeatedly(['folder', root, source], KILLS, FILES);
    const after = await checkAfterCrashes(root, acked);
    console.log(`import crash test: ${KILLS} SIGKILLs, ${acked.size} items acknowledged, ${after.lost.length} lost`);
    expect(after.lost).toEqual([]);
    expect(after.withoutCreate).toEqual([]);
    expect(after.problems).toEqual([]);
    expect(after.leftovers).toEqual([]);
    // The rerun finished the import: every file once, none twice.
    const hashes = after.items.flatMap((item) => item.files.map((f) => f.sha256));
    expect(hashes).toHaveLength(FILES);
    expect(new Set(hashes).size).toBe(FILES);
  }, 600_000);

  it('keeps every acknowledged row through SIGKILLs during a register import, and a rerun adds no row twice', async () => {
    const ROWS = 1000;
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    const register = path.join(dir, '登记表.csv');
    const rows = Array.from({ length: ROWS }, (_, i) => [
      `DJ-${String(i).padStart(5, '0')}`,
      `第 ${i} 份登记`,
      `许昌县志办公室征集的材料 ${i}`,
    ]);
    await writeFile(register, toCsv([['档号', '题名', '全文'], ...rows]));
    await (await Library.create(root, '断电测试')).close();

    const acked = await killRepeatedly(['register', root, register], 10, ROWS);
    const after = await checkAfterCrashes(root, acked);
    expect(after.lost).toEqual([]);
    expect(after.withoutCreate).toEqual([]);
    expect(after.leftovers).toEqual([]);
    const identifiers = after.items.map((item) => item.identifier);
    expect(identifiers).toHaveLength(ROWS);
    expect(new Set(identifiers).size).toBe(ROWS);
  }, 300_000);
});
