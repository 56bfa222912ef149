import { copyFile, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ItemSchema, withDatesRead, type Item } from '../model';
import { DurableJSONFile, writeFileDurably, type StorageFs } from '../storage';

type RawInfo = Record<string, unknown>;

/** One step of the library format, from version `from` to `from + 1`. */
interface Migration {
  from: number;
  /**
   * Changes the folder and returns the new library.json content plus files that become obsolete.
   * A step may be interrupted and run again: it must give the same result the second time.
   */
  run(root: string, info: RawInfo, fs: StorageFs): Promise<{ info: RawInfo; obsolete: string[] }>;
}

// The folders of format 1, spelled out: a migration must keep doing what it did when it was written.
const FORMAT_1_FOLDERS = ['catalog', 'files', 'derived', 'index', 'volumes', 'exports', 'log'];

const MIGRATIONS: Migration[] = [
  {
    // Format 0 kept the whole catalog in one file, catalog/items.json; format 1 spreads it over shards.
    from: 0,
    async run(root, info, fs) {
      for (const sub of FORMAT_1_FOLDERS) await mkdir(path.join(root, sub), { recursive: true });
      const single = path.join(root, 'catalog', 'items.json');
      let items: Record<string, unknown> = {};
      try {
        items =
          (JSON.parse(await readFile(single, 'utf8')) as { items?: Record<string, unknown> }).items ?? {};
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const shards = new Map<string, Record<string, Item>>();
      for (const raw of Object.values(items)) {
        const item = ItemSchema.parse(raw);
        const key = item.id.slice(0, 2);
        shards.set(key, { ...shards.get(key), [item.id]: item });
      }
      for (const [key, shardItems] of shards) {
        await new DurableJSONFile(path.join(root, 'catalog', `items-${key}.json`), fs).write({
          items: shardItems,
        });
      }
      return { info, obsolete: [single] };
    },
  },
  {
    // Format 1 stored a date as its EDTF alone ('1984-21'); format 2 keeps the wording beside it
    // ({ text: '1984年春', edtf: '1984-21' }). The old EDTF gets its readable form as wording.
    from: 1,
    async run(root, info, fs) {
      const catalogDir = path.join(root, 'catalog');
      const shards = (await readdir(catalogDir).catch(() => [] as string[])).filter((n) =>
        /^items-[0-9a-f]{2}\.json$/.test(n),
      );
      for (const name of shards) {
        const file = new DurableJSONFile<{ items: Record<string, object> }>(path.join(catalogDir, name), fs);
        const data = (await file.read()) ?? { items: {} };
        const items = Object.fromEntries(
          Object.entries(data.items ?? {}).map(([id, item]) => [id, withDatesRead(item, {})]),
        );
        await file.write({ ...data, items });
      }
      return { info, obsolete: [] };
    },
  },
];

/** A filesystem-safe timestamp for the backup folder's name. */
function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Brings a library of an older format up to `target`, one step at a time. Before anything changes,
 * library.json and the catalog files are copied to `log/migrations/<time>-v<from>/`. library.json
 * records each finished step, so an interrupted migration resumes where it stopped.
 */
export async function migrateLibrary(
  root: string,
  info: RawInfo,
  target: number,
  now: Date,
  fs: StorageFs,
): Promise<{ info: RawInfo; backupDir: string }> {
  const from = Number(info['formatVersion'] ?? 0);
  const backupDir = path.join(root, 'log', 'migrations', `${stamp(now)}-v${from}`);
  await mkdir(path.join(backupDir, 'catalog'), { recursive: true });
  await copyDurably(path.join(root, 'library.json'), path.join(backupDir, 'library.json'));
  const catalogDir = path.join(root, 'catalog');
  const catalogFiles = await readdir(catalogDir).catch(() => [] as string[]);
  for (const name of catalogFiles.filter((n) => n.endsWith('.json')))
    await copyDurably(path.join(catalogDir, name), path.join(backupDir, 'catalog', name));

  let current = info;
  for (let version = from; version < target; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`没有从格式 ${version} 升级的方法`);
    const result = await step.run(root, current, fs);
    current = { ...result.info, formatVersion: version + 1 };
    await writeFileDurably(path.join(root, 'library.json'), JSON.stringify(current, null, 2) + '\n', fs);
    for (const file of result.obsolete) await unlink(file).catch(() => undefined);
  }
  return { info: current, backupDir };
}
