import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { RegisterPreview } from './RegisterPreview';
import { ToolProgress } from './ToolProgress';
import { useRegister, type RegisterSource } from './useRegister';

interface Props {
  source: RegisterSource | null;
  onSource: (source: RegisterSource) => void;
  readOnly: boolean;
}

/** 导入登记表: choose or drop a register, see how it reads, import its valid rows. */
export function RegisterTool({ source, onSource, readOnly }: Props) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  async function choose() {
    const path = await api.choosePath?.('register').catch(showError);
    if (path) onSource({ path });
  }
  return (
    <section className="tool" aria-labelledby="tool-register">
      <h3 id="tool-register">{t('tools.tab.register')}</h3>
      <p className="field-note">{t('tools.register.intro')}</p>
      {api.choosePath ? (
        <button type="button" className="secondary" disabled={readOnly} onClick={() => void choose()}>
          {source ? t('tools.register.another') : t('tools.register.choose')}
        </button>
      ) : (
        <label className={`button secondary${readOnly ? ' disabled' : ''}`}>
          {source ? t('tools.register.another') : t('tools.register.choose')}
          <input
            type="file"
            accept=".csv,.xlsx"
            className="visually-hidden"
            disabled={readOnly}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onSource({ file });
            }}
          />
        </label>
      )}
      {source && <RegisterRun key={registerKey(source)} source={source} readOnly={readOnly} />}
    </section>
  );
}

function registerKey(source: RegisterSource): string {
  return 'path' in source
    ? source.path
    : `${source.file.name}:${source.file.size}:${source.file.lastModified}`;
}

function RegisterRun({ source, readOnly }: { source: RegisterSource; readOnly: boolean }) {
  const { t } = useTranslation();
  const { preview, imported, importValid, job } = useRegister(source);
  if (!preview) return null;
  return (
    <>
      <RegisterPreview preview={preview} />
      {!imported && (
        <button
          type="button"
          className="primary"
          disabled={readOnly || job.running || preview.valid === 0}
          onClick={() => void importValid()}
        >
          {t('tools.register.importValid', { count: preview.valid })}
        </button>
      )}
      <ToolProgress job={job} />
      {imported && (
        <div role="status">
          <p>
            {t('tools.register.done', { added: imported.added.length, skipped: imported.skipped.length })}
          </p>
          <ul>
            {imported.skipped.map((s) => (
              <li key={s.row}>{t('tools.register.skipped', s)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
