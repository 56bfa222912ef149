import { useTranslation } from 'react-i18next';
import type { JobProgress as Progress } from '../hooks/useJob';
import { TimeLeft } from './TimeLeft';

/** A running job's bar, what it is doing (`describe` words it), the time left, and its cancel button. */
export function JobProgress({
  progress,
  describe,
  onCancel,
}: {
  progress: Progress | null;
  describe: (p: { phase: string; done: number; total: number | string; current: string }) => string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const doing = describe({
    phase: progress?.phase ?? 'compile',
    done: progress?.done ?? 0,
    total: progress?.total ?? '…',
    current: progress?.current ?? '',
  });
  return (
    <>
      <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={doing} />
      <span>{doing}</span>
      <TimeLeft seconds={progress?.etaSeconds} />
      <button type="button" className="secondary" onClick={onCancel}>
        {t('compile.cancel')}
      </button>
    </>
  );
}
