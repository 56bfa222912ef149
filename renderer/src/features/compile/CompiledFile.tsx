import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';

/** Where a compiled PDF went (a download in browser mode, a path on the desktop) and what the fonts lacked. */
export function CompiledFile({ compiled }: { compiled: OpOutput<'volumes.compile'> }) {
  const { t } = useTranslation();
  const downloadUrl = api.exportUrl(compiled.fileName);
  return (
    <>
      {downloadUrl ? (
        <a className="button primary" href={downloadUrl} download={compiled.fileName}>
          {t('compile.download')}
        </a>
      ) : (
        <span className="path">{t('compile.savedAt', { path: compiled.path })}</span>
      )}
      {compiled.missingGlyphs.length > 0 && (
        <span className="warning">
          {t('compile.missing', { chars: compiled.missingGlyphs.map((m) => m.char).join('') })}
        </span>
      )}
    </>
  );
}
