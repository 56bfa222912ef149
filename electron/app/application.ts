import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { CompileFonts } from '../core/compile';
import { nextVerificationDue } from '../core/integrity';
import type { Progress } from '../core/jobs';
import { Library, LibraryFollower, type FollowUpdate } from '../core/library';
import { SearchIndex, WorkerSearch, inlineSearch, type SearchEngine } from '../core/search';
import { Vocabulary } from '../core/vocabulary';
import { VolumeStore } from '../core/volumes';
import {
  CallMetaSchema,
  contract,
  namedError,
  SEARCH_INDEX_JOB,
  type ApiEvent,
  type OpName,
  type Result,
} from '../contract';
import { ChangeFeed } from './changeFeed';
import { itemSummary } from './itemSummary';
import type { AppContext, CallContext, DoorPolicy, Handlers } from './context';
import { sourceDemoDir } from './demo';
import { invalidArgument, toApiError } from './errors';
import { Jobs } from './jobs';
import { resolveResource, resolveUploadTarget, type Resource, type ResourceRequest } from './resources';
import { itemUseCases } from './useCases/items';
import { libraryUseCases } from './useCases/library';
import { searchUseCases } from './useCases/search';
import { backupDownload, transferUseCases, writableBytes } from './useCases/transfer';
import { volumeUseCases } from './useCases/volumes';
import { proofUseCases } from './useCases/proof';
import { ocrUseCases } from './useCases/ocr';

z.config(z.locales.zhCN());

export interface ApplicationOptions {
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

/**
 * One open library behind every door. `dispatch` is the only way in for a door's calls: it checks
 * the caller's access and the arguments against the contract, runs the use case, and turns any
 * failure into a result. The doors read nothing of the library but what is exposed here.
 */
export class Application {
  private readonly feed: ChangeFeed;
  private readonly jobs = new Jobs();
  private readonly handlers: Handlers;
  private readonly search: SearchEngine;
  /** Set while the library is open read-only: follows the writer, takes the lock once it is free. */
  private follower: LibraryFollower | undefined;
  private readonly context: AppContext;

  private constructor(
    private readonly library: Library,
    volumes: VolumeStore,
    options: ApplicationOptions,
  ) {
    this.feed = new ChangeFeed((ids) =>
      ids.flatMap((id) => {
        const item = library.catalog.get(id);
        return item ? [itemSummary(item)] : [];
      }),
    );
    const vocabulary = new Vocabulary({
      items: () => library.catalog.all(),
      settings: () => library.info.settings,
    });
    library.catalog.onChange((change) => {
      vocabulary.invalidate();
      this.feed.changed(change.item.id);
    });
    // The index loads (or rebuilds) in the background: the doors open at once, and searches
    // wait for it while progress events tell the UI how far a rebuild has come.
    const searchOptions = {
      catalogDir: library.path('catalog'),
      indexDir: SearchIndex.folder(library.root),
      persist: !library.readOnly,
      onProgress: (p: Progress) =>
        this.feed.emit({ type: 'progress', jobId: SEARCH_INDEX_JOB, op: 'search.status', ...p }),
    };
    const worker = options.searchWorker ?? false;
    this.search = worker
      ? new WorkerSearch(library.catalog, {
          ...searchOptions,
          workerUrl: worker instanceof URL ? worker : undefined,
        })
      : inlineSearch(library.catalog, searchOptions);
    const context: AppContext = {
      library,
      search: this.search,
      vocabulary,
      volumes,
      fonts: options.fonts,
      demoDir: options.demoDir ?? sourceDemoDir(),
      emit: (event) => this.feed.emit(event),
      cancelJob: (jobId) => this.jobs.cancel(jobId),
    };
    this.context = context;
    this.handlers = {
      ...libraryUseCases(context),
      ...transferUseCases(context),
      ...itemUseCases(context),
      ...ocrUseCases(context),
      ...searchUseCases(context),
      ...volumeUseCases(context),
      ...proofUseCases(context),
    };
  }

  static async open(root: string, options: ApplicationOptions): Promise<Application> {
    const library = await Library.open(root, { readOnly: options.readOnly, actor: options.actor });
    const volumes = await VolumeStore.open(
      library.path('volumes'),
      library.clock,
      (id) => library.catalog.get(id)?.title ?? id,
    );
    if (!library.readOnly) await removeAbandonedUploads(library.path('.incoming'));
    const application = new Application(library, volumes, options);
    if (library.readOnly)
      application.follower = await LibraryFollower.start(library, {
        onUpdate: (update) => application.followed(update),
        folders: [{ dir: library.path('volumes'), reload: () => volumes.reload() }],
      });
    return application;
  }

