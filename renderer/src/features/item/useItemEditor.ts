import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemFieldsInput, ItemPatchInput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import type { VocabularyLookup } from './pickers/useLookup';
import type { HitFocus } from '../search/hitFocus';

type Detail = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; item: Item };

const lookup: VocabularyLookup = (field, query, limit) =>
  api.call('vocabulary.match', { field, query, limit });

/**
 * The item in the right pane: which one (or a new one), whether its form has unsaved typing,
 * and saving, editing from a viewer, deleting and reloading it after an undo. Leaving an edited
 * form asks first, so no typing is lost by a stray click.
 */
export function useItemEditor({ onDeleted }: { onDeleted: (id: string) => void }) {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  const [detail, setDetail] = useState<Detail>({ mode: 'none' });
  const [dirty, setDirty] = useState(false);
  /** Where the match lies, for an item opened from a search; none for one opened otherwise. */
  const [focus, setFocus] = useState<HitFocus | undefined>();
  const editing = detail.mode === 'edit' ? detail.item : null;

  const show = useCallback((item: Item | null) => {
    setDirty(false);
    setDetail(item ? { mode: 'edit', item } : { mode: 'none' });
  }, []);
  const confirmLeave = useCallback(() => !dirty || window.confirm(t('item.confirmDiscard')), [dirty, t]);

  const open = useCallback(
    (id: string, hitFocus?: HitFocus) => {
      if (editing?.id === id) {
        // The same item from another hit: move to that match.
        setFocus(hitFocus);
        return;
      }
      if (!confirmLeave()) return;
      api.call('items.get', { id }).then((item) => {
        setFocus(hitFocus);
        show(item);
      }, showError);
    },
    [showError, confirmLeave, editing, show],
  );

  const startNew = useCallback(() => {
    if (!confirmLeave()) return;
    setDirty(false);
    setDetail({ mode: 'new' });
  }, [confirmLeave]);

  async function save(fields: ItemFieldsInput) {
    try {
      const item = editing
        ? await api.call('items.update', { id: editing.id, patch: fields })
        : await api.call('items.create', fields);
      show(item);
      showInfo(t(editing ? 'item.saved' : 'item.created', { title: item.title }));
    } catch (error) {
      showError(error);
    }
  }

  /** An edit from a viewer. The form is shown afresh after it, so unsaved typing there is asked about first. */
  async function update(patch: ItemPatchInput): Promise<boolean> {
    if (!editing) return false;
    if (dirty && !window.confirm(t('item.confirmDiscardForMarks'))) return false;
    try {
      const item = await api.call('items.update', { id: editing.id, patch });
      show(item);
      showInfo(t('item.saved', { title: item.title }));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  async function remove() {
    if (!editing || !window.confirm(t('item.confirmDelete', { title: editing.title }))) return;
    try {
      await api.call('items.delete', { id: editing.id });
      show(null);
      onDeleted(editing.id);
      showInfo(t('item.deleted', { title: editing.title }));
    } catch (error) {
      showError(error);
    }
  }

  async function reload() {
    if (!editing) return;
    // An undone creation removes the item: there is nothing left to show.
    show(await api.call('items.get', { id: editing.id }).catch(() => null));
  }

  return {
    /** Nothing, a new item, or the item shown. */
    mode: detail.mode,
    item: editing,
    focus,
    dirty,
    setDirty,
    confirmLeave,
    open,
    startNew,
    save,
    update,
    remove,
    reload,
    lookup,
  };
}

export type ItemEditor = ReturnType<typeof useItemEditor>;
