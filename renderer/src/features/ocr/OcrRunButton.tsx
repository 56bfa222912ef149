import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../hooks/useJob';
import { useMessages } from '../../messages/useMessages';
import './ocr.css';

/**
 * 「识别文字」 for one item or a selection: a job, page by page, with its bar, time left and
 * cancel. A cancelled run keeps the pages it read; running again reads the rest.
 */
export function OcrRunButton({
  ids,
  label,
  onDone,
}: {
  ids: string[];
  label?: string;
  /** After a run, finished or cancelled, so the item shows what was read. */
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { showInfo } = useMessages();
  const job = useJob();

  async function run() {
    const result = await job.run((jobId) => api.call('ocr.run', { ids }, { jobId }));
    if (result) showInfo(result.pagesRead > 0 ? t('ocr.done', { pages: result.pagesRead }) : t('ocr.none'));
    onDone?.();
  }

  return (
    <div className="ocr-run">
      <button type="button" className="secondary" disabled={job.running} onClick={() => void run()}>
        {label ?? t('ocr.run')}
      </button>
      {job.running && (
        <JobProgress
          progress={job.progress}
          describe={(values) => t('ocr.progress', values)}
          onCancel={job.cancel}
        />
      )}
    </div>
  );
}
