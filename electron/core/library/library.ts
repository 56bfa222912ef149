import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Catalog, nextIdentifier } from '../catalog';
import { DEFAULT_SUBJECTS } from '../vocabulary';
import {
  DEFAULT_PERIODS,
  DatePeriodSchema,
  ItemSchema,
  withDatesRead,
  type Item,
  type ItemFieldsInput,
  type ItemPatchInput,
} from '../model';
import {
  acquireLock,
  nodeStorageFs,
  releaseLock,
  writeFileDurably,
  type LockHolder,
  type StorageFs,
} from '../storage';
import { WenshiError } from '../errors';
import { AuditLog, diffFields, type AuditEntry } from './auditLog';
import { FileStore } from './fileStore';
import { migrateLibrary } from './migrations';
import {
  SavedSearchSchema,
  withRenamedSearch,
  withSearch,
  withoutSearch,
  type SavedSearch,
  type SavedSearchInput,
} from './savedSearches';

export const LIBRARY_FORMAT_VERSION = 2;

export const LibrarySettingsSchema = z.object({
  /** 档号 pattern; see nextIdentifier. */
  identifierPattern: z.string().min(1).default('WS-{year}-{seq:4}'),
  /** The controlled list of 主题词. */
  subjects: z.array(z.string()).default([...DEFAULT_SUBJECTS]),
  /** Places added to the gazetteer by this library. */
  extraPlaces: z.array(z.string()).default([]),
  /** Re-hash every original when this many days have passed since the last verification; 0: never. */
  verifyIntervalDays: z.number().int().min(0).max(3650).default(0),
  /** Searches kept under a name, shared by everyone who opens the library. */
  savedSearches: z.array(SavedSearchSchema).default([]),
  /**
   * Named periods dates may be written as (清末, 文革期间) and the ranges they are read as;
   * a library may change them to local usage (解放 came to each county in its own month).
   */
  datePeriods: z.array(DatePeriodSchema).default(() => DEFAULT_PERIODS.map((p) => ({ ...p }))),
  /** Quotation marks the typesetting cleanup puts for straight quotes: “”‘’ (mainland) or 「」『』. */
  quoteStyle: z.enum(['corner', 'curly']).default('curly'),
});
export type LibrarySettings = z.infer<typeof LibrarySettingsSchema>;

const LibraryInfoSchema = z.object({
  format: z.literal('wenshi-library'),
  formatVersion: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  settings: LibrarySettingsSchema.default(() => LibrarySettingsSchema.parse({})),
});
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>;

export interface LibraryOptions {
  clock?: () => Date;
  /** Who makes the changes, for the audit log. */
  actor?: string;
  /** Open without taking the write lock. */
  readOnly?: boolean;
  /** For a new library. */
  settings?: Partial<LibrarySettings>;
  /** The file operations catalog writes go through (tests put a failing disk here). */
  storageFs?: StorageFs;
}

/** The folders every library has; derived/ and index/ hold only what can be made again from the rest. */
export const LIBRARY_SUBFOLDERS = [
  'catalog',
  'files',
  'derived',
  'index',
  'volumes',
  'exports',
  'log',
] as const;

/**
 * A library folder: library.json, the catalog, the originals and what is derived from them.
 * Only one process writes: the first to open it holds `library.lock`; later ones open read-only.
 */
