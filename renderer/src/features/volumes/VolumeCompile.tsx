import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useJob } from '../../hooks/useJob';
import { CompiledFile } from '../compile/CompiledFile';
import { JobProgress } from '../../components/JobProgress';

interface Props {
  volumeId: string;
  title: string;
  onError: (error: unknown) => void;
}

/** Compiles the saved volume with progress and cancel, then shows the PDF in the app. */
export function VolumeCompile({ volumeId, title, onError }: Props) {
  const { t } = useTranslation();
  const job = useJob(onError);
  const [compiled, setCompiled] = useState<OpOutput<'volumes.compile'> | null>(null);
  const progress = job.progress;

  async function run() {
    setCompiled(null);
    const result = await job.run((jobId) => api.call('volumes.compile', { volumeId }, { jobId }));
    if (result) setCompiled(result);
  }

  const previewUrl = compiled ? api.previewUrl(compiled.fileName) : null;
  return (
    <section className="volume-compile" aria-label={t('volumes.compile')}>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={run}
          disabled={job.running}
          title={t('volumes.compileHint')}
        >
          {t('volumes.compile')}
        </button>
        {job.running && (
          <JobProgress
            progress={progress}
            describe={({ phase, ...values }) => t(`volumes.phase.${phase}`, values)}
            onCancel={job.cancel}
          />
        )}
      </div>
      {compiled && (
        <div className="compiled" role="status">
          <span>
            {t('volumes.compiled', {
              title,
              pages: compiled.pages,
              articles: compiled.articles,
              figures: compiled.figures,
              chars: compiled.characters,
            })}
          </span>
          {compiled.script.mode !== 'keep' && (
            <span>{t(`volumes.converted.${compiled.script.mode}`, { count: compiled.script.changed })}</span>
          )}
          <CompiledFile compiled={compiled} />
          {compiled.missingImages.length > 0 && (
            <span className="warning">
              {t('volumes.missingImages', { files: compiled.missingImages.map((m) => m.article).join('、') })}
            </span>
          )}
        </div>
      )}
      {previewUrl && <iframe className="pdf-preview" title={t('volumes.preview')} src={previewUrl} />}
    </section>
  );
}
