import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

interface Props {
  selectedIds: string[];
  itemCount: number;
}

/**
 * 导出目录: the catalogue, or the items selected in the list, as CSV or JSON. The desktop app saves
 * where a dialog says; a browser downloads the file the library wrote to its exports folder.
 */
export function ExportTool({ selectedIds, itemCount }: Props) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [scope, setScope] = useState<'all' | 'selection'>(selectedIds.length ? 'selection' : 'all');
  const [done, setDone] = useState<OpOutput<'items.export'> | null>(null);

  async function run() {
    setDone(null);
    try {
      let output: string | undefined;
      if (api.choosePath) {
        const chosen = await api.choosePath(
          format === 'csv' ? 'exportCsv' : 'exportJson',
          t('tools.export.fileName', { format }),
        );
        if (!chosen) return;
        output = chosen;
      }
      const itemIds = scope === 'selection' ? selectedIds : undefined;
      setDone(await api.call('items.export', { format, itemIds, output }));
    } catch (error) {
      showError(error);
    }
  }

  const download = done && api.exportUrl(done.fileName);
  return (
    <section className="tool" aria-labelledby="tool-export">
      <h3 id="tool-export">{t('tools.tab.export')}</h3>
      <p className="field-note">{t('tools.export.intro')}</p>
      <div className="tool-options">
        <select
          aria-label={t('tools.export.format')}
          value={format}
          onChange={(e) => setFormat(e.target.value as 'csv')}
        >
          <option value="csv">{t('tools.export.csv')}</option>
          <option value="json">{t('tools.export.json')}</option>
        </select>
        <select
          aria-label={t('tools.export.scope')}
          value={scope}
          onChange={(e) => setScope(e.target.value as 'all')}
        >
          <option value="all">{t('tools.export.all', { count: itemCount })}</option>
          <option value="selection" disabled={selectedIds.length === 0}>
            {t('tools.export.selection', { count: selectedIds.length })}
          </option>
        </select>
        <button type="button" className="primary" onClick={() => void run()}>
          {t('tools.export.run')}
        </button>
      </div>
      {done && (
        <p role="status">
          {t('tools.export.done', { count: done.count, file: download ? done.fileName : done.path })}{' '}
          {download && (
            <a href={download} download={done.fileName}>
              {t('tools.export.download', { file: done.fileName })}
            </a>
          )}
        </p>
      )}
    </section>
  );
}
