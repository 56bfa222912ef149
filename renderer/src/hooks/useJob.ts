import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  current?: string;
}

/**
 * Long work (compile, import) run as a job: a fresh job id for each run, its progress events,
 * and cancel. `run` resolves with the work's result, or undefined when it failed (reported).
 */
export function useJob(onError: (error: unknown) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.jobId === jobId) setProgress(event);
      }),
    [jobId],
  );

  const run = useCallback(
    async <T>(work: (jobId: string) => Promise<T>): Promise<T | undefined> => {
      const id = crypto.randomUUID();
      setJobId(id);
      setProgress(null);
      try {
        return await work(id);
      } catch (error) {
        onError(error);
        return undefined;
      } finally {
        setJobId(null);
      }
    },
    [onError],
  );

  const cancel = useCallback(() => {
    if (jobId) void api.call('jobs.cancel', { jobId });
  }, [jobId]);

  return { running: jobId !== null, progress, run, cancel };
}
