import { useTranslation } from 'react-i18next';

/** What a first-time user sees in an empty library: the three ways to begin. */
export function Welcome({
  readOnly,
  loadingDemo,
  onNew,
  onDemo,
}: {
  readOnly: boolean;
  loadingDemo: boolean;
  onNew: () => void;
  onDemo: () => void;
}) {
  const { t } = useTranslation();
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
          <button type="button" className="secondary" onClick={onDemo} disabled={readOnly || loadingDemo}>
            {t('welcome.demo')}
          </button>
          {t('welcome.demoHint')}
        </li>
      </ol>
    </section>
  );
}
