import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/contract';
import { api, type UploadRef } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { useToolJob } from './useToolJob';

/** A register dropped or chosen in the page, or a path from the desktop's dialog. */
export type RegisterSource = { file: File } | { path: string };
type Given = { path: string } | { upload: UploadRef };

/** Registers are what the library reads as a spreadsheet of items, not as files to keep. */
export function isRegisterFile(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name);
}

/**
 * One register: it is read and previewed at once (columns as the library reads them, rows with
 * their errors); importing its valid rows is then a job with progress and cancel.
 */
export function useRegister(source: RegisterSource) {
  const { showError } = useMessages();
  const job = useToolJob();
  const [given, setGiven] = useState<Given | null>(null);
  const [preview, setPreview] = useState<OpOutput<'registers.preview'> | null>(null);
  const [imported, setImported] = useState<OpOutput<'registers.import'> | null>(null);

  useEffect(() => {
    // One register per use: the panel is keyed by its source, so another register starts afresh.
    let current = true;
    void (async () => {
      const path = 'path' in source ? source.path : api.pathOf(source.file);
      const ref: Given = path
        ? { path }
        : { upload: await api.uploadFile((source as { file: File }).file, {}) };
      const shown = await api.call('registers.preview', ref);
      if (!current) return;
      setGiven(ref);
      setPreview(shown);
    })().catch(showError);
    return () => {
      current = false;
    };
  }, [source, showError]);

  async function importValid() {
    if (!given) return;
    const result = await job.run((jobId) => api.call('registers.import', given, { jobId }));
    if (result) setImported(result);
  }

  return { preview, imported, importValid, job };
}
