import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/api/contract';
import { api } from '../../api/client';

type Compiled = OpOutput<'volumes.compile'> & { title: string };

interface Props {
  itemIds: string[];
  onError: (error: unknown) => void;
}

/** Compiles the checked items (or all) to a PDF, with progress and cancel, and says where it went. */
export function CompilePanel({ itemIds, onError }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(() => t('compile.defaultTitle'));
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; current?: string } | null>(null);
  const [compiled, setCompiled] = useState<Compiled | null>(null);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.jobId === jobId) setProgress(event);
      }),
    [jobId],
  );

  async function run() {
    const id = crypto.randomUUID();
    setJobId(id);
    setProgress(null);
    setCompiled(null);
    try {
      const result = await api.call(
        'volumes.compile',
        { itemIds: itemIds.length ? itemIds : undefined, title },
        { jobId: id },
      );
      setCompiled({ ...result, title });
    } catch (error) {
      onError(error);
    } finally {
      setJobId(null);
    }
  }

  const downloadUrl = compiled ? api.exportUrl(compiled.fileName) : null;
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
        disabled={jobId !== null}
        title={t('compile.runHint')}
      >
        {t('compile.run')}
      </button>
      {jobId && (
        <>
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
          <span>
            {t('compile.progress', {
              done: progress?.done ?? 0,
              total: progress?.total ?? '…',
              current: progress?.current ?? '',
            })}
          </span>
          <button type="button" className="secondary" onClick={() => void api.call('jobs.cancel', { jobId })}>
            {t('compile.cancel')}
          </button>
        </>
      )}
      {compiled && (
        <div className="compiled" role="status">
          <span>
            {t('compile.done', { title: compiled.title, pages: compiled.pages, articles: compiled.articles })}
          </span>
          {downloadUrl ? (
            <a className="button primary" href={downloadUrl} download={compiled.fileName}>
              {t('compile.download')}
            </a>
          ) : (
            <span className="path">{t('compile.savedAt', { path: compiled.path })}</span>
          )}
          {compiled.missingGlyphs.length > 0 && (
            <span className="warning">
              {t('compile.missing', { chars: compiled.missingGlyphs.map((m) => m.char).join('') })}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