export class Library {
  readonly files: FileStore;
  readonly audit: AuditLog;
  /** library.json is rewritten one change at a time, each built on the one before. */
  private infoWrites: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly root: string,
    private currentInfo: LibraryInfo,
    readonly catalog: Catalog,
    /** Set when the library is open read-only because another process holds the lock. */
    readonly lockedBy: LockHolder | null,
    readonly readOnly: boolean,
    readonly clock: () => Date,
    readonly actor: string,
    private readonly storageFs: StorageFs,
    /** Where the pre-migration copy went, when opening migrated an older format. */
    readonly migrationBackup: string | null,
  ) {
    this.files = new FileStore(path.join(root, 'files'));
    this.audit = new AuditLog(path.join(root, 'log', 'audit.jsonl'));
  }

  get info(): LibraryInfo {
    return this.currentInfo;
  }

  /** Renames the library or changes its settings; library.json is rewritten durably. */
  async updateInfo(patch: { name?: string; settings?: Partial<LibrarySettings> }): Promise<LibraryInfo> {
    return this.changeInfo(() => patch);
  }

  /**
   * Changes library.json with a patch worked out from the settings as they are when its turn
   * comes, so two changes made at once (two editors saving a search) both land.
   */
  private changeInfo(
    change: (info: LibraryInfo) => { name?: string; settings?: Partial<LibrarySettings> },
  ): Promise<LibraryInfo> {
    this.assertWritable();
    const run = async () => {
      const patch = change(this.currentInfo);
      const next = LibraryInfoSchema.parse({
        ...this.currentInfo,
        ...(patch.name !== undefined && { name: patch.name }),
        settings: { ...this.currentInfo.settings, ...patch.settings },
      });
      await writeFileDurably(this.path('library.json'), JSON.stringify(next, null, 2) + '\n', this.storageFs);
      this.currentInfo = next;
      return next;
    };
    const next = this.infoWrites.then(run);
    this.infoWrites = next.catch(() => undefined);
    return next;
  }

  /** Keeps a search under a name; with `replace`, a search of that name takes the new query. */
  async saveSearch(input: SavedSearchInput, options: { replace?: boolean } = {}): Promise<SavedSearch[]> {
    const info = await this.changeInfo(({ settings }) => ({
      settings: {
        savedSearches: withSearch(settings.savedSearches, input, {
          id: randomBytes(6).toString('hex'),
          now: this.clock().toISOString(),
          replace: options.replace ?? false,
        }),
      },
    }));
    return info.settings.savedSearches;
  }

  async renameSearch(id: string, name: string): Promise<SavedSearch[]> {
    const info = await this.changeInfo(({ settings }) => ({
      settings: {
        savedSearches: withRenamedSearch(settings.savedSearches, id, name, this.clock().toISOString()),
      },
    }));
    return info.settings.savedSearches;
  }

  async deleteSearch(id: string): Promise<SavedSearch[]> {
    const info = await this.changeInfo(({ settings }) => ({
      settings: { savedSearches: withoutSearch(settings.savedSearches, id) },
    }));
    return info.settings.savedSearches;
  }

  path(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  /** Creates a new, empty library in `root` (which may exist but must be empty). */
  static async create(root: string, name: string, options: LibraryOptions = {}): Promise<Library> {
    const clock = options.clock ?? (() => new Date());
    await mkdir(root, { recursive: true });
    const existing = (await readdir(root)).filter((f) => !f.startsWith('.'));
    if (existing.includes('library.json')) throw new WenshiError('exists', 'library_exists', { root });
    if (existing.length > 0) throw new WenshiError('exists', 'folder_not_empty', { root });
    for (const sub of LIBRARY_SUBFOLDERS) await mkdir(path.join(root, sub), { recursive: true });
    const info: LibraryInfo = {
      format: 'wenshi-library',
      formatVersion: LIBRARY_FORMAT_VERSION,
      name,
      createdAt: clock().toISOString(),
      settings: LibrarySettingsSchema.parse(options.settings ?? {}),
    };
    await writeFileDurably(
      path.join(root, 'library.json'),
      JSON.stringify(info, null, 2) + '\n',
      options.storageFs,
    );
    return Library.open(root, options);
  }

  /**
   * Opens a library; the first process to open it writes, later ones read. A library of an older
   * format is migrated first (after a backup copy), which needs the write lock.
   */
  static async open(root: string, options: LibraryOptions = {}): Promise<Library> {
    const clock = options.clock ?? (() => new Date());
    const fs = options.storageFs ?? nodeStorageFs;
    let raw = await readRawInfo(root);
    let lockedBy: LockHolder | null = null;
    let readOnly = options.readOnly ?? false;
    let tookOver = false;
    const lockFile = path.join(root, 'library.lock');
    if (!readOnly) {
      const lock = await acquireLock(lockFile, clock());
      if (!lock.acquired) {
        readOnly = true;
        lockedBy = lock.holder ?? { pid: 0, host: '?', since: '' };
      } else tookOver = lock.tookOver;
    }
    try {
      let migrationBackup: string | null = null;
      if (Number(raw['formatVersion']) < LIBRARY_FORMAT_VERSION) {
        if (readOnly)
          throw new WenshiError('read_only', 'old_format_read_only', {
            version: String(raw['formatVersion']),
          });
        const migrated = await migrateLibrary(root, raw, LIBRARY_FORMAT_VERSION, clock(), fs);
        raw = migrated.info;
        migrationBackup = migrated.backupDir;
      }
      const info = parseInfo(root, raw);
      if (!readOnly) await removeLeftovers(root, clock());
      const catalog = await Catalog.open(path.join(root, 'catalog'), clock, fs);
      const library = new Library(
        root,
        info,
        catalog,
        lockedBy,
        readOnly,
        clock,
        options.actor ?? 'wenshi',
        fs,
        migrationBackup,
      );
      if (tookOver) await library.auditUnloggedChanges();
      return library;
    } catch (error) {
      if (!readOnly) await releaseLock(lockFile);
      throw error;
    }
  }

  /** Changes library settings (stored in library.json). */
  async updateSettings(patch: Partial<LibrarySettings>): Promise<LibrarySettings> {
    return (await this.updateInfo({ settings: patch })).settings;
  }

  /** Adds an item from another library as it is (same id and dates), with an audit entry. */
  async importItem(item: Item): Promise<Item> {
    this.assertWritable();
    const inserted = await this.catalog.insert(item);
    await this.record('create', inserted.id, undefined, inserted);
    return inserted;
  }

  async createItem(fields: ItemFieldsInput): Promise<Item> {
    const [created] = await this.createItems([fields]);
    if (!created!.ok) throw created!.error;
    return created!.item;
  }

  /**
   * Creates many items at once (an import): identifiers are numbered in order, each catalog
   * shard is written once and the audit log takes one write. A shard that fails to write fails
   * only its own items; each outcome is returned in order.
   */
  async createItems(
    list: ItemFieldsInput[],
  ): Promise<({ ok: true; item: Item } | { ok: false; error: unknown })[]> {
    this.assertWritable();
    // After the first number is found among all items, the next is one more than the last given
    // (or a larger one given in the batch): the pool stays small instead of growing with the batch.
    let pool = this.catalog.all().map((i) => i.identifier);
    const numbered = list.map((fields) => {
      const given = fields.identifier?.trim();
      const identifier = given || nextIdentifier(this.info.settings.identifierPattern, pool, this.clock());
      pool = given ? [...pool.slice(-16), given] : [identifier];
      return { ...this.withDatesRead(fields), identifier };
    });
    const outcomes = await this.catalog.createMany(numbered);
    const created = outcomes.flatMap((o) => (o.ok ? [o.item] : []));
    await this.audit.appendMany(created.map((item) => this.entry('create', item.id, undefined, item)));
    return outcomes;
  }

  async updateItem(id: string, patch: ItemPatchInput): Promise<Item> {
    this.assertWritable();
    const before = asReadToday(this.catalog.get(id));
    // A change of 审稿状态 is remembered with who made it and when.
    const statusChanged =
      patch.editorialStatus !== undefined && patch.editorialStatus !== before?.editorialStatus;
    const read = this.withDatesRead(patch);
    const withHistory: ItemPatchInput =
      statusChanged && before
        ? {
            ...read,
            statusHistory: [
              ...before.statusHistory,
              { status: patch.editorialStatus!, by: this.actor, at: this.clock().toISOString() },
            ],
          }
        : read;
    const item = await this.catalog.update(id, withHistory);
    await this.record('update', id, before, item);
    return item;
  }

  /** Date wordings read with this library's named periods (its 解放前夕 may not be the default). */
  private withDatesRead<T extends object>(fields: T): T {
    return withDatesRead(fields, { periods: this.info.settings.datePeriods });
  }

  async deleteItem(id: string): Promise<Item> {
    this.assertWritable();
    const item = await this.catalog.delete(id);
    await this.record('delete', id, item, undefined);
    return item;
  }

  /**
   * Undoes one change from the audit log: an edit gets its old values back, a creation is
   * deleted, a deletion restored under its old id. The undo is itself logged.
   */
  async undo(entryId: string): Promise<Item> {
    this.assertWritable();
    const entry = await this.audit.find(entryId);
    if (!entry) throw new WenshiError('not_found', 'history_entry_not_found', { id: entryId });
    const oldValues = Object.fromEntries(entry.changes.map((c) => [c.field, c.old]));
    if (entry.action === 'create') {
      const item = await this.catalog.delete(entry.itemId);
      await this.record('delete', item.id, item, undefined, entryId);
      return item;
    }
    if (entry.action === 'delete') {
      const item = await this.catalog.create(oldValues as ItemFieldsInput, entry.itemId);
      await this.record('create', item.id, undefined, item, entryId);
      return item;
    }
    const before = asReadToday(this.catalog.get(entry.itemId));
    if (!before) throw new WenshiError('not_found', 'item_deleted_undo_first');
    const item = await this.catalog.update(entry.itemId, oldValues as ItemPatchInput);
    await this.record('update', item.id, before, item, entryId);
    return item;
  }

  /**
   * After a crash (the previous writer died holding the lock), its last catalog write may be on
   * disk without the audit entry that follows it. A shard's `.bak` is the shard before its last
   * write, so an item differing between the two that has no entry since its change gets one now.
   */
  private async auditUnloggedChanges(): Promise<void> {
    const entries = await this.audit.entries();
    const catalogDir = this.path('catalog');
    for (const name of await readdir(catalogDir)) {
      const match = /^items-([0-9a-f]{2})\.json\.bak$/.exec(name);
      if (!match) continue;
      let before: Record<string, Item>;
      try {
        before = (
          JSON.parse(await readFile(path.join(catalogDir, name), 'utf8')) as { items: Record<string, Item> }
        ).items;
      } catch {
        continue;
      }
      const ids = new Set([
        ...Object.keys(before),
        ...this.catalog
          .all()
          .map((item) => item.id)
          .filter((id) => id.startsWith(match[1]!)),
      ]);
      for (const id of ids) {
        const after = this.catalog.get(id);
        const changes = diffFields(before[id], after);
        if (changes.length === 0) continue;
        // Logged already if the item's latest entry records exactly this change.
        const last = entries.findLast((e) => e.itemId === id);
        if (last && JSON.stringify(last.changes) === JSON.stringify(changes)) continue;
        await this.audit.append({
          ...this.entry(!after ? 'delete' : before[id] ? 'update' : 'create', id, before[id], after),
          actor: `${this.actor}（程序中断后补记）`,
        });
      }
    }
  }

  private async record(
    action: AuditEntry['action'],
    itemId: string,
    before: Item | undefined,
    after: Item | undefined,
    undoOf?: string,
  ): Promise<void> {
    const entry = this.entry(action, itemId, before, after, undoOf);
    if (action === 'update' && entry.changes.length === 0) return;
    await this.audit.append(entry);
  }

  private entry(
    action: AuditEntry['action'],
    itemId: string,
    before: Item | undefined,
    after: Item | undefined,
    undoOf?: string,
  ): AuditEntry {
    return {
      id: randomBytes(6).toString('hex'),
      at: this.clock().toISOString(),
      actor: this.actor,
      action,
      itemId,
      changes: diffFields(before, after),
      ...(undoOf && { undoOf }),
    };
  }

  assertWritable(): void {
    if (!this.readOnly) return;
    if (!this.lockedBy) throw new WenshiError('read_only', 'library_locked');
    throw new WenshiError('read_only', 'library_locked_by', {
      pid: this.lockedBy.pid,
      host: this.lockedBy.host,
    });
  }

  async close(): Promise<void> {
    if (!this.readOnly) await releaseLock(path.join(this.root, 'library.lock'));
  }
}

