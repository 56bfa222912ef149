import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { ToolProgress } from './ToolProgress';
import { useToolJob } from './useToolJob';

/** 查重: the whole library's texts compared, for material imported before duplicates were looked for. */
export function DuplicatesTool({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const job = useToolJob();
  const [report, setReport] = useState<OpOutput<'items.findDuplicates'> | null>(null);

  async function run() {
    const result = await job.run((jobId) => api.call('items.findDuplicates', {}, { jobId }));
    if (result) setReport(result);
  }

  return (
    <section className="tool" aria-labelledby="tool-duplicates">
      <h3 id="tool-duplicates">{t('tools.tab.duplicates')}</h3>
      <p className="field-note">{t('tools.duplicates.intro')}</p>
      <button type="button" className="primary" disabled={readOnly || job.running} onClick={() => void run()}>
        {t('tools.duplicates.run')}
      </button>
      <ToolProgress job={job} />
      {report && (
        <p role="status">
          {report.flagged === 0 ? t('tools.duplicates.none', report) : t('tools.duplicates.found', report)}
        </p>
      )}
    </section>
  );
}
