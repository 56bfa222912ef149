import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useJob } from '../../hooks/useJob';
import { CompiledFile } from './CompiledFile';
import { JobProgress } from '../../components/JobProgress';

type Compiled = OpOutput<'volumes.compile'> & { title: string };

interface Props {
  itemIds: string[];
  onError: (error: unknown) => void;
}

/** Compiles the checked items (or all) to a PDF, with progress and cancel, and says where it went. */
export function CompilePanel({ itemIds, onError }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(() => t('compile.defaultTitle'));
  const job = useJob(onError);
  const [compiled, setCompiled] = useState<Compiled | null>(null);
  const progress = job.progress;

  async function run() {
    setCompiled(null);
    const result = await job.run((jobId) =>
      api.call('volumes.compile', { itemIds: itemIds.length ? itemIds : undefined, title }, { jobId }),
    );
    if (result) setCompiled({ ...result, title });
  }

  return (
    <section className="compile-panel" aria-label={t('compile.run')}>
      <span className="selected-count">{t('compile.selected', { count: itemIds.length })}</span>
      <label>
        {t('compile.titleLabel')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <button
        type="button"
        className="primary"
        onClick={run}
        disabled={job.running}
        title={t('compile.runHint')}
      >
        {t('compile.run')}
      </button>
      {job.running && (
        <JobProgress
          progress={progress}
          describe={(values) => t('compile.progress', values)}
          onCancel={job.cancel}
        />
      )}
      {compiled && (
        <div className="compiled" role="status">
          <span>
            {t('compile.done', { title: compiled.title, pages: compiled.pages, articles: compiled.articles })}
          </span>
          <CompiledFile compiled={compiled} />
        </div>
      )}
    </section>
  );
}
