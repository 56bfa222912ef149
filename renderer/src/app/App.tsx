import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemFieldsInput, ItemKind, OpOutput } from '../../../electron/api/contract';
import { api, ApiCallError } from '../api/client';
import { collatorFor } from '../i18n';
import { StatusMessage, type Status } from '../components/StatusMessage';
import { Sidebar } from '../features/library/Sidebar';
import { ItemList } from '../features/library/ItemList';
import { useItems } from '../features/library/useItems';
import { ItemForm } from '../features/item/ItemForm';
import { SearchBox } from '../features/search/SearchBox';
import { SearchResults } from '../features/search/SearchResults';
import { CompilePanel } from '../features/compile/CompilePanel';
import { VolumesView } from '../features/volumes/VolumesView';
import { LanguageSwitch } from './LanguageSwitch';

type Detail = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; item: Item };

export function App() {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<OpOutput<'library.info'> | null>(null);
  const [kind, setKind] = useState<ItemKind | undefined>(undefined);
  const [detail, setDetail] = useState<Detail>({ mode: 'none' });
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const [searchResult, setSearchResult] = useState<OpOutput<'search.query'> | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [view, setView] = useState<'library' | 'volumes'>('library');

  const showError = useCallback(
    (error: unknown) => {
      const message = error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
      setStatus({ kind: 'error', text: t('status.error', { message }) });
    },
    [t],
  );
  const dismissStatus = useCallback(() => setStatus(null), []);
  const showInfo = useCallback((text: string) => setStatus({ kind: 'info', text }), []);
  const items = useItems(kind, showError);

  const [vocabulary, setVocabulary] = useState<OpOutput<'vocabulary.get'> | null>(null);
  useEffect(() => {
    api.call('library.info', {}).then(setInfo, showError);
    api.call('vocabulary.get', {}).then(setVocabulary, showError);
  }, [showError]);
  const placeNames = useMemo(() => [...new Set(vocabulary?.places.map((p) => p.name))], [vocabulary]);

  useEffect(() => {
    document.title = info ? `${info.name} — ${t('app.name')}` : t('app.name');
  }, [info, t]);

  const runSearch = useCallback(
    (q: string) => {
      setQuery(q);
      if (!q) return setSearchResult(null);
      api.call('search.query', { query: q, limit: 100 }).then(setSearchResult, showError);
    },
    [showError],
  );
  // Results follow edits and deletions at once.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'changed' && query) runSearch(query);
      }),
    [query, runSearch],
  );

  const sortedItems = useMemo(() => {
    if (!items) return null;
    const collator = collatorFor(i18n.language);
    return [...items].sort((a, b) => collator.compare(a.title, b.title));
  }, [items, i18n.language]);

  const open = useCallback(
    (id: string) => {
      api.call('items.get', { id }).then((item) => setDetail({ mode: 'edit', item }), showError);
    },
    [showError],
  );

  async function save(fields: ItemFieldsInput) {
    try {
      if (detail.mode === 'edit') {
        const item = await api.call('items.update', { id: detail.item.id, patch: fields });
        setDetail({ mode: 'edit', item });
        setStatus({ kind: 'info', text: t('item.saved', { title: item.title }) });
      } else {
        const item = await api.call('items.create', fields);
        setDetail({ mode: 'edit', item });
        setStatus({ kind: 'info', text: t('item.created', { title: item.title }) });
      }
    } catch (error) {
      showError(error);
    }
  }

  async function remove(item: Item) {
    if (!window.confirm(t('item.confirmDelete', { title: item.title }))) return;
    try {
      await api.call('items.delete', { id: item.id });
      setDetail({ mode: 'none' });
      setChecked((c) => new Set([...c].filter((id) => id !== item.id)));
      setStatus({ kind: 'info', text: t('item.deleted', { title: item.title }) });
    } catch (error) {
      showError(error);
    }
  }

  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const readOnly = info?.readOnly ?? false;
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          {t('app.name')}
          {info && <span className="library-name">{info.name}</span>}
        </h1>
        <SearchBox onSearch={runSearch} />
        <button
          type="button"
          className="primary"
          onClick={() => setDetail({ mode: 'new' })}
          disabled={readOnly}
        >
          {t('item.new')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={view === 'volumes'}
          onClick={() => setView(view === 'volumes' ? 'library' : 'volumes')}
        >
          {view === 'volumes' ? t('volumes.back') : t('volumes.nav')}
        </button>
        <LanguageSwitch />
      </header>
      {readOnly && info?.readOnlyReason && (
        <div className="banner" role="alert">
          {t('app.readOnly', { reason: info.readOnlyReason })}
        </div>
      )}
      {view === 'volumes' ? (
        <VolumesView readOnly={readOnly} onError={showError} onInfo={showInfo} />
      ) : (
        <div className="workspace">
          <Sidebar kind={kind} onKind={setKind} />
          <main className="main-pane">
            {query && searchResult ? (
              <SearchResults query={query} result={searchResult} onOpen={open} />
            ) : (
              <>
                {sortedItems && <p className="count">{t('list.count', { count: sortedItems.length })}</p>}
                {sortedItems && (
                  <ItemList
                    items={sortedItems}
                    selectedId={detail.mode === 'edit' ? detail.item.id : null}
                    checked={checked}
                    emptyText={kind ? t('list.emptyKind') : t('list.empty')}
                    onSelect={open}
                    onToggle={toggle}
                  />
                )}
              </>
            )}
            <CompilePanel itemIds={[...checked]} onError={showError} />
          </main>
          <aside className="detail-pane">
            {detail.mode === 'none' ? (
              <p className="empty">{t('item.nothingSelected')}</p>
            ) : (
              <ItemForm
                key={detail.mode === 'edit' ? `${detail.item.id}:${detail.item.updatedAt}` : 'new'}
                item={detail.mode === 'edit' ? detail.item : null}
                readOnly={readOnly}
                onSave={save}
                placeNames={placeNames}
                subjectNames={vocabulary?.subjects ?? []}
                onDelete={detail.mode === 'edit' ? () => void remove(detail.item) : undefined}
              />
            )}
          </aside>
        </div>
      )}
      <StatusMessage status={status} onDismiss={dismissStatus} />
    </div>
  );
}
