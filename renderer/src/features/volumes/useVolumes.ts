import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput, Volume } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

/**
 * The library's volumes and the one open in the editor. Items to add are found by searching (the
 * article picker); the library is not listed here.
 */
export function useVolumes() {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  const [list, setList] = useState<OpOutput<'volumes.list'>>([]);
  const [open, setOpen] = useState<OpOutput<'volumes.get'> | null>(null);

  const refresh = useCallback(() => {
    api.call('volumes.list', {}).then(setList, showError);
  }, [showError]);
  useEffect(refresh, [refresh]);

  const select = useCallback(
    (id: string) => api.call('volumes.get', { id }).then(setOpen, showError),
    [showError],
  );

  /** A new volume with one empty section, opened at once; false when it could not be made. */
  async function create(title: string): Promise<boolean> {
    try {
      const volume = await api.call('volumes.create', {
        title: title.trim(),
        sections: [{ id: crypto.randomUUID().slice(0, 8), title: '', articles: [] }],
      });
      refresh();
      await select(volume.id);
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  async function remove(id: string, title: string) {
    if (!window.confirm(t('volumes.confirmDelete', { title }))) return;
    try {
      await api.call('volumes.delete', { id });
      if (open?.volume.id === id) setOpen(null);
      refresh();
    } catch (error) {
      showError(error);
    }
  }

  /** After the editor saved: says so, and shows the saved volume with its new counts. */
  function saved(volume: Volume) {
    showInfo(t('volumes.saved', { title: volume.title }));
    refresh();
    void select(volume.id);
  }

  return { list, open, select, create, remove, saved };
}
