import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { ToolProgress } from './ToolProgress';
import { useToolJob } from './useToolJob';

type Report = OpOutput<'library.verify'>;
/** What `repair` can mend: content made from the originals, made again. */
const REPAIRABLE = new Set<Report['problems'][number]['kind']>(['derivable']);

/** 校验: every original re-hashed and the catalogue checked; 修复 rebuilds what can be rebuilt. */
export function VerifyTool({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const job = useToolJob();
  const [report, setReport] = useState<Report | null>(null);

  async function run(repair: boolean) {
    const result = await job.run((jobId) => api.call('library.verify', { repair }, { jobId }));
    if (result) setReport(result);
  }

  const repairable = report?.problems.some((p) => REPAIRABLE.has(p.kind)) ?? false;
  return (
    <section className="tool" aria-labelledby="tool-verify">
      <h3 id="tool-verify">{t('tools.tab.verify')}</h3>
      <p className="field-note">{t('tools.verify.intro')}</p>
      <button
        type="button"
        className="primary"
        disabled={readOnly || job.running}
        onClick={() => void run(false)}
      >
        {t('tools.verify.run')}
      </button>
      <ToolProgress job={job} />
      {report && (
        <div role="status" className="verify-report">
          <p>
            {report.problems.length === 0
              ? t('tools.verify.ok', { count: report.checkedFiles })
              : t('tools.verify.problems', { count: report.problems.length, checked: report.checkedFiles })}
          </p>
          <ul>
            {report.repaired.map((p) => (
              <li key={`r:${p}`}>{t('tools.verify.repaired', { path: p })}</li>
            ))}
            {report.problems.map((p, i) => (
              <li key={`p:${i}`}>
                <strong>{t(`tools.verify.kind.${p.kind}`)}</strong> {p.message}
              </li>
            ))}
          </ul>
          {repairable && (
            <button
              type="button"
              className="secondary"
              title={t('tools.verify.repairHint')}
              disabled={readOnly || job.running}
              onClick={() => void run(true)}
            >
              {t('tools.verify.repair')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
