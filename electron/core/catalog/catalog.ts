import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Low } from 'lowdb';
import { DamagedFileError, DurableJSONFile, nodeStorageFs, type StorageFs } from '../storage';
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
      shard = new Low<Shard>(new DurableJSONFile(path.join(this.dir, `items-${key}.json`), this.fs), {
        items: {},
      });
      this.shards.set(key, shard);
    }
    return shard;
  }

  /**
   * Sets (or with `undefined` removes) one item in its shard file and resolves once that is
   * durable. Writes of one shard are queued so two edits never write the same file at once;
   * a failed write is rolled back so memory never holds what the disk does not.
   */
  private persist(id: string, item: Item | undefined): Promise<void> {
    return this.enqueue(shardKey(id), async () => {
      const shard = this.shard(shardKey(id));
      const before = shard.data.items[id];
      if (item) shard.data.items[id] = item;
      else delete shard.data.items[id];
      try {
        await shard.write();
      } catch (error) {
        if (before) shard.data.items[id] = before;
        else delete shard.data.items[id];
        throw error;
      }
    });
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

  /** Resolves once the item is durably on disk. */
  async create(fields: ItemFieldsInput, restoreId?: string): Promise<Item> {
    const now = this.clock().toISOString();
    let id = restoreId ?? randomBytes(8).toString('hex');
    if (restoreId && this.items.has(restoreId))
      throw new WenshiError('exists', 'item_exists', { id: restoreId });
    while (this.items.has(id)) id = randomBytes(8).toString('hex');
    const item: Item = { ...ItemFieldsSchema.parse(fields), id, createdAt: now, updatedAt: now };
    await this.persist(id, item);
    this.remember(item);
    this.emit({ type: 'put', item, previous: undefined });
    return item;
  }

  /**
   * Creates many items with one write per shard instead of one per item: for big registers,
   * restores and test libraries of tens of thousands of items.
   */
  async createMany(
    list: ItemFieldsInput[],
  ): Promise<({ ok: true; item: Item } | { ok: false; error: unknown })[]> {
    const now = this.clock().toISOString();
    const outcomes = list.map((fields): { ok: true; item: Item } | { ok: false; error: unknown } => {
      const parsed = ItemFieldsSchema.safeParse(fields);
      if (!parsed.success) return { ok: false, error: parsed.error };
      let id = randomBytes(8).toString('hex');
      while (this.items.has(id)) id = randomBytes(8).toString('hex');
      return { ok: true, item: { ...parsed.data, id, createdAt: now, updatedAt: now } };
    });
    const byShard = new Map<string, { ok: true; item: Item }[]>();
    for (const outcome of outcomes) {
      if (!outcome.ok) continue;
      const key = shardKey(outcome.item.id);
      byShard.set(key, [...(byShard.get(key) ?? []), outcome]);
    }
    await Promise.all(
      [...byShard].map(([key, group]) =>
        this.enqueue(key, async () => {
          const shard = this.shard(key);
          for (const { item } of group) shard.data.items[item.id] = item;
          try {
            await shard.write();
          } catch (error) {
            for (const { item } of group) delete shard.data.items[item.id];
            for (const outcome of group) Object.assign(outcome, { ok: false, error, item: undefined });
            return;
          }
          for (const { item } of group) {
            this.remember(item);
            this.emit({ type: 'put', item, previous: undefined });
          }
        }),
      ),
    );
    return outcomes;
  }

  /** Adds an item that already has its id and dates, as one from another archivist's package. */
  async insert(record: Item): Promise<Item> {
    const item = ItemSchema.parse(record);
    if (this.items.has(item.id)) throw new WenshiError('exists', 'item_exists', { id: item.id });
    await this.persist(item.id, item);
    this.remember(item);
    this.emit({ type: 'put', item, previous: undefined });
    return item;
  }

  async update(id: string, patch: ItemPatchInput): Promise<Item> {
    const previous = this.items.get(id);
    if (!previous) throw new WenshiError('not_found', 'item_not_found', { id });
    const fields = ItemFieldsSchema.parse({ ...previous, ...ItemPatchSchema.parse(patch) });
    const item: Item = { ...previous, ...fields, updatedAt: this.clock().toISOString() };
    await this.persist(id, item);
    this.forget(previous);
    this.remember(item);
    this.emit({ type: 'put', item, previous });
    return item;
  }

  async delete(id: string): Promise<Item> {
    const item = this.items.get(id);
    if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
    await this.persist(id, undefined);
    this.forget(item);
    this.emit({ type: 'delete', item });
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
