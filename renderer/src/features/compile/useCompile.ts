import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useJob } from '../../hooks/useJob';

/** What to compile: a saved volume, or the items selected in the list as a volume of their own. */
export type CompileTarget = { volumeId: string; title: string } | { itemIds: string[] };

export type Compiled = OpOutput<'volumes.compile'> & { title: string };
/** What compile does with 乱码 left in an article: stop (the default), mark it with □, or print it. */
export type GarbledMode = NonNullable<OpInput<'volumes.compile'>['garbled']>;

/**
 * Why the target cannot be compiled now, as an i18n key, or null when it can. Nothing selected
 * is refused: the service would compile the whole library, which nobody asks for by accident.
 */
export function compileBlocker(target: CompileTarget): 'compile.noSelection' | null {
  return 'itemIds' in target && target.itemIds.length === 0 ? 'compile.noSelection' : null;
}

/** Compiles a target to PDF as a job: the book title (for a selection), progress, cancel and the result. */
export function useCompile(target: CompileTarget) {
  const { t } = useTranslation();
  const [typedTitle, setTitle] = useState(() => t('compile.defaultTitle'));
  const job = useJob();
  const [compiled, setCompiled] = useState<Compiled | null>(null);
  const [garbled, setGarbled] = useState<GarbledMode>('stop');
  const blocker = compileBlocker(target);
  const title = 'volumeId' in target ? target.title : typedTitle;

  async function run() {
    if (blocker || job.running) return;
    const args: OpInput<'volumes.compile'> =
      'volumeId' in target
        ? { volumeId: target.volumeId, garbled }
        : { itemIds: target.itemIds, title, garbled };
    setCompiled(null);
    const result = await job.run((jobId) => api.call('volumes.compile', args, { jobId }));
    if (result) setCompiled({ ...result, title });
  }

  return {
    title,
    setTitle,
    garbled,
    setGarbled,
    blocker,
    running: job.running,
    progress: job.progress,
    cancel: job.cancel,
    run,
    compiled,
  };
}
