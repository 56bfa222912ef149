import { useCallback, useEffect, useState } from 'react';
import type { LibraryChoice, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useMessages } from '../../messages/useMessages';

/**
 * The open library's description and settings (read again when the library says they changed),
 * its vocabulary, the settings dialog, the text size, and switching to another library (desktop).
 */
export function useSettings({ confirmLeave }: { confirmLeave: () => boolean }) {
  const { showError } = useMessages();
  const [info, setInfo] = useState<OpOutput<'library.info'> | null>(null);
  const [vocabulary, setVocabulary] = useState<OpOutput<'vocabulary.get'> | null>(null);
  const [open, setOpen] = useState(false);
  const [fontScale, setFontScale] = usePersistentState('fontScale', 1);

  const reload = useCallback(() => {
    api.call('library.info', {}).then(setInfo, showError);
    api.call('vocabulary.get', {}).then(setVocabulary, showError);
  }, [showError]);
  useEffect(reload, [reload]);
  // A library edit elsewhere (another window, the settings) may change names and saved searches.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'library') reload();
      }),
    [reload],
  );
  useEffect(() => {
    document.documentElement.style.setProperty('--font-scale', String(fontScale));
  }, [fontScale]);

  /** Another library replaces this page (desktop only): unsaved edits are asked about first. */
  const switchLibrary = api.switchLibrary
    ? (choice: LibraryChoice) => {
        if (confirmLeave()) void api.switchLibrary?.(choice).catch(showError);
      }
    : null;

  return {
    info,
    readOnly: info?.readOnly ?? false,
    subjects: vocabulary?.subjects ?? [],
    reload,
    /** The dialog opens once the library is known. */
    open: open && info !== null,
    show: () => setOpen(info !== null),
    close: () => setOpen(false),
    fontScale,
    setFontScale,
    switchLibrary,
  };
}

export type Settings = ReturnType<typeof useSettings>;
