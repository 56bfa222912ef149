import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/api/contract';
import { api, type DroppedFile } from '../../api/client';

type Report = OpOutput<'items.add'>;
type Phase =
  | { name: 'uploading' | 'importing'; done: number; total: number; current?: string; eta?: number }
  | { name: 'done'; report: Report }
  | { name: 'failed'; message: string };

/** Seconds left at the rate seen so far; undefined until there is a rate to go by. */
export function estimateRemaining(done: number, total: number, elapsedSeconds: number): number | undefined {
  if (done <= 0 || elapsedSeconds <= 0 || done >= total) return undefined;
  return ((total - done) * elapsedSeconds) / done;
}

/** Imports a drop: upload (browser mode), then import with per-file progress, ETA, cancel, and the end report. */
export function ImportPanel({ files, onClose }: { files: DroppedFile[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ name: 'uploading', done: 0, total: files.length });
  const [jobId] = useState(() => crypto.randomUUID());
  const [upload] = useState(() => new AbortController());
  const started = useRef(0);
  const ran = useRef(false);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'progress' || event.jobId !== jobId) return;
        const eta = estimateRemaining(event.done, event.total, (performance.now() - started.current) / 1000);
        setPhase((p) =>
          p.name === 'done' || p.name === 'failed'
            ? p
            : { name: 'importing', done: event.done, total: event.total, current: event.current, eta },
        );
      }),
    [jobId],
  );

  useEffect(() => {
    if (ran.current) return; // one import per panel, also when StrictMode runs effects twice
    ran.current = true;
    started.current = performance.now();
    api
      .importFiles(files, {
        jobId,
        signal: upload.signal,
        onUpload: (sent, total) => setPhase({ name: 'uploading', done: sent, total }),
      })
      .then((report) => setPhase({ name: 'done', report }))
      .catch((error: Error) => setPhase({ name: 'failed', message: error.message }));
  }, [files, jobId, upload]);

  function cancel() {
    upload.abort();
    void api.call('jobs.cancel', { jobId });
  }

  return (
    <section className="import-panel" role="dialog" aria-modal="false" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title', { count: files.length })}</h2>
      {(phase.name === 'uploading' || phase.name === 'importing') && (
        <div role="status" aria-live="polite">
          <progress max={phase.total || 1} value={phase.done} aria-label={t(`import.${phase.name}`)} />
          <p>
            {phase.name === 'uploading'
              ? t('import.uploading', {
                  sent: (phase.done / 1048576).toFixed(1),
                  total: (phase.total / 1048576).toFixed(1),
                })
              : t('import.importing', { done: phase.done, total: phase.total, current: phase.current ?? '' })}
          </p>
          {phase.eta !== undefined && (
            <p className="field-note">{t('import.eta', { seconds: Math.ceil(phase.eta) })}</p>
          )}
          <button type="button" className="secondary" onClick={cancel}>
            {t('compile.cancel')}
          </button>
        </div>
      )}
      {phase.name === 'failed' && (
        <p role="alert" className="field-error">
          {t('import.failed', { message: phase.message })}
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
