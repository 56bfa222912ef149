import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useMessages } from '../messages/useMessages';
import { estimateRemaining, nextPaceStart, type PaceStart } from '../components/estimateRemaining';

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  current?: string;
  /** Seconds left in this phase, once enough progress has been seen to tell. */
  etaSeconds?: number;
}

/**
 * Long work (compile, import) run as a job: a fresh job id for each run, its progress events
 * with an estimate of the time left, and cancel. `run` resolves with the work's result, or
 * undefined when it failed (reported through the app's messages).
 */
export function useJob() {
  const { showError } = useMessages();
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const pace = useRef<PaceStart | null>(null);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'progress' || event.jobId !== jobId) return;
        const sample = { phase: event.phase, done: event.done, total: event.total, at: performance.now() };
        pace.current = nextPaceStart(pace.current, sample);
        setProgress({
          phase: event.phase,
          done: event.done,
          total: event.total,
          current: event.current,
          etaSeconds: estimateRemaining(pace.current, sample),
        });
      }),
    [jobId],
  );

  const run = useCallback(
    async <T>(work: (jobId: string) => Promise<T>): Promise<T | undefined> => {
      const id = crypto.randomUUID();
      pace.current = null;
      setJobId(id);
      setProgress(null);
      try {
        return await work(id);
      } catch (error) {
        showError(error);
        return undefined;
      } finally {
        setJobId(null);
      }
    },
    [showError],
  );

  const cancel = useCallback(() => {
    if (jobId) void api.call('jobs.cancel', { jobId });
  }, [jobId]);

  return { running: jobId !== null, progress, run, cancel };
}
