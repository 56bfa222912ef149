import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { randomHex } from './identifier';
import { Low } from 'lowdb';
import { DamagedFileError, DurableJSONFile, nodeStorageFs, syncFolderDurably, type StorageFs } from '../storage';
import { salvageShard, type DamagedShard } from './salvage';
import { WenshiError } from '../errors';
import {
  ItemFieldsSchema,
  ItemPatchSchema,
  ItemSchema,
  type FileRef,
  type Item,
  type ItemFieldsInput,
  type ItemPatchInput,
} from '../model';

interface Shard {
  items: Record<string, Item>;
}

export type CatalogChange =
  { type: 'put'; item: Item; previous: Item | undefined } | { type: 'delete'; item: Item };

/** One item's part in a change: as it was (`undefined`: new) and as it becomes (`undefined`: deleted). */
export interface ItemChange {
  id: string;
  before: Item | undefined;
  after: Item | undefined;
}

/** Items are spread over up to 256 shard files by the first two hex digits of their id, so one edit rewrites one small file. */
function shardKey(id: string): string {
  return id.slice(0, 2);
}

export class Catalog {
  private readonly items = new Map<string, Item>();
  /** Content hash → id of the item holding that file. */
  private readonly byFileHash = new Map<string, string>();
  private readonly shards = new Map<string, Low<Shard>>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(change: CatalogChange) => void>();

  private constructor(
    private readonly dir: string,
    private readonly clock: () => Date,
    private readonly fs: StorageFs,
  ) {}

  /** Shards found damaged (with no readable backup) at open; their readable items were kept. */
  readonly damaged: DamagedShard[] = [];

  /**
   * Reads every shard. One damaged beyond its backup does not stop the others: its readable items
   * are salvaged and, with `quarantine` (when this process may write), the damaged file is moved
   * aside and the shard written again from what was salvaged.
   */
  static async open(
    dir: string,
    clock: () => Date,
    fs: StorageFs = nodeStorageFs,
    options: { quarantine?: boolean } = {},
  ): Promise<Catalog> {
    await mkdir(dir, { recursive: true });
    const catalog = new Catalog(dir, clock, fs);
    for (const name of await readdir(dir)) {
      const match = /^items-([0-9a-f]{2})\.json$/.exec(name);
      if (!match) continue;
      const shard = catalog.shard(match[1]!);
      try {
        await shard.read();
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
        const quarantine = options.quarantine ?? false;
        const salvaged = await salvageShard(dir, name, clock().toISOString(), quarantine);
        shard.data = { items: Object.fromEntries(salvaged.items.map((item) => [item.id, item])) };
        if (quarantine) await shard.write();
        catalog.damaged.push(salvaged.damaged);
      }
      for (const item of Object.values(shard.data.items)) catalog.remember(item);
    }
    return catalog;
  }

