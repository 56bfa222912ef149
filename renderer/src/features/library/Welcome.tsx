import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

/** What a first-time user sees in an empty library: the three ways to begin. */
export function Welcome({ readOnly, onNew }: { readOnly: boolean; onNew: () => void }) {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  const [loadingDemo, setLoadingDemo] = useState(false);

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      const { added } = await api.call('library.loadDemo', {}, { jobId: crypto.randomUUID() });
      showInfo(t('welcome.demoLoaded', { count: added }));
    } catch (error) {
      showError(error);
    } finally {
      setLoadingDemo(false);
    }
  }

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <p>{t('welcome.intro')}</p>
      <ol>
        <li>{t('welcome.drop')}</li>
        <li>
          <button type="button" className="link inline" onClick={onNew} disabled={readOnly}>
            {t('item.new')}
          </button>
          {t('welcome.newHint')}
        </li>
        <li>
          <button
            type="button"
            className="secondary"
            onClick={() => void loadDemo()}
            disabled={readOnly || loadingDemo}
          >
            {t('welcome.demo')}
          </button>
          {t('welcome.demoHint')}
        </li>
      </ol>
    </section>
  );
}
