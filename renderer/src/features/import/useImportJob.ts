import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpOutput } from '../../../../electron/contract';
import { api, type DroppedFile } from '../../api/client';
import { estimateRemaining, nextPaceStart, type PaceStart } from '../../components/estimateRemaining';

type Report = OpOutput<'items.add'>;
/** Files dropped or picked in the page, or paths chosen in the desktop menu's dialog. */
export type ImportSource = { files: DroppedFile[] } | { paths: string[] };
export type ImportPhase =
  | { name: 'uploading' | 'importing'; done: number; total: number; current?: string; eta?: number }
  | { name: 'done'; report: Report }
  | { name: 'failed'; message: string };

/**
 * One import as a job: upload (browser mode), then import with per-file progress and the time
 * left, cancel, and the end report. It starts once, when first rendered.
 */
export function useImportJob(source: ImportSource) {
  const count = 'files' in source ? source.files.length : source.paths.length;
  // Only browser mode sends the files first; the desktop app reads them where they are.
  const uploads = 'files' in source && !api.desktop;
  const [phase, setPhase] = useState<ImportPhase>({
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

  return { count, phase, cancel };
}
