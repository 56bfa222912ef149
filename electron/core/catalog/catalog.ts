import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Low } from 'lowdb';
import { DurableJSONFile, nodeStorageFs, type StorageFs } from '../storage';
import { WenshiError } from '../errors';
import { ItemFieldsSchema, ItemSchema, type Item, type ItemFields, type ItemPatch } from '../model';

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
  private readonly shards = new Map<string, Low<Shard>>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(change: CatalogChange) => void>();

  private constructor(
    private readonly dir: string,
    private readonly clock: () => Date,
    private readonly fs: StorageFs,
  ) {}

  static async open(dir: string, clock: () => Date, fs: StorageFs = nodeStorageFs): Promise<Catalog> {
    await mkdir(dir, { recursive: true });
    const catalog = new Catalog(dir, clock, fs);
    for (const name of await readdir(dir)) {
      const match = /^items-([0-9a-f]{2})\.json$/.exec(name);
      if (!match) continue;
      const shard = catalog.shard(match[1]!);
      await shard.read();
      for (const item of Object.values(shard.data.items)) catalog.items.set(item.id, item);
    }
    return catalog;
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
    const key = shardKey(id);
    const previousWrite = this.writes.get(key) ?? Promise.resolve();
    const next = previousWrite.then(async () => {
      const shard = this.shard(key);
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
    for (const item of this.items.values()) {
      if (item.files.some((f) => f.sha256 === sha256)) return item;
    }
    return undefined;
  }

  /** Resolves once the item is durably on disk. */
  async create(fields: ItemFields): Promise<Item> {
    const now = this.clock().toISOString();
    let id: string;
    do id = randomBytes(8).toString('hex');
    while (this.items.has(id));
    const item: Item = { ...ItemFieldsSchema.parse(fields), id, createdAt: now, updatedAt: now };
    await this.persist(id, item);
    this.items.set(id, item);
    this.emit({ type: 'put', item, previous: undefined });
    return item;
  }

  /** Adds an item that already has its id and dates, as one from another archivist's package. */
  async insert(record: Item): Promise<Item> {
    const item = ItemSchema.parse(record);
    if (this.items.has(item.id)) throw new WenshiError('exists', `条目 ${item.id} 已存在`);
    await this.persist(item.id, item);
    this.items.set(item.id, item);
    this.emit({ type: 'put', item, previous: undefined });
    return item;
  }

  async update(id: string, patch: ItemPatch): Promise<Item> {
    const previous = this.items.get(id);
    if (!previous) throw new WenshiError('not_found', `找不到条目 ${id}`);
    const fields = ItemFieldsSchema.parse({ ...previous, ...patch });
    const item: Item = { ...previous, ...fields, updatedAt: this.clock().toISOString() };
    await this.persist(id, item);
    this.items.set(id, item);
    this.emit({ type: 'put', item, previous });
    return item;
  }

  async delete(id: string): Promise<Item> {
    const item = this.items.get(id);
    if (!item) throw new WenshiError('not_found', `找不到条目 ${id}`);
    await this.persist(id, undefined);
    this.items.delete(id);
    this.emit({ type: 'delete', item });
    return item;
  }
}