/**
 * The catalog keeps items as stored, unparsed, so an item written before a field existed lacks its
 * default (photos before `regions`). An edit is compared with the item as the schema reads it
 * today, so the first edit of an old item logs only what the person changed.
 */
function asReadToday(item: Item | undefined): Item | undefined {
  if (!item) return undefined;
  const parsed = ItemSchema.safeParse(item);
  return parsed.success ? parsed.data : item;
}

/** Lock temp files live for milliseconds while a process takes the lock; one this old was left behind. */
const LOCK_TEMP_MAX_AGE_MS = 60_000;

/**
 * Temp files of writers that died mid-write (a power cut, a kill). The catalog's and library.json's
 * are written only by the lock holder, so once we hold the lock any that remain are leftovers;
 * the files they were to replace are intact (a temp file is renamed into place only when
 * complete). Lock temp files belong to any process trying to take the lock, perhaps on another
 * computer, so only old ones are removed.
 */
async function removeLeftovers(root: string, now: Date): Promise<void> {
  const catalog = path.join(root, 'catalog');
  for (const name of await readdir(catalog).catch(() => [] as string[]))
    if (/^\.items-[0-9a-f]{2}\.json\.\d+\.tmp$/.test(name))
      await unlink(path.join(catalog, name)).catch(() => undefined);
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const file = path.join(root, name);
    if (/^\.library\.json\.\d+\.tmp$/.test(name)) await unlink(file).catch(() => undefined);
    else if (/^library\.lock\.\d+\.[0-9a-f]+(\.stale)?\.tmp$/.test(name)) {
      const age = now.getTime() - ((await stat(file).catch(() => null))?.mtimeMs ?? now.getTime());
      if (age > LOCK_TEMP_MAX_AGE_MS) await unlink(file).catch(() => undefined);
    }
  }
}

/** library.json as stored, checked only enough to know it is a library of a format we can read. */
async function readRawInfo(root: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path.join(root, 'library.json'), 'utf8');
  } catch {
    const exists = await stat(root).then(
      () => true,
      () => false,
    );
    throw new WenshiError('not_a_library', exists ? 'not_a_library' : 'library_missing', { root });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WenshiError('not_a_library', 'library_json_damaged', { root });
  }
  const head = z
    .object({ format: z.literal('wenshi-library'), formatVersion: z.number().int().min(0) })
    .safeParse(raw);
  if (!head.success) throw new WenshiError('not_a_library', 'library_json_unknown', { root });
  if (head.data.formatVersion > LIBRARY_FORMAT_VERSION)
    throw new WenshiError('newer_format', 'newer_format', { version: head.data.formatVersion });
  return raw as Record<string, unknown>;
}

function parseInfo(root: string, raw: Record<string, unknown>): LibraryInfo {
  const parsed = LibraryInfoSchema.safeParse(raw);
  if (!parsed.success) throw new WenshiError('not_a_library', 'library_json_unknown', { root });
  return parsed.data;
}
