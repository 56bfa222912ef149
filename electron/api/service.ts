import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Library, runnable, type SavedSearch } from '../core/library';
import { SearchIndex, WorkerSearch, inlineSearch, type SearchEngine } from '../core/search';
import { addPaths, cleanupDiff, reviewSuggestion } from '../core/ingest';
import { Vocabulary, XUCHANG_GAZETTEER, flattenGazetteer } from '../core/vocabulary';
import { compileVolume, type CompileFonts } from '../core/compile';
import { VolumeStore, countVolume, resolveBook, volumeFromItems, type ItemSource } from '../core/volumes';
import { VolumeSchema, type Volume } from '../core/model';
import { WenshiError, throwIfCancelled } from '../core/errors';
import { writeFileDurably } from '../core/storage';
import { loadDemo, sourceDemoDir } from './demo';
import { exportCsv, exportJson, importRegister, previewRegister, readRegister } from '../core/exchange';
import type { Item } from '../core/model';
import { nextVerificationDue, verifyLibrary } from '../core/integrity';
import { backupLibrary, mergePackage } from '../core/bag';
import type { JobContext, Progress } from '../core/jobs';
import {
  contract,
  type ApiEvent,
  type CallMeta,
  type OpArgs,
  type OpName,
  type OpOutput,
  type Result,
  SEARCH_INDEX_JOB,
} from './contract';

z.config(z.locales.zhCN());

/** What a door may do: a read-only door refuses writes; only local doors take file paths. */
export interface DoorPolicy {
  canWrite: boolean;
  canUseLocalPaths: boolean;
}

interface CallContext extends JobContext {
  door: DoorPolicy;
}

type Handlers = {
  [K in OpName]: (args: OpArgs<K>, context: CallContext) => Promise<OpOutput<K>>;
};

export interface ServiceOptions {
  fonts: CompileFonts;
  /** Where the demo material is; the source tree's resources/demo by default. */
  demoDir?: string;
  readOnly?: boolean;
  actor?: string;
  /**
   * Run the search index in a worker thread (doors that serve a UI): `true` for the source
   * file, or the URL of the built worker. In this thread otherwise (the CLI, tests).
   */
  searchWorker?: boolean | URL;
}

/** How often, at most, the doors hear of catalog changes during a burst of them. */
const CHANGE_BATCH_MS = 250;

/** Uploads staged this long ago were never imported (a closed tab, a lost connection). */
const ABANDONED_UPLOAD_MS = 24 * 3600_000;

/** Frees the space of upload batches left in `.incoming/` that no import will take any more. */
async function removeAbandonedUploads(dir: string): Promise<void> {
  const batches = await readdir(dir).catch(() => [] as string[]);
  for (const batch of batches) {
    const info = await stat(path.join(dir, batch)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > ABANDONED_UPLOAD_MS)
      await rm(path.join(dir, batch), { recursive: true, force: true });
  }
}

/** File names safe on every system. */
function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
}

/** The library behind every door: validates calls against the contract and runs them. */
export class Service {
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private readonly jobs = new Map<string, AbortController>();

