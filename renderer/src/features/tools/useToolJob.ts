import { useCallback, useRef, useState } from 'react';
import { api, type UploadRef } from '../../api/client';
import { useJob, type JobProgress } from '../../hooks/useJob';

/**
 * A library tool's long work as a job: in browser mode a file is uploaded first (with its own
 * progress), then the operation runs with progress events; cancel stops either. `run` resolves
 * with the result, or undefined when it failed (reported through the app's messages) or was cancelled.
 */
export function useToolJob() {
  const job = useJob();
  const [uploading, setUploading] = useState<JobProgress | null>(null);
  const upload = useRef<AbortController | null>(null);

  const run = useCallback(
    <T>(work: (jobId: string, send: (file: File) => Promise<UploadRef>) => Promise<T>) =>
      job.run(async (jobId) => {
        const controller = new AbortController();
        upload.current = controller;
        const send = async (file: File) => {
          setUploading({ phase: 'upload', done: 0, total: file.size });
          try {
            return await api.uploadFile(file, {
              signal: controller.signal,
              onUpload: (done, total) => setUploading({ phase: 'upload', done, total }),
            });
          } finally {
            setUploading(null);
          }
        };
        return work(jobId, send);
      }),
    [job],
  );

  const cancel = useCallback(() => {
    upload.current?.abort();
    job.cancel();
  }, [job]);

  return { running: job.running, progress: uploading ?? job.progress, run, cancel };
}

export type ToolJob = ReturnType<typeof useToolJob>;
