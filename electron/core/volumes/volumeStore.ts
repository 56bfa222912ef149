import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DurableJSONFile } from '../storage';
import { WenshiError } from '../errors';
import { VolumeFieldsSchema, VolumeSchema, type Volume, type VolumeFieldsInput } from '../model';

/**
 * Volumes, one JSON file each in the library's `volumes/` folder (`<id>.json`, with a `.bak` of
 * the previous version), written durably. Volumes are few and small: all are kept in memory.
 */
export class VolumeStore {
  private readonly volumes = new Map<string, Volume>();

  private constructor(
    private readonly dir: string,
    private readonly clock: () => Date,
    /** Names an item in messages about the series rule. */
    private readonly titleOf: (itemId: string) => string,
  ) {}

  static async open(
    dir: string,
    clock: () => Date,
    titleOf: (itemId: string) => string,
  ): Promise<VolumeStore> {
    await mkdir(dir, { recursive: true });
    const store = new VolumeStore(dir, clock, titleOf);
    for (const name of (await readdir(dir)).sort()) {
      const match = /^([0-9a-f]{12})\.json$/.exec(name);
      if (!match) continue;
      const data = await new DurableJSONFile<unknown>(path.join(dir, name)).read();
      const parsed = VolumeSchema.safeParse(data);
      if (parsed.success) store.volumes.set(parsed.data.id, parsed.data);
    }
    return store;
  }

  /** Reads every volume again, for a reader whose library another process writes. */
  async reload(): Promise<void> {
    const fresh = await VolumeStore.open(this.dir, this.clock, this.titleOf);
    this.volumes.clear();
    for (const volume of fresh.list()) this.volumes.set(volume.id, volume);
  }

  list(): Volume[] {
    return [...this.volumes.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  get(id: string): Volume {
    const volume = this.volumes.get(id);
    if (!volume) throw new WenshiError('not_found', 'volume_not_found', { id });
    return volume;
  }

  async create(fields: VolumeFieldsInput): Promise<Volume> {
    const now = this.clock().toISOString();
    const volume = VolumeSchema.parse({
      ...fields,
      id: randomBytes(6).toString('hex'),
      createdAt: now,
      updatedAt: now,
    });
    return this.save(volume);
  }

  /** Replaces a volume's fields as the editor left them. */
  async update(id: string, fields: VolumeFieldsInput): Promise<Volume> {
    const before = this.get(id);
    const volume = VolumeSchema.parse({
      ...VolumeFieldsSchema.parse(fields),
      id,
      createdAt: before.createdAt,
      updatedAt: this.clock().toISOString(),
    });
    return this.save(volume);
  }

  async delete(id: string): Promise<Volume> {
    const volume = this.get(id);
    await new DurableJSONFile(this.file(id)).remove();
    this.volumes.delete(id);
    return volume;
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  private async save(volume: Volume): Promise<Volume> {
    this.check(volume);
    await new DurableJSONFile<Volume>(this.file(volume.id)).write(volume);
    this.volumes.set(volume.id, volume);
    return volume;
  }

  /** An item appears once in a volume, and in one volume of a series unless both entries allow sharing. */
  private check(volume: Volume): void {
    const seen = new Set<string>();
    for (const section of volume.sections)
      for (const article of section.articles) {
        if (seen.has(article.itemId))
          throw new WenshiError('invalid_argument', 'article_twice', { title: this.titleOf(article.itemId) });
        seen.add(article.itemId);
      }
    if (!volume.series) return;
    for (const other of this.volumes.values()) {
      if (other.id === volume.id || other.series !== volume.series) continue;
      const shared = new Map(
        other.sections.flatMap((s) => s.articles.map((a) => [a.itemId, a.shared] as const)),
      );
      for (const section of volume.sections)
        for (const article of section.articles) {
          if (!shared.has(article.itemId) || (article.shared && shared.get(article.itemId))) continue;
          throw new WenshiError('invalid_argument', 'article_in_series', {
            title: this.titleOf(article.itemId),
            series: volume.series,
            volume: other.title,
          });
        }
    }
  }
}
