import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The window's title: the library's name, marked ● while the open item has unsaved edits. */
export function useWindowTitle(libraryName: string | undefined, dirty: boolean): void {
  const { t } = useTranslation();
  useEffect(() => {
    const name = libraryName ? `${libraryName} — ${t('app.name')}` : t('app.name');
    document.title = dirty ? `● ${name}` : name;
  }, [libraryName, t, dirty]);
}
