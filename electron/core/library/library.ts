import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Catalog, nextIdentifier, randomHex, type ItemChange } from '../catalog';
import {
  ItemSchema,
  withDatesRead,
  type Item,
  type ItemFieldsInput,
  type ItemPatchInput,
  type Relation,
} from '../model';
import {
  acquireLock,
  liveHolder,
  nodeStorageFs,
  releaseLock,
  storageError,
  writeFileDurably,
  type LockHolder,
  type StorageFs,
} from '../storage';
import { WenshiError } from '../errors';
import { AuditLog, diffFields, type AuditEntry } from './auditLog';
import { Committer } from './commit';
import { FileStore } from './fileStore';
import { withGarbledFlags } from './garbledFlags';
import { migrateLibrary } from './migrations';
import { damagedShardNotices } from './notices';
import { removeLeftovers } from './leftovers';
import { relationsOf, withMirroredRelations, withRelation, withoutRelation } from './relations';
import {
  ADDED_SUBFOLDERS,
  LIBRARY_FORMAT_VERSION,
  LIBRARY_SUBFOLDERS,
  LibraryInfoSchema,
  newLibraryInfo,
  parseInfo,
  readRawInfo,
  writeNewLibraryFolders,
  type LibraryInfo,
  type LibrarySettings,
} from './libraryInfo';
import {
  withRenamedSearch,
  withSearch,
  withoutSearch,
  type SavedSearch,
  type SavedSearchInput,
} from './savedSearches';

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

/**
 * A library folder: library.json, the catalog, the originals and what is derived from them.
 * Only one process writes: the first to open it holds `library.lock`; later ones open read-only.
 */
export class Library {
  readonly files: FileStore;
  readonly audit: AuditLog;
  private readonly committer: Committer;
  /** library.json is rewritten one change at a time, each built on the one before. */
  private infoWrites: Promise<unknown> = Promise.resolve();
  /** The person a call is made for, while it runs (each call of a door may come from someone else). */
  private readonly acting = new AsyncLocalStorage<string>();

  private constructor(
    readonly root: string,
    private currentInfo: LibraryInfo,
    readonly catalog: Catalog,
    /** Set when the library is open read-only because another process holds the lock. */
    public lockedBy: LockHolder | null,
    /** Changes only once, to false, when the lock is taken later (takeLockIfFree). */
    public readOnly: boolean,
    readonly clock: () => Date,
    /** Who changes the library when a call names no one: the door (desktop, browser, cli). */
    private readonly defaultActor: string,
    private readonly storageFs: StorageFs,
    /** Where the pre-migration copy went, when opening migrated an older format. */
    readonly migrationBackup: string | null,
  ) {
    this.files = new FileStore(path.join(root, 'files'));
    this.audit = new AuditLog(path.join(root, 'log', 'audit.jsonl'), storageFs);
    this.committer = new Committer(
      catalog,
      this.audit,
      path.join(root, 'catalog', 'journal.json'),
      storageFs,
    );
  }

  /** Who makes the changes now, for the audit log and the 审稿 history. */
  get actor(): string {
    return this.acting.getStore() ?? this.defaultActor;
  }

  /** Runs `work` with its changes recorded as made by `actor` (the person's name); the door's name when none. */
  actingAs<T>(actor: string | undefined, work: () => Promise<T>): Promise<T> {
    return actor ? this.acting.run(actor, work) : work();
  }

  get info(): LibraryInfo {
    return this.currentInfo;
  }

  /** What a person should know about this opening (a damaged catalog file set aside), as sentences. */
  get notices(): string[] {
    return damagedShardNotices(this.catalog.damaged);
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
    const made = await mkdir(root, { recursive: true }).catch((error: unknown) => {
      throw storageError(error);
    });
    const existing = (await readdir(root)).filter((f) => !f.startsWith('.'));
    if (existing.includes('library.json')) throw new WenshiError('exists', 'library_exists', { root });
    if (existing.length > 0) throw new WenshiError('exists', 'folder_not_empty', { root });
    try {
      await writeNewLibraryFolders(root, newLibraryInfo(name, clock(), options.settings), options.storageFs);
      return await Library.open(root, options);
    } catch (error) {
      // A full disk must not leave a half library, which would then be neither openable nor empty.
      if (made) await rm(made, { recursive: true, force: true }).catch(() => undefined);
      else
        for (const entry of [...LIBRARY_SUBFOLDERS, 'library.json'])
          await rm(path.join(root, entry), { recursive: true, force: true }).catch(() => undefined);
      throw storageError(error);
    }
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
      if (!readOnly) {
        await removeLeftovers(root, clock(), { originals: tookOver });
        for (const sub of ADDED_SUBFOLDERS) await mkdir(path.join(root, sub), { recursive: true });
      }
      const catalog = await Catalog.open(path.join(root, 'catalog'), clock, fs, { quarantine: !readOnly });
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
      // A change cut off before its commit point is rolled back (see commit.ts).
      await library.committer.recover({ readOnly });
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
    return (await this.importItems([item]))[0]!;
  }

