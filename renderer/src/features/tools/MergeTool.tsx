import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { ToolProgress } from './ToolProgress';
import { useToolJob } from './useToolJob';
import { ZipChooser } from './ZipChooser';

type Merged = OpOutput<'library.merge'>;

/** 合并资料包: another archivist's backup (a bag folder, or a zip in a browser) merged in; conflicts listed. */
export function MergeTool({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const job = useToolJob();
  const [done, setDone] = useState<Merged | null>(null);

  async function fromFolder() {
    const bag = await api.choosePath?.('mergeBag').catch(showError);
    if (!bag) return;
    setDone(null);
    const result = await job.run((jobId) => api.call('library.merge', { bag }, { jobId }));
    if (result) setDone(result);
  }

  async function fromZip(file: File) {
    setDone(null);
    const result = await job.run(async (jobId, send) =>
      api.call('library.merge', { upload: await send(file) }, { jobId }),
    );
    if (result) setDone(result);
  }

  return (
    <section className="tool" aria-labelledby="tool-merge">
      <h3 id="tool-merge">{t('tools.tab.merge')}</h3>
      <p className="field-note">{t('tools.merge.intro')}</p>
      {api.choosePath ? (
        <button
          type="button"
          className="primary"
          disabled={readOnly || job.running}
          onClick={() => void fromFolder()}
        >
          {t('tools.merge.desktop')}
        </button>
      ) : (
        <ZipChooser label={t('tools.merge.browser')} disabled={readOnly || job.running} onChosen={fromZip} />
      )}
      <ToolProgress job={job} />
      {done && <MergeReport merged={done} />}
    </section>
  );
}

const shown = (value: unknown) => (typeof value === 'string' ? `「${value}」` : JSON.stringify(value));

function MergeReport({ merged }: { merged: Merged }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="merge-report">
      <p>
        {t('tools.merge.done', {
          added: merged.added.length,
          files: merged.filesCopied,
          identical: merged.identical.length,
          conflicts: merged.conflicts.length,
          failed: merged.failed.length,
        })}
      </p>
      {merged.linked > 0 && <p>{t('related.mergeLinked', { count: merged.linked })}</p>}
      <ul>
        {merged.conflicts.map((c, i) => (
          <li key={`c:${i}`}>
            {t('tools.merge.conflict', {
              title: c.title,
              field: c.field,
              ours: shown(c.ours),
              theirs: shown(c.theirs),
            })}
          </li>
        ))}
        {merged.failed.map((f) => (
          <li key={`f:${f.itemId}`} className="failed">
            {t('tools.merge.failed', { id: f.itemId, reason: f.reason })}
          </li>
        ))}
      </ul>
      {merged.reportPath && (
        <p className="field-note">{t('tools.merge.report', { path: merged.reportPath })}</p>
      )}
    </div>
  );
}
