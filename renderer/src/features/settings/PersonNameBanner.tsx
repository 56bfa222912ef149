import { useTranslation } from 'react-i18next';
import { PersonNameForm } from './PersonNameForm';
import type { PersonName } from './usePersonName';

/**
 * Asks once for the person's name, without standing in the way: work goes on meanwhile, logged
 * under the door's name, and the question goes away once a name is given.
 */
export function PersonNameBanner({ person }: { person: PersonName }) {
  const { t } = useTranslation();
  if (!person.known || person.name !== null) return null;
  return (
    <section className="banner person-banner" aria-labelledby="person-banner-title">
      <strong id="person-banner-title">{t('form.person.title')}</strong>
      <p>{t('form.person.intro')}</p>
      <PersonNameForm initial={person.systemName} onSave={person.save} idPrefix="banner" />
    </section>
  );
}
