import { useTranslation } from 'react-i18next';

export interface Status {
  kind: 'info' | 'error';
  text: string;
}

/** Announces results of work to screen readers and shows them until dismissed or replaced. */
export function StatusMessage({ status, onDismiss }: { status: Status | null; onDismiss: () => void }) {
  const { t } = useTranslation();
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
