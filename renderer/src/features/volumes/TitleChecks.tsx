import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';

export type TitleCheckList = OpOutput<'volumes.get'>['titles'];

/**
 * Titles to look at before compiling: a file name left as a title (「02-长葛发制品厂」), and a first
 * paragraph that repeats the title (left out of the PDF, said here so nobody wonders where it went).
 */
export function TitleChecks({ titles }: { titles: TitleCheckList }) {
  const { t } = useTranslation();
  if (titles.length === 0) return null;
  const named = (problem: 'fileName' | 'repeated') =>
    titles
      .filter((c) => c.problems.includes(problem))
      .map((c) => `《${c.title}》`)
      .join('、');
  const fileNames = named('fileName');
  const repeated = named('repeated');
  return (
    <div className="title-checks warning" role="status" aria-label={t('volumes.titleChecks.title')}>
      <strong>{t('volumes.titleChecks.title')}</strong>
      {fileNames && <span>{t('volumes.titleChecks.fileName', { titles: fileNames })}</span>}
      {repeated && <span>{t('volumes.titleChecks.repeated', { titles: repeated })}</span>}
    </div>
  );
}
