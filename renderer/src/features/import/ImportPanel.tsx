import { useTranslation } from 'react-i18next';
import { TimeLeft } from '../../components/TimeLeft';
import { useImportJob, type ImportPhase, type ImportSource } from './useImportJob';

/** Imports a drop: upload (browser mode), then import with per-file progress, time left, cancel, and the end report. */
export function ImportPanel({ source, onClose }: { source: ImportSource; onClose: () => void }) {
  const { t } = useTranslation();
  const { count, phase, cancel, ocr, chooseOcr, ocrLocked } = useImportJob(source);
  return (
    <section className="import-panel" role="dialog" aria-modal="false" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title', { count })}</h2>
      <label className="import-ocr">
        <input
          type="checkbox"
          checked={ocr}
          disabled={ocrLocked}
          onChange={(e) => chooseOcr(e.target.checked)}
        />
        {t('import.ocr')}
      </label>
      <p className="field-note">{t('import.ocrNote')}</p>
      {(phase.name === 'uploading' || phase.name === 'importing' || phase.name === 'reading') && (
        <div role="status" aria-live="polite">
          <progress max={phase.total || 1} value={phase.done} aria-label={t(`import.${phase.name}`)} />
          <p>{describe(phase, t)}</p>
          {phase.eta !== undefined && (
            <p className="field-note">
              <TimeLeft seconds={phase.eta} />
            </p>
          )}
          <button type="button" className="secondary" onClick={cancel}>
            {t('compile.cancel')}
          </button>
        </div>
      )}
      {phase.name === 'failed' && (
        <p role="alert" className="field-error">
          {t(phase.imported ? 'import.ocrFailed' : 'import.failed', { message: phase.message })}
        </p>
      )}
      {phase.name === 'done' && (
        <div role="status">
          <p>
            {t('import.summary', {
              added: phase.report.added.length,
              skipped: phase.report.skipped.length,
              failed: phase.report.failed.length,
            })}
          </p>
          {phase.report.ocr && (
            <p>
              {phase.report.ocr.pagesRead > 0
                ? t('ocr.done', { pages: phase.report.ocr.pagesRead })
                : t('ocr.none')}
            </p>
          )}
          {phase.report.failed.length + phase.report.skipped.length > 0 && (
            <ul className="import-report">
              {phase.report.failed.map((f) => (
                <li key={`f:${f.path}`} className="failed">
                  {t('import.failedItem', { path: f.path, reason: f.reason })}
                </li>
              ))}
              {phase.report.skipped.map((s) => (
                <li key={`s:${s.path}`}>{t('import.skippedItem', { path: s.path, reason: s.reason })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(phase.name === 'done' || phase.name === 'failed') && (
        <button type="button" className="primary" onClick={onClose}>
          {t('settings.close')}
        </button>
      )}
    </section>
  );
}

type Working = Extract<ImportPhase, { done: number }>;

/** What the running job is doing, in words: bytes sent, files imported, or pages read (as 识别文字 says it). */
function describe(phase: Working, t: (key: string, values: Record<string, unknown>) => string): string {
  if (phase.name === 'uploading')
    return t('import.uploading', {
      sent: (phase.done / 1048576).toFixed(1),
      total: (phase.total / 1048576).toFixed(1),
    });
  if (phase.name === 'reading')
    return t('ocr.progress', { done: phase.done, total: phase.total || '…', current: phase.current ?? '' });
  return t('import.importing', { done: phase.done, total: phase.total, current: phase.current ?? '' });
}
