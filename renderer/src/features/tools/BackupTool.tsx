import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { ToolProgress } from './ToolProgress';
import { useDownloadJob } from './useDownloadJob';
import { useToolJob } from './useToolJob';

/**
 * 备份: the desktop app writes a BagIt folder where the dialog says; a browser downloads the same
 * bag as a zip the server streams while it packs it (progress from the job's events, cancel too).
 */
export function BackupTool({ libraryName }: { libraryName: string }) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const job = useToolJob();
  const [done, setDone] = useState<OpOutput<'library.backup'> | null>(null);
  const download = useDownloadJob();

  async function toFolder() {
    const output = await api
      .choosePath?.('backupFolder', t('tools.backup.folderName', { name: libraryName }))
      .catch(showError);
    if (!output) return;
    setDone(null);
    const result = await job.run((jobId) => api.call('library.backup', { output }, { jobId }));
    if (result) setDone(result);
  }

  return (
    <section className="tool" aria-labelledby="tool-backup">
      <h3 id="tool-backup">{t('tools.tab.backup')}</h3>
      <p className="field-note">{t('tools.backup.intro')}</p>
      {api.choosePath ? (
        <button type="button" className="primary" disabled={job.running} onClick={() => void toFolder()}>
          {t('tools.backup.desktop')}
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={download.running}
          onClick={() => download.start((jobId) => api.backupUrl(jobId))}
        >
          {t('tools.backup.browser')}
        </button>
      )}
      <ToolProgress job={job} />
      <ToolProgress job={download} />
      {download.progress && <p role="status">{t('tools.backup.started')}</p>}
      {done && (
        <p role="status">
          {t('tools.backup.done', {
            path: done.path,
            items: done.itemCount,
            files: done.payloadFiles,
            size: (done.payloadBytes / 1048576).toFixed(1),
          })}
        </p>
      )}
    </section>
  );
}