  private readonly search: SearchEngine;
  private readonly vocabulary: Vocabulary;
  private readonly changedIds = new Set<string>();
  private changeWindow: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    readonly library: Library,
    private readonly fonts: CompileFonts,
    private readonly volumes: VolumeStore,
    private readonly demoDir: string,
    searchWorker: boolean | URL,
  ) {
    this.vocabulary = new Vocabulary({
      items: () => library.catalog.all(),
      settings: () => library.info.settings,
    });
    library.catalog.onChange((change) => {
      this.vocabulary.invalidate();
      this.noteChange(change.item.id);
    });
    // The index loads (or rebuilds) in the background: the doors open at once, and searches
    // wait for it while progress events tell the UI how far a rebuild has come.
    const searchOptions = {
      catalogDir: library.path('catalog'),
      indexDir: SearchIndex.folder(library.root),
      persist: !library.readOnly,
      onProgress: (p: Progress) =>
        this.emit({ type: 'progress', jobId: SEARCH_INDEX_JOB, op: 'search.status', ...p }),
    };
    this.search = searchWorker
      ? new WorkerSearch(library.catalog, {
          ...searchOptions,
          workerUrl: searchWorker instanceof URL ? searchWorker : undefined,
        })
      : inlineSearch(library.catalog, searchOptions);
  }

  static async open(root: string, options: ServiceOptions): Promise<Service> {
    const library = await Library.open(root, { readOnly: options.readOnly, actor: options.actor });
    const volumes = await VolumeStore.open(
      library.path('volumes'),
      library.clock,
      (id) => library.catalog.get(id)?.title ?? id,
    );
    if (!library.readOnly) await removeAbandonedUploads(library.path('.incoming'));
    return new Service(
      library,
      options.fonts,
      volumes,
      options.demoDir ?? sourceDemoDir(),
      options.searchWorker ?? false,
    );
  }

  /** Catalog items and their stored files, as volumes see them. */
  private get items(): ItemSource {
    return {
      get: (id) => this.library.catalog.get(id),
      filePath: (sha256, name) => this.library.files.pathFor(sha256, name),
    };
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Tells the doors what changed. A single edit is told at once; an import of thousands of
   * items is told a few times a second, in batches, so no window reloads its list per item.
   */
  private noteChange(id: string): void {
    if (this.changeWindow) {
      this.changedIds.add(id);
      return;
    }
    this.emit({ type: 'changed', ids: [id] });
    this.openChangeWindow();
  }

  private openChangeWindow(): void {
    this.changeWindow = setTimeout(() => {
      this.changeWindow = undefined;
      if (this.changedIds.size === 0) return;
      const ids = [...this.changedIds];
      this.changedIds.clear();
      this.emit({ type: 'changed', ids });
      this.openChangeWindow();
    }, CHANGE_BATCH_MS);
    this.changeWindow.unref?.();
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.abort();
    clearTimeout(this.changeWindow);
    await this.search.close();
    await this.library.close();
  }

  /** Runs one call from a door. Never throws: failures come back as `{ ok: false, error }`. */
  async dispatch(
    opName: string,
    rawArgs: unknown,
    meta: CallMeta,
    door: DoorPolicy,
  ): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, opName))
      return { ok: false, error: { code: 'not_found', message: `没有这个操作：${opName}` } };
    const name = opName as OpName;
    const spec = contract[name];
    if (spec.access === 'local' && !door.canUseLocalPaths)
      return {
        ok: false,
        error: { code: 'forbidden', message: '浏览器模式不能读取本机文件路径，请在桌面程序中导入。' },
      };
    if (spec.access !== 'read' && !door.canWrite)
      return { ok: false, error: { code: 'read_only', message: '当前为只读访问，不能修改资料库。' } };
    const parsed = spec.input.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? `${issue.path.join('.')}：` : '';
      return {
        ok: false,
        error: { code: 'invalid_argument', message: `参数有误：${where}${issue.message}` },
      };
    }
    const controller = new AbortController();
    const jobId = spec.job ? meta.jobId : undefined;
    if (jobId) this.jobs.set(jobId, controller);
    try {
      const handler = this.handlers[name] as (args: unknown, context: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, {
        door,
        signal: controller.signal,
        onProgress: jobId ? (p) => this.emit({ type: 'progress', jobId, op: name, ...p }) : undefined,
      });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof WenshiError)
        return { ok: false, error: { code: error.code, message: error.message } };
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC')
        return {
          ok: false,
          error: { code: 'io', message: '磁盘空间不足，操作未完成，已保存的内容不受影响。' },
        };
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
        return {
          ok: false,
          error: { code: 'io', message: '没有写入权限（只读磁盘或权限不足），操作未完成。' },
        };
      return {
        ok: false,
        error: { code: 'internal', message: `内部错误：${(error as Error).message ?? String(error)}` },
      };
    } finally {
      if (jobId) this.jobs.delete(jobId);
    }
  }

  private item(id: string): Item {
    const item = this.library.catalog.get(id);
    if (!item) throw new WenshiError('not_found', `找不到条目 ${id}`);
    return item;
  }

  /** A change of saved searches (or other settings) is told to every open window. */
  private savedSearchesChanged(list: SavedSearch[]) {
    this.emit({ type: 'library' });
    return list.map(runnable);
  }

  private sortedByCreation(): Item[] {
    return this.library.catalog.all().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** A path the caller chose (desktop and CLI only), or a file in the library's exports/ folder. */
  private exportTarget(output: string | undefined, context: CallContext, fileName: string): string {
    if (!output) return this.library.path('exports', fileName);
    if (!context.door.canUseLocalPaths)
      throw new WenshiError('invalid_argument', '浏览器模式不能指定保存路径');
    return path.resolve(output);
  }

  /** A volume of the given items (or all, by creation) in one untitled section, for a quick print. */
  private adHocVolume(itemIds: string[] | undefined, title: string | undefined): Volume {
    const items = itemIds ? itemIds.map((id) => this.item(id)) : this.sortedByCreation();
    if (items.length === 0) throw new WenshiError('invalid_argument', '没有可编印的条目，请先添加或选择条目');
    const now = this.library.clock().toISOString();
    return VolumeSchema.parse({
      ...volumeFromItems(title ?? this.library.info.name, items),
      id: 'items',
      createdAt: now,
      updatedAt: now,
    });
  }

  private readonly handlers: Handlers = {
    'library.info': async (_args, { door }) => ({
      name: this.library.info.name,
      // Where the library lies on this computer is not for a reader on a read-only door.
      ...(door.canWrite && { root: this.library.root }),
      formatVersion: this.library.info.formatVersion,
      itemCount: this.library.catalog.size,
      // A read-only door is read-only to its reader, whatever the library itself allows.
      readOnly: this.library.readOnly || !door.canWrite,
      settings: this.library.info.settings,
      ...(this.library.lockedBy && {
        readOnlyReason: `资料库正由另一个程序使用（进程 ${this.library.lockedBy.pid}，${this.library.lockedBy.host}），当前为只读模式。`,
      }),
    }),

    'items.list': async ({ kind, offset, limit }) => {
      const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
      const items = this.library.catalog
        .all()
        .filter((item) => !kind || item.kind === kind)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || collator.compare(a.title, b.title));
      return {
        total: items.length,
        // Picked by hand, not parsed: the catalog is already valid, and this runs over every item.
        items: items
          .slice(offset, offset + limit)
          .map(
            ({
              id,
              kind,
              identifier,
              title,
              eventDate,
              places,
              people,
              subjects,
              editorialStatus,
              collections,
              tags,
              createdAt,
              updatedAt,
              ...rest
            }) => ({
              id,
              kind,
              identifier,
              title,
              eventDate,
              places,
              people,
              subjects,
              editorialStatus,
              collections,
              tags,
              createdAt,
              updatedAt,
              cover: rest.files.find((f) => f.mime.startsWith('image/'))?.sha256,
              pendingReview: rest.suggestions.length + rest.mojibake.length,
            }),
          ),
      };
    },

    'items.get': async ({ id }) => this.item(id),

    'items.create': async (fields) => this.library.createItem(fields),
    'items.update': async ({ id, patch }) => this.library.updateItem(id, patch),
    'items.delete': async ({ id }) => ({ id: (await this.library.deleteItem(id)).id }),
    'library.loadDemo': async (_args, context) => loadDemo(this.library, this.demoDir, context),
    'library.update': async (patch) => {
      const info = await this.library.updateInfo(patch);
      this.emit({ type: 'library' });
      return { name: info.name, settings: info.settings };
    },
    'items.bulkUpdate': async ({ ids, set, add }, context) => {
      const items = ids.map((id) => this.item(id));
      for (const [index, item] of items.entries()) {
        throwIfCancelled(context.signal);
        context.onProgress?.({ phase: 'bulk', done: index, total: items.length, current: item.title });
        const merged = Object.fromEntries(
          Object.entries(add ?? {}).map(([key, values]) => [
            key,
            [...item[key as 'tags'], ...(values ?? [])],
          ]),
        );
        await this.library.updateItem(item.id, { ...set, ...merged });
      }
      return { updated: items.length };
    },
    'items.history': async ({ id }) => this.library.audit.entriesFor(id),
    'items.undo': async ({ entryId }) => this.library.undo(entryId),
    'vocabulary.get': async () => ({
      places: [
        ...flattenGazetteer(XUCHANG_GAZETTEER),
        ...this.library.info.settings.extraPlaces.map((name) => ({ name, path: [name] })),
      ],
      subjects: this.library.info.settings.subjects,
    }),
    'vocabulary.match': async ({ field, query, limit }) => this.vocabulary.match(field, query, limit),
    'searches.list': async () => this.library.info.settings.savedSearches.map(runnable),
    'searches.save': async ({ replace, ...search }) =>
      this.savedSearchesChanged(await this.library.saveSearch(search, { replace })),
    'searches.rename': async ({ id, name }) =>
      this.savedSearchesChanged(await this.library.renameSearch(id, name)),
    'searches.delete': async ({ id }) => this.savedSearchesChanged(await this.library.deleteSearch(id)),
    'items.add': async ({ paths, ...options }, context) =>
      addPaths(this.library, paths, { ...context, ...options }),
    'items.cleanupDiff': async ({ id }) => {
      const item = this.library.catalog.get(id);
      if (!item) throw new WenshiError('not_found', `找不到条目 ${id}`);
      return cleanupDiff(item);
    },
    'items.reviewSuggestion': async ({ id, index, accept }) =>
      reviewSuggestion(this.library, id, index, accept),
    'uploads.import': async ({ batchId }, context) => {
      const dir = this.library.path('.incoming', batchId);
      if (!(await stat(dir).catch(() => null))?.isDirectory())
        throw new WenshiError('not_found', '没有收到这批上传的文件，请重新拖入');
      try {
        const result = await addPaths(this.library, [dir], { ...context, recursive: true });
        // Reasons name files by their place in the dropped folder, not the staging folder.
        const relative = (r: { path: string; reason: string }) => ({
          ...r,
          path: path.relative(dir, r.path),
        });
        return { ...result, skipped: result.skipped.map(relative), failed: result.failed.map(relative) };
      } finally {
        // The originals are now in files/; the staged copies are not needed again.
        await rm(dir, { recursive: true, force: true });
      }
    },
    'registers.preview': async ({ path: file }) => previewRegister(await readRegister(file)),
    'registers.import': async ({ path: file, dryRun }, context) =>
      importRegister(this.library, file, { ...context, dryRun }),
    'items.export': async ({ format, itemIds, output }, context) => {
      const items = itemIds ? itemIds.map((id) => this.item(id)) : this.sortedByCreation();
      const target = this.exportTarget(output, context, `目录-${stamp(this.library.clock())}.${format}`);
      await writeFileDurably(target, format === 'csv' ? exportCsv(items) : exportJson(items));
      return { fileName: path.basename(target), path: target, count: items.length };
    },
    'search.query': async ({ query, limit, offset, sort, filters, facets }) => {
      return this.search.search(query, { limit, offset, sort, filters, facets });
    },
    'search.status': async () => ({ ready: this.search.loaded, items: this.library.catalog.size }),

    'volumes.list': async () =>
      this.volumes.list().map((volume) => ({
        id: volume.id,
        title: volume.title,
        subtitle: volume.subtitle,
        series: volume.series,
        articles: volume.sections.reduce((n, s) => n + s.articles.length, 0),
        chars: countVolume(volume, this.items).total,
        updatedAt: volume.updatedAt,
      })),
    'volumes.get': async ({ id }) => {
      const volume = this.volumes.get(id);
      return { volume, counts: countVolume(volume, this.items) };
    },
    'volumes.create': async (fields) => {
      this.library.assertWritable();
      return this.volumes.create(fields);
    },
    'volumes.update': async ({ id, fields }) => {
      this.library.assertWritable();
      return this.volumes.update(id, fields);
    },
    'volumes.delete': async ({ id }) => {
      this.library.assertWritable();
      return { id: (await this.volumes.delete(id)).id };
    },

    'volumes.compile': async ({ volumeId, itemIds, title, output }, context) => {
      const volume = volumeId ? this.volumes.get(volumeId) : this.adHocVolume(itemIds, title);
      const book = resolveBook(volume, this.items);
      if (book.sections.every((s) => s.articles.length === 0))
        throw new WenshiError('invalid_argument', '这一卷还没有文章，请先加入文章');
      const { pdf, report } = await compileVolume({
        book,
        fonts: this.fonts,
        signal: context.signal,
        onProgress: context.onProgress,
      });
      const target = this.exportTarget(
        output,
        context,
        `${safeFileName(volume.title)}-${stamp(this.library.clock())}.pdf`,
      );
      await writeFileDurably(target, pdf);
      return { fileName: path.basename(target), path: target, bytes: pdf.length, ...report };
    },

    'library.verify': async ({ repair }, context) => {
      const report = await verifyLibrary(this.library, { ...context, repair });
      return { ...report, nextDue: await nextVerificationDue(this.library) };
    },
    'library.backup': async ({ output }, context) =>
      backupLibrary(this.library, path.resolve(output), context),
    'library.merge': async ({ bag }, context) => mergePackage(this.library, path.resolve(bag), context),
    'jobs.cancel': async ({ jobId }) => {
      const job = this.jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