  /**
   * Adds items from another library as they are, committed together (a merge): all of them are
   * saved and logged, or, on an error, none.
   */
  async importItems(records: Item[]): Promise<Item[]> {
    this.assertWritable();
    const items = records.map((record) => this.catalog.buildInsert(record));
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) throw new WenshiError('exists', 'item_duplicate', { id: item.id });
      seen.add(item.id);
    }
    await this.commit(items.map((item) => ({ id: item.id, before: undefined, after: item })));
    return items;
  }

  async createItem(fields: ItemFieldsInput): Promise<Item> {
    const [created] = await this.createItems([fields]);
    if (!created!.ok) throw created!.error;
    return created!.item;
  }

  /**
   * Creates many items at once (an import) as one commit: identifiers are numbered in order, each
   * catalog shard is written once and the audit log takes one write. An item whose fields are
   * invalid fails alone; if the commit fails, every item fails and none is saved.
   */
  async createItems(
    list: ItemFieldsInput[],
  ): Promise<({ ok: true; item: Item } | { ok: false; error: unknown })[]> {
    this.assertWritable();
    // After the first number is found among all items, the next is one more than the last given
    // (or a larger one given in the batch): the pool stays small instead of growing with the batch.
    let pool = this.catalog.all().map((i) => i.identifier);
    const ids = new Set<string>();
    const outcomes = list.map((fields): { ok: true; item: Item } | { ok: false; error: unknown } => {
      const given = fields.identifier?.trim();
      const identifier = given || nextIdentifier(this.info.settings.identifierPattern, pool, this.clock());
      try {
        const id = this.catalog.newId(ids);
        const item = this.catalog.buildCreate({ ...this.withDatesRead(fields), identifier }, id);
        ids.add(id);
        pool = given ? [...pool.slice(-16), given] : [identifier];
        return { ok: true, item };
      } catch (error) {
        return { ok: false, error };
      }
    });
    const created = outcomes.flatMap((o) => (o.ok ? [o.item] : []));
    try {
      await this.commit(created.map((item) => ({ id: item.id, before: undefined, after: item })));
    } catch (error) {
      return outcomes.map((o) => (o.ok ? { ok: false, error } : o));
    }
    return outcomes;
  }

  /**
   * Items the audit log holds but the catalog lost (a damaged shard), put back as the log last saw
   * them. No entry is added: the log already holds their history.
   */
  async reinstateItems(items: Item[]): Promise<void> {
    this.assertWritable();
    await this.committer.commit(
      items.map((item) => ({ id: item.id, before: undefined, after: item })),
      [],
    );
  }

  async updateItem(id: string, patch: ItemPatchInput): Promise<Item> {
    return (await this.updateItems([{ id, patch }]))[0]!;
  }

  /**
   * Edits several items as one commit (a bulk edit): every edit is checked first, then all are
   * saved and logged together, or, on an error, none. An item named twice takes both patches.
   */
  async updateItems(edits: { id: string; patch: ItemPatchInput }[]): Promise<Item[]> {
    this.assertWritable();
    const staged = new Map<string, ItemChange>();
    const results = edits.map(({ id, patch }) => {
      const change = staged.get(id) ?? { id, before: this.catalog.require(id), after: undefined };
      const previous = change.after ?? change.before!;
      change.after = withGarbledFlags(
        previous,
        this.catalog.buildUpdate(previous, this.withStatusHistory(previous, this.withDatesRead(patch))),
      );
      staged.set(id, change);
      return change;
    });
    await this.commit([...staged.values()]);
    return results.map((change) => change.after!);
  }

  /**
   * Folds one item into another (a duplicate merged): the kept item's change and the other's
   * deletion are one commit, each with its audit entry.
   */
  async mergeItems(keepId: string, patch: ItemPatchInput, goneId: string): Promise<Item> {
    this.assertWritable();
    const before = this.catalog.require(keepId);
    const gone = this.catalog.require(goneId);
    const after = this.catalog.buildUpdate(before, this.withDatesRead(patch));
    await this.commit([
      { id: keepId, before, after },
      { id: goneId, before: gone, after: undefined },
    ]);
    return after;
  }

  /** A change of 审稿状态 is remembered with who made it and when. */
  private withStatusHistory(previous: Item, patch: ItemPatchInput): ItemPatchInput {
    const before = asReadToday(previous)!;
    if (patch.editorialStatus === undefined || patch.editorialStatus === before.editorialStatus) return patch;
    return {
      ...patch,
      statusHistory: [
        ...before.statusHistory,
        { status: patch.editorialStatus, by: this.actor, at: this.clock().toISOString() },
      ],
    };
  }

  /** Date wordings read with this library's named periods (its 解放前夕 may not be the default). */
  private withDatesRead<T extends object>(fields: T): T {
    return withDatesRead(fields, { periods: this.info.settings.datePeriods });
  }

  /**
   * Links items (相关条目) or, with `unlink`, takes links away, as one commit: each link is made on
   * both items (see withMirroredRelations), each item's change in 修改记录. Returns the items
   * named first in each link, as they now are.
   */
  async relate(links: { id: string; other: string; role?: string; unlink?: boolean }[]): Promise<Item[]> {
    this.assertWritable();
    const lists = new Map<string, Relation[]>();
    for (const { id, other, role, unlink } of links) {
      if (id === other) throw new WenshiError('invalid_argument', 'relation_to_itself');
      const list = lists.get(id) ?? relationsOf(this.catalog.require(id));
      this.catalog.require(other);
      lists.set(id, unlink ? withoutRelation(list, other) : withRelation(list, other, role));
    }
    return this.updateItems([...lists].map(([id, related]) => ({ id, patch: { related } })));
  }

  async deleteItem(id: string): Promise<Item> {
    this.assertWritable();
    const item = this.catalog.require(id);
    await this.commit([{ id, before: item, after: undefined }]);
    return item;
  }

  /**
   * Undoes one change from the audit log: an edit gets its old values back, a creation is
   * deleted, a deletion restored under its old id. With `field`, only that field of an edit gets
   * its old value, the rest of the edit stays. The undo is itself logged.
   */
  async undo(entryId: string, field?: string): Promise<Item> {
    this.assertWritable();
    const entry = await this.audit.find(entryId);
    if (!entry) throw new WenshiError('not_found', 'history_entry_not_found', { id: entryId });
    const changes = field === undefined ? entry.changes : entry.changes.filter((c) => c.field === field);
    if (field !== undefined && (entry.action !== 'update' || changes.length === 0))
      throw new WenshiError('invalid_argument', 'history_field_not_undoable', { field });
    const oldValues = Object.fromEntries(changes.map((c) => [c.field, c.old]));
    if (entry.action === 'create') {
      const item = this.catalog.require(entry.itemId);
      await this.commit([{ id: item.id, before: item, after: undefined }], entryId);
      return item;
    }
    if (entry.action === 'delete') {
      const item = this.catalog.buildCreate(oldValues as ItemFieldsInput, entry.itemId);
      await this.commit([{ id: item.id, before: undefined, after: item }], entryId);
      return item;
    }
    const before = this.catalog.get(entry.itemId);
    if (!before) throw new WenshiError('not_found', 'item_deleted_undo_first');
    const item = withGarbledFlags(before, this.catalog.buildUpdate(before, oldValues as ItemPatchInput));
    await this.commit([{ id: item.id, before, after: item }], entryId, field);
    return item;
  }

  /**
   * Saves changes with their audit entries through the commit protocol (commit.ts): resolved only
   * once the catalog and the audit log both hold them; rejected, they are in neither.
   */
  private async commit(given: ItemChange[], undoOf?: string, undoField?: string): Promise<void> {
    // Links go both ways: the other ends of links made or broken here change in the same commit.
    const changes = withMirroredRelations(
      given,
      (id) => this.catalog.get(id),
      (item, related) => this.catalog.buildUpdate(item, { related }),
    );
    const entries = changes
      .map(({ id, before, after }) =>
        !after
          ? this.entry('delete', id, before, undefined, undoOf)
          : before
            ? {
                ...this.entry('update', id, asReadToday(before), after, undoOf),
                ...(undoField && { undoField }),
              }
            : this.entry('create', id, undefined, after, undoOf),
      )
      .filter((entry) => entry.action !== 'update' || entry.changes.length > 0);
    await this.committer.commit(changes, entries);
  }

  private entry(
    action: AuditEntry['action'],
    itemId: string,
    before: Item | undefined,
    after: Item | undefined,
    undoOf?: string,
  ): AuditEntry {
    return {
      id: randomHex(6),
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

  /** library.json read again, for a reader whose library another process writes; true if it changed. */
  async reloadInfo(): Promise<boolean> {
    const info = parseInfo(this.root, await readRawInfo(this.root));
    if (JSON.stringify(info) === JSON.stringify(this.currentInfo)) return false;
    this.currentInfo = info;
    return true;
  }

  /**
   * For a library open read-only because another process held the lock: takes the lock if it is
   * free now (or stale), lets `reload` read what the writer committed, and becomes writable.
   * Returns false, noting the current holder, while the lock is held.
   */
  async takeLockIfFree(reload: () => Promise<void>): Promise<boolean> {
    if (!this.readOnly || !this.lockedBy) return !this.readOnly;
    const lockFile = this.path('library.lock');
    const holder = await liveHolder(lockFile, this.clock());
    if (holder) {
      this.lockedBy = holder;
      return false;
    }
    const lock = await acquireLock(lockFile, this.clock());
    if (!lock.acquired) {
      this.lockedBy = lock.holder ?? this.lockedBy;
      return false;
    }
    try {
      await reload();
      await removeLeftovers(this.root, this.clock(), { originals: false });
      // A writer killed mid-change left its journal: that change never counted, so it is undone.
      if (lock.tookOver) await this.committer.recover();
    } catch (error) {
      await releaseLock(lockFile);
      throw error;
    }
    this.readOnly = false;
    this.lockedBy = null;
    return true;
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