  /**
   * The items in a catalog folder's files, one shard at a time, without opening it: for a reader
   * in another thread that follows the catalog and should not hold every item at once. It never
   * writes, and reads a shard's backup where the file itself is damaged.
   */
  static async *readShards(
    dir: string,
    /** Only the shards of these ids (all without). */
    ids?: Iterable<string>,
    fs: StorageFs = nodeStorageFs,
  ): AsyncGenerator<Item[]> {
    const keys = ids ? new Set(Array.from(ids, shardKey)) : null;
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const match = /^items-([0-9a-f]{2})\.json$/.exec(name);
      if (!match || (keys && !keys.has(match[1]!))) continue;
      const shard = await new DurableJSONFile<Shard>(path.join(dir, name), fs).read().catch(async (error) => {
        if (!(error instanceof DamagedFileError)) throw error;
        return {
          items: Object.fromEntries((await salvageShard(dir, name, '', false)).items.map((i) => [i.id, i])),
        };
      });
      if (shard) yield Object.values(shard.items);
    }
  }

  private shard(key: string): Low<Shard> {
    let shard = this.shards.get(key);
    if (!shard) {
      // The folder is fsync'd once per change, after all its shards are renamed into place.
      const file = new DurableJSONFile<Shard>(path.join(this.dir, `items-${key}.json`), this.fs, false);
      shard = new Low<Shard>(file, {
        items: {},
      });
      this.shards.set(key, shard);
    }
    return shard;
  }

  /**
   * Writes the shards holding these ids with the values given (`undefined`: removed), one durable
   * write per shard, shards in parallel. What `get` and `all` return does not change: that happens
   * in `apply`, once the whole change has committed (see the library's commit protocol). A shard
   * whose write fails keeps its earlier values in memory; the shards written are returned, so the
   * caller can put them back.
   */
  async writeItems(values: Map<string, Item | undefined>): Promise<{ written: Set<string>; error?: unknown }> {
    const byShard = new Map<string, [string, Item | undefined][]>();
    for (const [id, item] of values) {
      const key = shardKey(id);
      let group = byShard.get(key);
      if (!group) byShard.set(key, (group = []));
      group.push([id, item]);
    }
    const written = new Set<string>();
    let failure: { error: unknown } | undefined;
    await Promise.all(
      [...byShard].map(([key, group]) =>
        this.enqueue(key, async () => {
          const shard = this.shard(key);
          const earlier = group.map(([id]) => [id, shard.data.items[id]] as const);
          for (const [id, item] of group) setOrDelete(shard.data.items, id, item);
          try {
            await shard.write();
            written.add(key);
          } catch (error) {
            for (const [id, item] of earlier) setOrDelete(shard.data.items, id, item);
            failure ??= { error };
          }
        }),
      ),
    );
    if (written.size > 0 && !failure)
      await syncFolderDurably(this.dir).catch((error: unknown) => {
        failure = { error };
      });
    return { written, ...(failure && { error: failure.error }) };
  }

  /** Makes committed changes visible: `get`, `all` and the hash lookup follow, listeners are told. */
  apply(changes: readonly ItemChange[]): void {
    for (const { before, after } of changes) {
      if (before) this.forget(before);
      if (after) this.remember(after);
    }
    for (const { before, after } of changes) {
      if (after) this.emit({ type: 'put', item: after, previous: before });
      else if (before) this.emit({ type: 'delete', item: before });
    }
  }

  /** The shard an item lives in. */
  static shardOf(id: string): string {
    return shardKey(id);
  }

  /** Runs work on a shard after the work queued before it, so a file is never written twice at once. */
  private enqueue(key: string, work: () => Promise<void>): Promise<void> {
    const next = (this.writes.get(key) ?? Promise.resolve()).then(work);
    this.writes.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  onChange(listener: (change: CatalogChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: CatalogChange): void {
    for (const listener of this.listeners) listener(change);
  }

  get size(): number {
    return this.items.size;
  }

  get(id: string): Item | undefined {
    return this.items.get(id);
  }

  all(): Item[] {
    return [...this.items.values()];
  }

  findByFileHash(sha256: string): Item | undefined {
    const id = this.byFileHash.get(sha256);
    return id === undefined ? undefined : this.items.get(id);
  }

  /** The file reference with this content hash, from whichever item holds it. */
  fileRef(sha256: string): FileRef | undefined {
    return this.findByFileHash(sha256)?.files.find((f) => f.sha256 === sha256);
  }

  private remember(item: Item): void {
    this.items.set(item.id, item);
    for (const file of item.files) this.byFileHash.set(file.sha256, item.id);
  }

  private forget(item: Item): void {
    this.items.delete(item.id);
    for (const file of item.files)
      if (this.byFileHash.get(file.sha256) === item.id) this.byFileHash.delete(file.sha256);
  }

  /** A fresh id, unused by the catalog and not in `reserved` (ids given out in the same change). */
  newId(reserved: ReadonlySet<string> = new Set()): string {
    let id = randomHex(8);
    while (this.items.has(id) || reserved.has(id)) id = randomHex(8);
    return id;
  }

  /** A new item from its fields (checked; throws the schema's error); nothing is written. */
  buildCreate(fields: ItemFieldsInput, id: string): Item {
    if (this.items.has(id)) throw new WenshiError('exists', 'item_exists', { id });
    const now = this.clock().toISOString();
    return { ...ItemFieldsSchema.parse(fields), id, createdAt: now, updatedAt: now };
  }

  /** An item that already has its id and dates, as one from another archivist's package. */
  buildInsert(record: Item): Item {
    const item = ItemSchema.parse(record);
    if (this.items.has(item.id)) throw new WenshiError('exists', 'item_exists', { id: item.id });
    return item;
  }

  /** `previous` with a patch applied (checked); nothing is written. */
  buildUpdate(previous: Item, patch: ItemPatchInput): Item {
    const fields = ItemFieldsSchema.parse({ ...previous, ...ItemPatchSchema.parse(patch) });
    return { ...previous, ...fields, updatedAt: this.clock().toISOString() };
  }

  /** The item, or a not-found error naming it. */
  require(id: string): Item {
    const item = this.items.get(id);
    if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
    return item;
  }

  /**
   * Reads these shards again from disk, for a reader whose files another process writes: each
   * item that appeared, changed or went away is told to the listeners like a change made here.
   * Returns the ids of those items. Never call it while this catalog writes.
   */
  async reloadShards(keys: Iterable<string>): Promise<string[]> {
    const changed: string[] = [];
    for (const key of keys) {
      const shard = this.shard(key);
      shard.data = (await shard.adapter.read()) ?? { items: {} };
      const fresh = shard.data.items;
      for (const item of this.all())
        if (shardKey(item.id) === key && !fresh[item.id]) {
          this.forget(item);
          this.emit({ type: 'delete', item });
          changed.push(item.id);
        }
      for (const item of Object.values(fresh)) {
        const previous = this.items.get(item.id);
        if (previous && JSON.stringify(previous) === JSON.stringify(item)) continue;
        if (previous) this.forget(previous);
        this.remember(item);
        this.emit({ type: 'put', item, previous });
        changed.push(item.id);
      }
    }
    return changed;
  }
}

function setOrDelete(items: Record<string, Item>, id: string, item: Item | undefined): void {
  if (item) items[id] = item;
  else delete items[id];
}
