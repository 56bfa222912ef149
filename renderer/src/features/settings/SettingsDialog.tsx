import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryChoice, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';
import { PersonNameForm } from './PersonNameForm';
import type { PersonName } from './usePersonName';
import { TemplateEditor } from './TemplateEditor';

type Info = OpOutput<'library.info'>;
export const FONT_SCALES = [1, 1.15, 1.3, 1.5] as const;

interface Props {
  info: Info;
  person: PersonName;
  fontScale: number;
  onFontScale: (scale: number) => void;
  onSaved: () => void;
  /** Desktop: opens or creates another library; null in browser mode, which serves one library. */
  onSwitchLibrary: ((choice: LibraryChoice) => void) | null;
  onClose: () => void;
}

/** Library name and location (and, in the desktop app, another library), language, text size, 档号 pattern and the subject list. */
export function SettingsDialog({
  info,
  person,
  fontScale,
  onFontScale,
  onSaved,
  onSwitchLibrary,
  onClose,
}: Props) {
  const { t, i18n } = useTranslation();
  const { showError } = useMessages();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(info.name);
  const [pattern, setPattern] = useState(info.settings.identifierPattern);
  const [subjects, setSubjects] = useState(info.settings.subjects.join('\n'));
  const [places, setPlaces] = useState(info.settings.extraPlaces.join('\n'));
  const [form, setForm] = useState(info.settings.form);
  const [quoteStyle, setQuoteStyle] = useState(info.settings.quoteStyle);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal?.();
    return () => element?.close?.();
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    const lines = (text: string) =>
      text
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    try {
      await api.call('library.update', {
        name,
        settings: {
          identifierPattern: pattern,
          subjects: lines(subjects),
          extraPlaces: lines(places),
          form,
          quoteStyle,
        },
      });
      onSaved();
      onClose();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <dialog ref={dialog} className="settings" aria-labelledby="settings-title" onCancel={onClose}>
      <form onSubmit={save}>
        <h2 id="settings-title">{t('settings.title')}</h2>
        <fieldset>
          <legend>{t('settings.display')}</legend>
          <label>
            {t('language.label')}
            <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang}>
                  {t(`language.${lang}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settings.fontSize')}
            <select value={fontScale} onChange={(e) => onFontScale(Number(e.target.value))}>
              {FONT_SCALES.map((scale) => (
                <option key={scale} value={scale}>
                  {t(`settings.fontScale.${String(scale).replace('.', '_')}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('form.person.title')}</legend>
          <PersonNameForm
            initial={person.name ?? person.systemName}
            onSave={person.save}
            idPrefix="settings"
          />
        </fieldset>
        <LibraryLocation root={info.root} onSwitchLibrary={onSwitchLibrary} />
        <fieldset disabled={info.readOnly}>
          <legend>{t('settings.library')}</legend>
          <label>
            {t('settings.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label>
            {t('settings.identifierPattern')}
            <input
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
              aria-describedby="pattern-hint"
            />
          </label>
          <p id="pattern-hint" className="field-note">
            {t('settings.identifierHint')}
          </p>
          <label>
            {t('settings.subjects')}
            <textarea rows={6} value={subjects} onChange={(e) => setSubjects(e.target.value)} />
          </label>
          <label>
            {t('settings.places')}
            <textarea rows={3} value={places} onChange={(e) => setPlaces(e.target.value)} />
          </label>
          <label>
            {t('settings.quoteStyle')}
            <select value={quoteStyle} onChange={(e) => setQuoteStyle(e.target.value as typeof quoteStyle)}>
              <option value="curly">{t('settings.quoteCurly')}</option>
              <option value="corner">{t('settings.quoteCorner')}</option>
            </select>
          </label>
        </fieldset>
        <TemplateEditor form={form} onForm={setForm} readOnly={info.readOnly} />
        <div className="actions">
          <button type="submit" className="primary" disabled={info.readOnly}>
            {t('item.save')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('settings.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Where the library is. The desktop app can open or create another one, also while this one is
 * read-only (when one may well want another); a browser shows the one library `wenshi serve`
 * was started with.
 */
function LibraryLocation({
  root,
  onSwitchLibrary,
}: {
  root: string | undefined;
  onSwitchLibrary: ((choice: LibraryChoice) => void) | null;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="library-location">
      <legend>{t('settings.location')}</legend>
      {root && <code>{root}</code>}
      {onSwitchLibrary ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onSwitchLibrary({ action: 'open' })}>
            {t('settings.openLibrary')}
          </button>
          <button type="button" className="secondary" onClick={() => onSwitchLibrary({ action: 'create' })}>
            {t('settings.createLibrary')}
          </button>
        </div>
      ) : (
        <p className="field-note">{t('settings.servedLibrary')}</p>
      )}
    </fieldset>
  );
}
