import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const INFO_SECONDS = 6;

export interface Status {
  kind: 'info' | 'error';
  text: string;
}

/** Announces results of work to screen readers and shows them until dismissed or replaced. */
export function StatusMessage({ status, onDismiss }: { status: Status | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  // Good news fades by itself; errors stay until dismissed.
  useEffect(() => {
    if (status?.kind !== 'info') return;
    const timer = setTimeout(onDismiss, INFO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [status, onDismiss]);
  return (
    <div className="status-area" role="status" aria-live="polite">
      {status && (
        <div className={`status status-${status.kind}`}>
          <span>{status.text}</span>
          <button type="button" className="link" onClick={onDismiss} aria-label={t('status.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
