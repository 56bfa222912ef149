// Use cases of the library as a whole: its settings, the demo and verification (backup and exchange: transfer.ts).
import { diagnoseLibrary, nextVerificationDue, verifyLibrary } from '../../core/integrity';
import { loadDemo } from '../demo';
import type { AppContext, Handlers } from '../context';

type LibraryHandlers = Pick<
  Handlers,
  'library.info' | 'library.loadDemo' | 'library.update' | 'library.verify' | 'library.doctor' | 'jobs.cancel'
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
    'jobs.cancel': async ({ jobId }) => ({ cancelled: app.cancelJob(jobId) }),
  };
}
