// Use cases of the library as a whole: its settings, the demo, verification, backup and exchange.
import path from 'node:path';
import { backupLibrary, mergePackage } from '../../core/bag';
import { exportCsv, exportJson, importRegister, previewRegister, readRegister } from '../../core/exchange';
import { diagnoseLibrary, nextVerificationDue, verifyLibrary } from '../../core/integrity';
import { writeFileDurably } from '../../core/storage';
import { loadDemo } from '../demo';
import {
  exportTarget,
  itemOrThrow,
  itemsByCreation,
  stamp,
  type AppContext,
  type Handlers,
} from '../context';

type LibraryHandlers = Pick<
  Handlers,
  | 'library.info'
  | 'library.loadDemo'
  | 'library.update'
  | 'library.verify'
  | 'library.doctor'
  | 'library.backup'
  | 'library.merge'
  | 'registers.preview'
  | 'registers.import'
  | 'items.export'
  | 'jobs.cancel'
>;

export function libraryUseCases(app: AppContext): LibraryHandlers {
  const { library } = app;
  return {
    'library.info': async (_args, { door }) => ({
      name: library.info.name,
      // Where the library lies on this computer is not for a reader on a read-only door.
      ...(door.canWrite && { root: library.root }),
      formatVersion: library.info.formatVersion,
      itemCount: library.catalog.size,
      // A read-only door is read-only to its reader, whatever the library itself allows.
      readOnly: library.readOnly || !door.canWrite,
      settings: library.info.settings,
      ...(library.notices.length > 0 && { notices: library.notices }),
      ...(library.lockedBy && {
        readOnlyReason: `资料库正由另一个程序使用（进程 ${library.lockedBy.pid}，${library.lockedBy.host}），当前为只读模式。`,
      }),
    }),
    'library.loadDemo': async (_args, context) => loadDemo(library, app.demoDir, context),
    'library.update': async (patch) => {
      const info = await library.updateInfo(patch);
      app.emit({ type: 'library' });
      return { name: info.name, settings: info.settings };
    },
    'library.verify': async ({ repair }, context) => {
      const report = await verifyLibrary(library, { ...context, repair });
      return { ...report, nextDue: await nextVerificationDue(library) };
    },
    'library.doctor': async (_args, context) => diagnoseLibrary(library, context),
    'library.backup': async ({ output }, context) => backupLibrary(library, path.resolve(output), context),
    'library.merge': async ({ bag }, context) => mergePackage(library, path.resolve(bag), context),
    'registers.preview': async ({ path: file }) => previewRegister(await readRegister(file)),
    'registers.import': async ({ path: file, dryRun }, context) =>
      importRegister(library, file, { ...context, dryRun }),
    'items.export': async ({ format, itemIds, output }, context) => {
      const items = itemIds ? itemIds.map((id) => itemOrThrow(app, id)) : itemsByCreation(app);
      const target = exportTarget(app, output, context, `目录-${stamp(library.clock())}.${format}`);
      await writeFileDurably(target, format === 'csv' ? exportCsv(items) : exportJson(items));
      return { fileName: path.basename(target), path: target, count: items.length };
    },
    'jobs.cancel': async ({ jobId }) => ({ cancelled: app.cancelJob(jobId) }),
  };
}
