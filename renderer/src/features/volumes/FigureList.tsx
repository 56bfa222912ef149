import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleEntry, FigureEntry, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { FigureRow } from './FigureRow';
import { move } from './move';
import { useArticleFigures } from './useArticleFigures';

type Hit = OpOutput<'search.query'>['hits'][number];

/** 插图 of an article, under a heading that opens them: the item is read only when they are shown. */
export function ArticleFigures({
  article,
  onChange,
}: {
  article: ArticleEntry;
  onChange: (figures: FigureEntry[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="figures" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('volumes.figures.legend', { count: article.figures.length })}</summary>
      {open && <FigureList article={article} onChange={onChange} />}
    </details>
  );
}

/** The figures of an article in this volume, and adding one from its own images or a photo found by search. */
export function FigureList({
  article,
  onChange,
}: {
  article: ArticleEntry;
  onChange: (figures: FigureEntry[]) => void;
}) {
  const { t } = useTranslation();
  const figures = useArticleFigures(article);
  const list = article.figures;
  const set = (i: number, figure: FigureEntry) => onChange(list.map((f, k) => (k === i ? figure : f)));
  const used = new Set(list.flatMap((f) => (f.sha256 && !f.itemId ? [f.sha256] : [])));
  return (
    <div className="figure-list">
      {list.length === 0 && <p className="count">{t('volumes.figures.none')}</p>}
      <ol>
        {list.map((figure, i) => (
          <FigureRow
            key={i}
            figure={figure}
            view={figures.view(figure)}
            paragraphs={figures.paragraphs}
            index={i}
            count={list.length}
            onChange={(changed) => set(i, changed)}
            onMove={(to) => onChange(move(list, i, to))}
            onRemove={() => onChange(list.filter((_, k) => k !== i))}
          />
        ))}
      </ol>
      <OwnImages
        images={figures.images.filter((f) => !used.has(f.sha256))}
        onAdd={(sha256) => onChange([...list, figures.newFigure({ sha256 })])}
      />
      <PhotoSearch
        onAdd={async (hit) => {
          const photo = await api.call('items.get', { id: hit.id });
          onChange([...list, figures.newFigure({ itemId: hit.id }, photo)]);
        }}
      />
    </div>
  );
}

/** The image files of the article's own item (a scan, a photo sent with the text) not yet placed. */
function OwnImages({
  images,
  onAdd,
}: {
  images: { sha256: string; name: string }[];
  onAdd: (sha256: string) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  if (images.length === 0) return null;
  return (
    <div className="row">
      <select
        aria-label={t('volumes.figures.ownImages')}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      >
        <option value="">{t('volumes.figures.chooseOwn')}</option>
        {images.map((f) => (
          <option key={f.sha256} value={f.sha256}>
            {f.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary"
        disabled={!chosen}
        onClick={() => {
          onAdd(chosen);
          setChosen('');
        }}
      >
        {t('volumes.figures.insert')}
      </button>
    </div>
  );
}

/** Photos of the library found by the same search as the app's, each one a click from the article. */
function PhotoSearch({ onAdd }: { onAdd: (hit: Hit) => Promise<void> }) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  async function run() {
    if (!query.trim()) return;
    try {
      const result = await api.call('search.query', {
        query: query.trim(),
        limit: 20,
        filters: { kind: ['photo'] },
      });
      setHits(result.hits);
    } catch (error) {
      showError(error);
    }
  }
  return (
    <div className="figure-search">
      <div className="row">
        <input
          type="search"
          aria-label={t('volumes.figures.searchPhotos')}
          placeholder={t('volumes.figures.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches here; it must not submit (save) the whole volume form.
            if (e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
        <button type="button" className="secondary" onClick={() => void run()}>
          {t('volumes.figures.search')}
        </button>
      </div>
      {hits?.length === 0 && <p className="count">{t('volumes.figures.noPhotos')}</p>}
      {hits && hits.length > 0 && (
        <ul className="figure-hits">
          {hits.map((hit) => (
            <li key={hit.id} className="row">
              <span className="article-title">{hit.title}</span>
              <button
                type="button"
                className="secondary"
                aria-label={t('volumes.figures.insertPhoto', { title: hit.title })}
                onClick={() =>
                  void onAdd(hit).then(() => {
                    setHits(null);
                    setQuery('');
                  }, showError)
                }
              >
                {t('volumes.figures.insert')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
