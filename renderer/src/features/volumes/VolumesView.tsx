import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput, Volume, VolumeCounts } from '../../../../electron/contract';
import { api } from '../../api/client';
import { VolumeEditor } from './VolumeEditor';

interface Props {
  readOnly: boolean;
  onError: (error: unknown) => void;
  onInfo: (text: string) => void;
}

/** The volumes of the library: a list to pick from or start a new one, and the editor of the one picked. */
export function VolumesView({ readOnly, onError, onInfo }: Props) {
  const { t } = useTranslation();
  const [list, setList] = useState<OpOutput<'volumes.list'>>([]);
  const [items, setItems] = useState<OpOutput<'items.list'>['items']>([]);
  const [open, setOpen] = useState<{ volume: Volume; counts: VolumeCounts } | null>(null);
  const [newTitle, setNewTitle] = useState('');

  const refresh = useCallback(() => {
    api.call('volumes.list', {}).then(setList, onError);
  }, [onError]);
  useEffect(() => {
    refresh();
    api.call('items.list', { limit: 10000 }).then((r) => setItems(r.items), onError);
  }, [refresh, onError]);

  const select = (id: string) => api.call('volumes.get', { id }).then(setOpen, onError);

  async function create() {
    try {
      const volume = await api.call('volumes.create', {
        title: newTitle.trim(),
        sections: [{ id: crypto.randomUUID().slice(0, 8), title: '', articles: [] }],
      });
      setNewTitle('');
      refresh();
      await select(volume.id);
    } catch (error) {
      onError(error);
    }
  }

  async function remove(id: string, title: string) {
    if (!window.confirm(t('volumes.confirmDelete', { title }))) return;
    try {
      await api.call('volumes.delete', { id });
      if (open?.volume.id === id) setOpen(null);
      refresh();
    } catch (error) {
      onError(error);
    }
  }

  return (
    <div className="volumes-view">
      <section className="volume-list" aria-label={t('volumes.listLabel')}>
        <ul>
          {list.map((v) => (
            <li key={v.id} className={open?.volume.id === v.id ? 'selected' : undefined}>
              <button type="button" className="link" onClick={() => void select(v.id)}>
                《{v.title}》
              </button>
              <span className="count">{t('volumes.summary', { articles: v.articles, chars: v.chars })}</span>
              {!readOnly && (
                <button type="button" className="danger" onClick={() => void remove(v.id, v.title)}>
                  {t('volumes.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {list.length === 0 && <p className="empty">{t('volumes.empty')}</p>}
        {!readOnly && (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <input
              aria-label={t('volumes.newTitle')}
              placeholder={t('volumes.newTitle')}
              value={newTitle}
              onChange={(e) => setNewTitle(e.target.value)}
            />
            <button type="submit" className="primary" disabled={!newTitle.trim()}>
              {t('volumes.create')}
            </button>
          </form>
        )}
      </section>
      {open && (
        <VolumeEditor
          key={`${open.volume.id}:${open.volume.updatedAt}`}
          volume={open.volume}
          counts={open.counts}
          items={items}
          readOnly={readOnly}
          onError={onError}
          onSaved={(volume) => {
            onInfo(t('volumes.saved', { title: volume.title }));
            refresh();
            void select(volume.id);
          }}
        />
      )}
    </div>
  );
}
