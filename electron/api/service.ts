import path from 'node:path';
import { z } from 'zod';
import { Library } from '../core/library';
import { SearchIndex } from '../core/search';
import { addPaths } from '../core/ingest';
import { compileVolume, type CompileFonts } from '../core/compile';
import { WenshiError } from '../core/errors';
import { writeFileDurably } from '../core/storage';
import { nextVerificationDue, verifyLibrary } from '../core/integrity';
import { backupLibrary, mergePackage } from '../core/bag';
import { exportCsv } from '../core/exchange';
import type { JobContext } from '../core/jobs';
import {
  contract,
  type ApiEvent,
  type CallMeta,
  type OpArgs,
  type OpName,
  type OpOutput,
  type Result,
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
  readOnly?: boolean;
  actor?: string;
}

/** File names safe on every system, from a volume title. */
function exportFileName(title: string, date: Date): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
  const stamp = date.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  return `${safe}-${stamp}.pdf`;
}

/** The library behind every door: validates calls against the contract and runs them. */
export class Service {
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private readonly jobs = new Map<string, AbortController>();

  private constructor(
    readonly library: Library,
    private readonly search: SearchIndex,
    private readonly fonts: CompileFonts,
  ) {
    library.catalog.onChange((change) => this.emit({ type: 'changed', ids: [change.item.id] }));
  }

  static async open(root: string, options: ServiceOptions): Promise<Service> {
    const library = await Library.open(root, { readOnly: options.readOnly, actor: options.actor });
    return new Service(library, new SearchIndex(library.catalog), options.fonts);
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.abort();
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

  private readonly handlers: Handlers = {
    'library.info': async () => ({
      name: this.library.info.name,
      root: this.library.root,
      formatVersion: this.library.info.formatVersion,
      itemCount: this.library.catalog.size,
      readOnly: this.library.readOnly,
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
        items: items
          .slice(offset, offset + limit)
          .map(({ id, kind, title, date, place, people, createdAt, updatedAt }) => ({
            id,
            kind,
            title,
            date,
            place,
            people,
            createdAt,
            updatedAt,
          })),
      };
    },

    'items.get': async ({ id }) => {
      const item = this.library.catalog.get(id);
      if (!item) throw new WenshiError('not_found', `找不到条目 ${id}`);
      return item;
    },

    'items.create': async (fields) => this.library.createItem(fields),
    'items.update': async ({ id, patch }) => this.library.updateItem(id, patch),
    'items.delete': async ({ id }) => ({ id: (await this.library.deleteItem(id)).id }),
    'items.add': async (args, context) => addPaths(this.library, args.paths, { ...context, kind: args.kind }),
    'search.query': async ({ query, limit }) => this.search.search(query, limit),

    'volumes.compile': async ({ itemIds, title, output }, context) => {
      if (output && !context.door.canUseLocalPaths)
        throw new WenshiError('invalid_argument', '浏览器模式不能指定保存路径');
      const items = itemIds
        ? itemIds.map((id) => {
            const item = this.library.catalog.get(id);
            if (!item) throw new WenshiError('not_found', `找不到条目 ${id}`);
            return item;
          })
        : this.library.catalog.all().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      if (items.length === 0)
        throw new WenshiError('invalid_argument', '没有可编印的条目，请先添加或选择条目');
      const volumeTitle = title ?? this.library.info.name;
      const { pdf, report } = await compileVolume({
        title: volumeTitle,
        items,
        fonts: this.fonts,
        signal: context.signal,
        onProgress: context.onProgress,
      });
      const target = output
        ? path.resolve(output)
        : this.library.path('exports', exportFileName(volumeTitle, this.library.clock()));
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
    'items.exportCsv': async ({ output }) =>
      exportCsv(
        this.library.catalog.all().sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        path.resolve(output),
      ),

    'jobs.cancel': async ({ jobId }) => {
      const job = this.jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
