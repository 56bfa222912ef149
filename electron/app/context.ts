import path from 'node:path';
import type { CompileFonts } from '../core/compile';
import { WenshiError } from '../core/errors';
import { AppFailure } from './errors';
import type { JobContext } from '../core/jobs';
import type { Library } from '../core/library';
import type { Item } from '../core/model';
import type { SearchEngine } from '../core/search';
import type { Vocabulary } from '../core/vocabulary';
import type { ItemSource, VolumeStore } from '../core/volumes';
import type { ApiEvent, OpArgs, OpName, OpOutput } from '../contract';

/** What a door may do: a read-only door refuses writes; only local doors take file paths. */
export interface DoorPolicy {
  canWrite: boolean;
  canUseLocalPaths: boolean;
}

export interface CallContext extends JobContext {
  door: DoorPolicy;
}

export type Handler<K extends OpName> = (args: OpArgs<K>, context: CallContext) => Promise<OpOutput<K>>;
export type Handlers = { [K in OpName]: Handler<K> };

/** The open library and what the use cases share: one per open library, made by `Application.open`. */
export interface AppContext {
  readonly library: Library;
  readonly search: SearchEngine;
  readonly vocabulary: Vocabulary;
  readonly volumes: VolumeStore;
  readonly fonts: CompileFonts;
  readonly demoDir: string;
  emit(event: ApiEvent): void;
  cancelJob(jobId: string): boolean;
}

export function itemOrThrow(app: AppContext, id: string): Item {
  const item = app.library.catalog.get(id);
  if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
  return item;
}

export function itemsByCreation(app: AppContext): Item[] {
  return app.library.catalog.all().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Catalog items and their stored files, as volumes see them. */
export function itemSource(app: AppContext): ItemSource {
  return {
    get: (id) => app.library.catalog.get(id),
    filePath: (sha256, name) => app.library.files.pathFor(sha256, name),
  };
}

/** A path the caller chose (desktop and CLI only), or a file in the library's exports/ folder. */
export function exportTarget(
  app: AppContext,
  output: string | undefined,
  context: CallContext,
  fileName: string,
): string {
  if (!output) return app.library.path('exports', fileName);
  if (!context.door.canUseLocalPaths) throw new AppFailure('invalid_argument', 'save_path_in_browser');
  return path.resolve(output);
}

/** File names safe on every system. */
export function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
}

/** A compact time for file names: 20250301-080000. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
}