  /**
   * What another process committed has been read (each item is told through the catalog's
   * changes); a new name or settings, or the lock taken over, are told as a library event, on
   * which every door reads `library.info` again (and with it `readOnly`).
   */
  private followed(update: FollowUpdate): void {
    if (update.writable) {
      this.follower = undefined;
      void removeAbandonedUploads(this.library.path('.incoming')).catch(() => undefined);
    }
    if (update.info || update.writable) this.feed.emit({ type: 'library' });
  }

  /** The library folder. */
  get root(): string {
    return this.library.root;
  }

  get name(): string {
    return this.library.info.name;
  }

  /** What a person should know about this opening (a damaged catalog file set aside), as sentences. */
  get notices(): string[] {
    return this.library.notices;
  }

  /** Open without the write lock: another process writes to it. */
  get readOnly(): boolean {
    return this.library.readOnly;
  }

  /** When the scheduled verification is next due; null when it is off or the library is read-only. */
  async verificationDue(): Promise<string | null> {
    if (this.library.info.settings.verifyIntervalDays === 0 || this.library.readOnly) return null;
    return nextVerificationDue(this.library);
  }

  /**
   * A file of the library for a door to send (an original, its thumbnail or preview, an export),
   * by the one rule both doors follow: confined to the library, no links, typed by its content.
   */
  resource(request: ResourceRequest, options: { inline?: boolean } = {}): Promise<Resource | null> {
    return resolveResource(this.library, request, options);
  }

  /** Where a file the browser uploads is staged, or null when the batch or path is not acceptable. */
  uploadTarget(batchId: string, relative: string): Promise<string | null> {
    return resolveUploadTarget(this.library, batchId, relative);
  }

  /** How many bytes one upload may have: what the library's disk can take, keeping a reserve. */
  uploadLimit(): Promise<number> {
    return writableBytes(this.library.root);
  }

  /**
   * The whole library as a BagIt zip streamed to the browser (`library.backup` writes a folder
   * instead, for doors that may name one). With a job id it reports progress as `library.backup`
   * and `jobs.cancel` stops it; the stream then ends short, never looking like a whole backup.
   */
  backupDownload(door: DoorPolicy, jobId?: string): { fileName: string; stream: Readable } {
    const signal = this.jobs.start(jobId);
    const onProgress = jobId
      ? (p: Progress) => this.feed.emit({ type: 'progress', jobId, op: 'library.backup', ...p })
      : undefined;
    try {
      const download = backupDownload(this.context, { door, signal, onProgress });
      void download.done.then(
        () => this.jobs.finish(jobId),
        () => this.jobs.finish(jobId),
      );
      return download;
    } catch (error) {
      this.jobs.finish(jobId);
      throw error;
    }
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    return this.feed.listen(listener);
  }

  async close(): Promise<void> {
    await this.follower?.stop();
    this.jobs.cancelAll();
    this.feed.close();
    await this.search.close();
    await this.library.close();
  }

  /** Runs one call from a door. Never throws: failures come back as `{ ok: false, error }`. */
  async dispatch(
    opName: string,
    rawArgs: unknown,
    rawMeta: unknown,
    door: DoorPolicy,
  ): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, opName))
      return { ok: false, error: namedError('not_found', 'unknown_operation', { op: opName }) };
    const name = opName as OpName;
    const spec = contract[name];
    if (spec.access === 'local' && !door.canUseLocalPaths)
      return { ok: false, error: namedError('forbidden', 'local_paths_forbidden') };
    if (spec.access !== 'read' && !door.canWrite)
      return { ok: false, error: namedError('read_only', 'read_only') };
    // Whatever a door received is checked here, once for every door, never cast.
    const meta = CallMetaSchema.safeParse(rawMeta ?? {});
    if (!meta.success) return { ok: false, error: namedError('invalid_argument', 'invalid_meta') };
    const parsed = spec.input.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return { ok: false, error: invalidArgument(parsed.error.issues[0]!) };
    }
    const jobId = spec.job ? meta.data.jobId : undefined;
    const context: CallContext = {
      door,
      signal: this.jobs.start(jobId),
      onProgress: jobId ? (p) => this.feed.emit({ type: 'progress', jobId, op: name, ...p }) : undefined,
    };
    try {
      const handler = this.handlers[name] as (args: unknown, context: CallContext) => Promise<unknown>;
      const value = await this.library.actingAs(meta.data.actor, () => handler(parsed.data, context));
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    } finally {
      this.jobs.finish(jobId);
    }
  }
}
