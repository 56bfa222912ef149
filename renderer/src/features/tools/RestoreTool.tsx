import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { ToolProgress } from './ToolProgress';
import { useToolJob } from './useToolJob';
import { ZipChooser } from './ZipChooser';

/**
 * 恢复: a backup becomes a new library; the open one is not touched. The desktop app restores a bag
 * folder into an empty folder and then shows it; a browser uploads a backup zip, which the server
 * checks and restores beside this library.
 */
export function RestoreTool({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const job = useToolJob();
  const [done, setDone] = useState<OpOutput<'library.restore'> | null>(null);

  async function fromFolder() {
    try {
      const bag = await api.choosePath!('restoreBag');
      const target = bag && (await api.choosePath!('restoreTarget'));
      if (!bag || !target) return;
      setDone(null);
      const result = await job.run((jobId) => api.call('library.restore', { bag, target }, { jobId }));
      if (result) setDone(result);
    } catch (error) {
      showError(error);
    }
  }

  async function fromZip(file: File) {
    setDone(null);
    const result = await job.run(async (jobId, send) =>
      api.call('library.restore', { upload: await send(file) }, { jobId }),
    );
    if (result) setDone(result);
  }

  return (
    <section className="tool" aria-labelledby="tool-restore">
      <h3 id="tool-restore">{t('tools.tab.restore')}</h3>
      <p className="field-note">{t('tools.restore.intro')}</p>
      {api.choosePath ? (
        <button type="button" className="primary" disabled={job.running} onClick={() => void fromFolder()}>
          {t('tools.restore.desktop')}
        </button>
      ) : (
        <ZipChooser
          label={t('tools.restore.browser')}
          disabled={readOnly || job.running}
          onChosen={fromZip}
        />
      )}
      <ToolProgress job={job} />
      {done && (
        <div role="status">
          <p>{t('tools.restore.done', done)}</p>
          {api.switchLibrary ? (
            <button
              type="button"
              className="primary"
              onClick={() => void api.switchLibrary?.({ action: 'restored', root: done.root })}
            >
              {t('tools.restore.open')}
            </button>
          ) : (
            <p className="field-note">{t('tools.restore.serveHint')}</p>
          )}
        </div>
      )}
    </section>
  );
}
