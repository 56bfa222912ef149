import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

type Target = { volumeId: string } | { itemIds: string[]; title: string };

/** A saved volume (or one item) as a Word file for editors to proof with track changes (修订). */
export function ExportDocx({ target }: { target: Target }) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<OpOutput<'volumes.exportDocx'> | null>(null);

  async function run() {
    setBusy(true);
    try {
      setDone(await api.call('volumes.exportDocx', target));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  const downloadUrl = done && api.exportUrl(done.fileName);
  return (
    <div className="row export-docx">
      <button type="button" className="secondary" disabled={busy} onClick={() => void run()}>
        {t('proof.export')}
      </button>
      {done &&
        (downloadUrl ? (
          <a className="button" href={downloadUrl} download={done.fileName}>
            {t('proof.download')}
          </a>
        ) : (
          <span className="path">{t('compile.savedAt', { path: done.path })}</span>
        ))}
    </div>
  );
}
