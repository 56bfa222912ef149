import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VolumeEditor } from './VolumeEditor';
import { useVolumes } from './useVolumes';

/** The volumes of the library: a list to pick from or start a new one, and the editor of the one picked. */
export function VolumesView({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const volumes = useVolumes();
  const { list, open } = volumes;
  const [newTitle, setNewTitle] = useState('');

  return (
    <div className="volumes-view">
      <section className="volume-list" aria-label={t('volumes.listLabel')}>
        <ul>
          {list.map((v) => (
            <li key={v.id} className={open?.volume.id === v.id ? 'selected' : undefined}>
              <button type="button" className="link" onClick={() => void volumes.select(v.id)}>
                《{v.title}》
              </button>
              <span className="count">{t('volumes.summary', { articles: v.articles, chars: v.chars })}</span>
              {!readOnly && (
                <button type="button" className="danger" onClick={() => void volumes.remove(v.id, v.title)}>
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
              void volumes.create(newTitle).then((made) => made && setNewTitle(''));
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
          titleChecks={open.titles}
          readOnly={readOnly}
          onSaved={volumes.saved}
        />
      )}
    </div>
  );
}
