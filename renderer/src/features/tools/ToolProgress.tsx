import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/JobProgress';
import type { JobProgress as Progress } from '../../hooks/useJob';

/** A tool's running job: bar, what it does, time left, cancel. */
export function ToolProgress({
  job,
}: {
  job: { running: boolean; progress: Progress | null; cancel: () => void };
}) {
  const { t } = useTranslation();
  if (!job.running) return null;
  return (
    <div className="tool-progress" role="status" aria-live="polite">
      <JobProgress
        progress={job.progress}
        describe={({ phase, done, total, current }) =>
          phase === 'upload'
            ? t('tools.uploading', {
                sent: (Number(done) / 1048576).toFixed(1),
                total: (Number(total) / 1048576).toFixed(1),
              })
            : t('tools.running', {
                phase: t(`tools.phase.${phase}`, { defaultValue: phase }),
                done,
                total,
                current,
              })
        }
        onCancel={job.cancel}
      />
    </div>
  );
}
