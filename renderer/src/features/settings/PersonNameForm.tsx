import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTOR_MAX_LENGTH } from '../../../../electron/contract/shared';
import { useMessages } from '../../messages/useMessages';

/** The person's name for the audit log: one box and a button; a name the log refuses is said why. */
export function PersonNameForm({
  initial,
  onSave,
  idPrefix,
}: {
  initial: string;
  onSave: (name: string) => Promise<void>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  const [name, setName] = useState(initial);
  const id = `${idPrefix}-person-name`;

  async function save(event?: FormEvent) {
    event?.preventDefault();
    try {
      await onSave(name);
      showInfo(t('form.person.current', { name: name.trim() }));
    } catch (error) {
      showError(error);
    }
  }

  return (
    <div className="person-name">
      <label htmlFor={id}>{t('form.person.label')}</label>
      <input
        id={id}
        value={name}
        maxLength={ACTOR_MAX_LENGTH}
        autoComplete="name"
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save(e);
        }}
      />
      <button type="button" className="secondary" disabled={!name.trim()} onClick={() => void save()}>
        {t('form.person.save')}
      </button>
    </div>
  );
}
