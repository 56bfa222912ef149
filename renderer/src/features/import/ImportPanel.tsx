import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api, type DroppedFile } from '../../api/client';
import { estimateRemaining, nextPaceStart, type PaceStart } from '../../components/estimateRemaining';
import { TimeLeft } from '../../components/TimeLeft';

type Report = OpOutput<'items.add'>;
/** Files dropped or picked in the page, or paths chosen in the desktop menu's dialog. */
export type ImportSource = { files: DroppedFile[] } | { paths: string[] };
type Phase =
  | { name: 'uploading' | 'importing'; done: number; total: number; current?: string; eta?: number }
  | { name: 'done'; report: Report }
  | { name: 'failed'; message: string };

/** Imports a drop: upload (browser mode), then import with per-file progress, time left, cancel, and the end report. */
export function ImportPanel({ source, onClose }: { source: ImportSource; onClose: () => void }) {
  const { t } = useTranslation();
  const count = 'files' in source ? source.files.length : source.paths.length;
  // Only browser mode sends the files first; the desktop app reads them where they are.
  const uploads = 'files' in source && !api.desktop;
  const [phase, setPhase] = useState<Phase>({
    name: uploads ? 'uploading' : 'importing',
    done: 0,
    total: 'files' in source && uploads ? source.files.reduce((bytes, f) => bytes + f.file.size, 0) : count,
  });
  const [jobId] = useState(() => crypto.randomUUID());
  const [upload] = useState(() => new AbortController());
  const pace = useRef<PaceStart | null>(null);
  const ran = useRef(false);
  /** Upload and import are timed apart: sending bytes and importing files go at different paces. */
  const timed = useCallback((name: 'uploading' | 'importing', done: number, total: number) => {
    const sample = { phase: name, done, total, at: performance.now() };
    pace.current = nextPaceStart(pace.current, sample);
    return estimateRemaining(pace.current, sample);
  }, []);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'progress' || event.jobId !== jobId) return;
        const eta = timed('importing', event.done, event.total);
        setPhase((p) =>
          p.name === 'done' || p.name === 'failed'
            ? p
            : { name: 'importing', done: event.done, total: event.total, current: event.current, eta },
        );
      }),
    [jobId, timed],
  );

  useEffect(() => {
    if (ran.current) return; // one import per panel, also when StrictMode runs effects twice
    ran.current = true;
    // The upload is timed from now, not from its first report, which comes only after a whole file.
    pace.current = { phase: 'uploading', done: 0, at: performance.now() };
    const work =
      'files' in source
        ? api.importFiles(source.files, {
            jobId,
            signal: upload.signal,
            onUpload: (sent, total) =>
              setPhase({ name: 'uploading', done: sent, total, eta: timed('uploading', sent, total) }),
          })
        : api.call('items.add', { paths: source.paths }, { jobId });
    work
      .then((report) => setPhase({ name: 'done', report }))
      .catch((error: Error) => setPhase({ name: 'failed', message: error.message }));
  }, [source, jobId, upload, timed]);

  function cancel() {
    upload.abort();
    void api.call('jobs.cancel', { jobId });
  }

  return (
    <section className="import-panel" role="dialog" aria-modal="false" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title', { count })}</h2>
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
