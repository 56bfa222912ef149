import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * 「保存检索」: asks for a name in place (the desktop app has no prompt dialog), suggesting the
 * query itself. `onSave` says whether the search was saved, so the form closes only then.
 */
export function SaveSearchButton({
  query,
  disabled,
  onSave,
}: {
  query: string;
  disabled: boolean;
  onSave: (name: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  if (name === null)
    return (
      <button type="button" className="secondary" disabled={disabled} onClick={() => setName(query)}>
        {t('savedSearches.save')}
      </button>
    );
  return (
    <form
      className="save-search"
      aria-label={t('savedSearches.save')}
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) void onSave(name.trim()).then((saved) => saved && setName(null));
      }}
    >
      <label>
        {t('savedSearches.nameLabel')}
        <input
          value={name}
          autoFocus
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setName(null)}
        />
      </label>
      <button type="submit" className="primary" disabled={!name.trim()}>
        {t('item.save')}
      </button>
      <button type="button" className="secondary" onClick={() => setName(null)}>
        {t('savedSearches.cancel')}
      </button>
    </form>
  );
}
