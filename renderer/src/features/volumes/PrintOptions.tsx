import { useTranslation } from 'react-i18next';
import type { PageSettings } from '../../../../electron/contract';

interface Props {
  page: PageSettings;
  onChange: (patch: Partial<PageSettings>) => void;
}

/** For the print shop: PDF/X-4 with bleed, crop marks, and the page count padded to a signature. */
export function PrintOptions({ page, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('volumes.page.padTo')}
        <select
          value={page.padTo}
          onChange={(e) => onChange({ padTo: Number(e.target.value) === 2 ? 2 : 4 })}
        >
          <option value={4}>{t('volumes.page.padTo4')}</option>
          <option value={2}>{t('volumes.page.padTo2')}</option>
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={page.pdfx} onChange={(e) => onChange({ pdfx: e.target.checked })} />
        {t('volumes.page.pdfx')}
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={page.pdfx && page.cropMarks}
          disabled={!page.pdfx}
          onChange={(e) => onChange({ cropMarks: e.target.checked })}
        />
        {t('volumes.page.cropMarks')}
      </label>
    </>
  );
}
