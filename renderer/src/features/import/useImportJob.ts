import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpOutput } from '../../../../electron/contract';
import { api, type DroppedFile } from '../../api/client';
import { usePersistentState } from '../../hooks/usePersistentState';
import { estimateRemaining, nextPaceStart, type PaceStart } from '../../components/estimateRemaining';

type Report = OpOutput<'items.add'>;
/** Files dropped or picked in the page, or paths chosen in the desktop menu's dialog. */
export type ImportSource = { files: DroppedFile[] } | { paths: string[] };
type Working = 'uploading' | 'importing' | 'reading';
export type ImportPhase =
  | { name: Working; done: number; total: number; current?: string; eta?: number }
  | { name: 'done'; report: Report }
  /** `imported`: the import was done; only 识别文字 after it failed or was cancelled. */
  | { name: 'failed'; message: string; imported?: boolean };

/** An import whose items are still to be read when 识别文字 is ticked: it ran without reading them. */
function unread(report: Report): boolean {
  return !report.ocr && !report.dryRun && !report.cancelled && report.added.length > 0;
}

/**
 * One import as a job: upload (browser mode), then import with per-file progress and the time
 * left, cancel, and the end report. It starts once, when first rendered. With 识别文字 ticked
 * the import's scans are then read in the same job (the application's rule, as `wenshi add --ocr`);
 * ticked once the import has started, it reads the items the import added, after it.
 */
export function useImportJob(source: ImportSource) {
  // 识别文字: remembered for the next import, like the archivist's other habits.
  const [ocr, setOcr] = usePersistentState('import.ocr', false);
  const ocrNow = useRef(ocr);
  const count = 'files' in source ? source.files.length : source.paths.length;
  // Only browser mode sends the files first; the desktop app reads them where they are.
  const uploads = 'files' in source && !api.desktop;
  const [phase, setPhase] = useState<ImportPhase>({
    name: uploads ? 'uploading' : 'importing',
    done: 0,
    total: 'files' in source && uploads ? source.files.reduce((bytes, f) => bytes + f.file.size, 0) : count,
  });
  const [importId] = useState(() => crypto.randomUUID());
  /** The import's job, then that of the reading after it, if 识别文字 was ticked meanwhile. */
  const [jobId, setJobId] = useState(importId);
  const [upload] = useState(() => new AbortController());
  const [readingInJob] = useState(ocr);
  const pace = useRef<PaceStart | null>(null);
  const ran = useRef(false);
  /** Upload, import and reading are timed apart: each goes at its own pace. */
  const timed = useCallback((name: Working, done: number, total: number) => {
    const sample = { phase: name, done, total, at: performance.now() };
    pace.current = nextPaceStart(pace.current, sample);
    return estimateRemaining(pace.current, sample);
  }, []);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'progress' || event.jobId !== jobId) return;
        const name = event.phase === 'ocr' ? 'reading' : 'importing';
        const eta = timed(name, event.done, event.total);
        setPhase((p) =>
          p.name === 'done' || p.name === 'failed'
            ? p
            : { name, done: event.done, total: event.total, current: event.current, eta },
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
            jobId: importId,
            ocr: readingInJob,
            signal: upload.signal,
            onUpload: (sent, total) =>
              setPhase({ name: 'uploading', done: sent, total, eta: timed('uploading', sent, total) }),
          })
        : api.call('items.add', { paths: source.paths, ocr: readingInJob }, { jobId: importId });
    work
      .then((report) =>
        ocrNow.current && unread(report) ? readAfter(report) : setPhase({ name: 'done', report }),
      )
      .catch((error: Error) =>
        setPhase((p) => ({ name: 'failed', message: error.message, imported: p.name === 'reading' })),
      );
  }, [source, importId, upload, timed, readingInJob]);

  /** 识别文字 ticked once the import had started without it: the items it added are read after it. */
  function readAfter(report: Report) {
    const readId = crypto.randomUUID();
    setJobId(readId);
    setPhase({ name: 'reading', done: 0, total: 0 });
    api
      .call('ocr.run', { ids: report.added }, { jobId: readId })
      .then((result) => setPhase({ name: 'done', report: { ...report, ocr: result } }))
      .catch((error: Error) => setPhase({ name: 'failed', message: error.message, imported: true }));
  }

  function chooseOcr(value: boolean) {
    ocrNow.current = value;
    setOcr(value);
    if (value && phase.name === 'done' && unread(phase.report)) readAfter(phase.report);
  }

  function cancel() {
    upload.abort();
    void api.call('jobs.cancel', { jobId });
  }

  /** Reading asked for at the start cannot be taken back but by cancel; nor once it runs. */
  const ocrLocked =
    phase.name === 'reading' || (readingInJob && (phase.name === 'uploading' || phase.name === 'importing'));
  return { count, phase, cancel, ocr, chooseOcr, ocrLocked };
}
