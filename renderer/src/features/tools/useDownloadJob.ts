import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { JobProgress } from '../../hooks/useJob';

/**
 * A download the browser makes itself (a link it follows), watched as a job: the server reports
 * its progress under the job id in the link, and cancel stops it there (the download then fails
 * in the browser's list instead of finishing short).
 */
export function useDownloadJob() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);

  useEffect(() => {
    if (!jobId) return;
    return api.onEvent((event) => {
      if (event.type !== 'progress' || event.jobId !== jobId) return;
      setProgress({ phase: event.phase, done: event.done, total: event.total, current: event.current });
      if (event.total > 0 && event.done === event.total) setJobId(null);
    });
  }, [jobId]);

  const start = useCallback((url: (jobId: string) => string) => {
    const id = crypto.randomUUID();
    setProgress(null);
    setJobId(id);
    const link = document.createElement('a');
    link.href = url(id);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  }, []);

  const cancel = useCallback(() => {
    if (jobId) void api.call('jobs.cancel', { jobId });
    setJobId(null);
  }, [jobId]);

  return { running: jobId !== null, progress, start, cancel };
}
