import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AppCommand,
  Item,
  ItemFieldsInput,
  ItemPatchInput,
  LibraryChoice,
  OpOutput,
} from '../../../electron/contract';
import { SEARCH_INDEX_JOB } from '../../../electron/contract/shared';
import { api, ApiCallError } from '../api/client';
import { collatorFor } from '../i18n';
import { usePersistentState } from '../hooks/usePersistentState';
import { StatusMessage, type Status } from '../components/StatusMessage';
import { PaneDivider } from '../components/PaneDivider';
import { Sidebar } from '../features/library/Sidebar';
import { ItemTable } from '../features/library/ItemTable';
import { PhotoGrid } from '../features/library/PhotoGrid';
import { BulkEditBar } from '../features/library/BulkEditBar';
import { useItems } from '../features/library/useItems';
import { DEFAULT_COLUMNS, sortItems, type ColumnKey, type SortOrder } from '../features/library/columns';
import { EMPTY_SELECTION, type Selection } from '../features/library/selection';
import { collectionTree, inView, type View } from '../features/library/views';
import { ItemPanel } from '../features/item/ItemPanel';
import type { VocabularyLookup } from '../features/item/pickers/useLookup';
import { SearchBox } from '../features/search/SearchBox';
import { SearchResults, type SearchFilters, type SearchSort } from '../features/search/SearchResults';
import {
  cleanFilters,
  isShowing,
  useSavedSearches,
  type SavedSearch,
} from '../features/search/useSavedSearches';
import { CompilePanel } from '../features/compile/CompilePanel';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ImportPanel, type ImportSource } from '../features/import/ImportPanel';
import { collectChosen, collectDropped } from '../features/import/collectDropped';
import { VolumesView } from '../features/volumes/VolumesView';
import { LanguageSwitch } from './LanguageSwitch';
import { Welcome } from './Welcome';
import { useAppCommands } from './useAppCommands';

type Detail = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; item: Item };

export function App() {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<OpOutput<'library.info'> | null>(null);
  const [vocabulary, setVocabulary] = useState<OpOutput<'vocabulary.get'> | null>(null);
  const [view, setView] = useState<View>({ type: 'all' });
  const [detail, setDetail] = useState<Detail>({ mode: 'none' });
  const [dirty, setDirty] = useState(false);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [searchSort, setSearchSort] = useState<SearchSort>('relevance');
  // Filters belong to the query they were chosen for; a new query starts without them.
  const [chosen, setChosen] = useState<{ query: string; filters: SearchFilters }>({ query: '', filters: {} });
  const filters = useMemo(() => (chosen.query === query ? chosen.filters : {}), [chosen, query]);
  const setFilters = useCallback((f: SearchFilters) => setChosen({ query, filters: f }), [query]);
  const [searchResult, setSearchResult] = useState<{
    query: string;
    result: OpOutput<'search.query'>;
  } | null>(null);
  const [indexing, setIndexing] = useState<{ done: number; total: number } | null>(null);
  /** Bumped when items change, so the open search runs again. */
  const [changes, setChanges] = useState(0);
  const latestSearch = useRef(0);
  const [status, setStatus] = useState<Status | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  /** The archive (lists, search, items) or the volume editor. */
  const [screen, setScreen] = useState<'library' | 'volumes'>('library');
  const [dropping, setDropping] = useState(false);
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [layout, setLayout] = usePersistentState('layout', { sidebar: 180, detail: 400 });
  const [mode, setMode] = usePersistentState<'table' | 'grid'>('viewMode', 'table');
  const [columns, setColumns] = usePersistentState<ColumnKey[]>('columns', DEFAULT_COLUMNS);
  const [sort, setSort] = usePersistentState<SortOrder>('sort', { key: 'title', descending: false });
  const [tileSize, setTileSize] = usePersistentState('tileSize', 160);
  const [fontScale, setFontScale] = usePersistentState('fontScale', 1);

  const showError = useCallback(
    (error: unknown) => {
      const message = error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
      setStatus({ kind: 'error', text: t('status.error', { message }) });
    },
    [t],
  );
  const dismissStatus = useCallback(() => setStatus(null), []);
  const showInfo = useCallback((text: string) => setStatus({ kind: 'info', text }), []);
  const items = useItems(showError);
  const saved = useSavedSearches(showError);

  const loadInfo = useCallback(() => {
    api.call('library.info', {}).then(setInfo, showError);
    api.call('vocabulary.get', {}).then(setVocabulary, showError);
  }, [showError]);
  useEffect(loadInfo, [loadInfo]);

  useEffect(() => {
    document.documentElement.style.setProperty('--font-scale', String(fontScale));
  }, [fontScale]);
  useEffect(() => {
    const name = info ? `${info.name} — ${t('app.name')}` : t('app.name');
    document.title = dirty ? `● ${name}` : name;
  }, [info, t, dirty]);

  useEffect(() => {
    if (!query) return;
    // Only the answer to the latest request is shown, however the replies arrive.
    const request = ++latestSearch.current;
    api
      .call('search.query', { query, limit: 100, sort: searchSort, filters, facets: true })
      .then((result) => {
        if (request === latestSearch.current) setSearchResult({ query, result });
      }, showError);
  }, [query, searchSort, filters, changes, showError]);
  // Results follow edits and deletions at once; a rebuild of the index shows its progress.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'changed') setChanges((n) => n + 1);
        if (event.type === 'progress' && event.jobId === SEARCH_INDEX_JOB)
          setIndexing(event.done < event.total ? { done: event.done, total: event.total } : null);
      }),
    [],
  );
  const suggest = useCallback((q: string) => {
    setTyped(q);
    setQuery(q);
  }, []);
  // A library edit elsewhere (another window, the settings) may change names and saved searches.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'library') loadInfo();
      }),
    [loadInfo],
  );

  function runSavedSearch(search: SavedSearch) {
    setScreen('library');
    setTyped(search.query);
    setQuery(search.query);
    setSearchSort(search.sort);
    setChosen({ query: search.query, filters: search.filters });
  }

  /** Keeps what is on screen under a name; a name in use is replaced only when the person agrees. */
  async function saveSearch(name: string): Promise<boolean> {
    const replace = saved.searches.some((s) => s.name === name);
    if (replace && !window.confirm(t('savedSearches.confirmReplace', { name }))) return false;
    try {
      await saved.save({ name, query, sort: searchSort, filters: cleanFilters(filters), replace });
      setStatus({ kind: 'info', text: t('savedSearches.saved', { name }) });
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  async function renameSearch(search: SavedSearch, name: string): Promise<boolean> {
    try {
      await saved.rename(search.id, name);
      setStatus({ kind: 'info', text: t('savedSearches.renamed', { name }) });
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  async function deleteSearch(search: SavedSearch) {
    try {
      await saved.remove(search.id);
      setStatus({ kind: 'info', text: t('savedSearches.deleted', { name: search.name }) });
    } catch (error) {
      showError(error);
    }
  }

  const showingSearch =
    query && screen === 'library'
      ? (saved.searches.find((s) => isShowing(s, { query, sort: searchSort, filters }))?.id ?? null)
      : null;

  const collator = useMemo(() => collatorFor(i18n.language), [i18n.language]);
  const now = useMemo(() => new Date(), [items]); // eslint-disable-line react-hooks/exhaustive-deps -- "recent" is relative to the last load
  const visible = useMemo(
    () =>
      items
        ? sortItems(
            items.filter((item) => inView(view, item, now)),
            sort,
            collator,
          )
        : null,
    [items, view, sort, collator, now],
  );
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    const views: [string, View][] = [
      ['all', { type: 'all' }],
      ['oral', { type: 'kind', kind: 'oral' }],
      ['photo', { type: 'kind', kind: 'photo' }],
      ['document', { type: 'kind', kind: 'document' }],
      ['review', { type: 'review' }],
      ['recent', { type: 'recent' }],
      ['pending', { type: 'pending' }],
    ];
    for (const [key, v] of views) map.set(key, items?.filter((item) => inView(v, item, now)).length ?? 0);
    return map;
  }, [items, now]);
  const collections = useMemo(() => collectionTree(items ?? [], collator), [items, collator]);
  const lookup = useCallback<VocabularyLookup>(
    (field, query, limit) => api.call('vocabulary.match', { field, query, limit }),
    [],
  );

  /** Leaving an edited form asks first, so no typing is lost by a stray click. */
  const confirmLeave = useCallback(() => !dirty || window.confirm(t('item.confirmDiscard')), [dirty, t]);

  const open = useCallback(
    (id: string) => {
      if (detail.mode === 'edit' && detail.item.id === id) return;
      if (!confirmLeave()) return;
      api.call('items.get', { id }).then((item) => {
        setDirty(false);
        setDetail({ mode: 'edit', item });
      }, showError);
    },
    [showError, confirmLeave, detail],
  );

  const startNew = useCallback(() => {
    if (!confirmLeave()) return;
    setDirty(false);
    setDetail({ mode: 'new' });
  }, [confirmLeave]);

  async function save(fields: ItemFieldsInput) {
    try {
      if (detail.mode === 'edit') {
        const item = await api.call('items.update', { id: detail.item.id, patch: fields });
        setDirty(false);
        setDetail({ mode: 'edit', item });
        setStatus({ kind: 'info', text: t('item.saved', { title: item.title }) });
      } else {
        const item = await api.call('items.create', fields);
        setDirty(false);
        setDetail({ mode: 'edit', item });
        setStatus({ kind: 'info', text: t('item.created', { title: item.title }) });
      }
    } catch (error) {
      showError(error);
    }
  }

  /** An edit from a viewer. The form is shown afresh after it, so unsaved typing there is asked about first. */
  async function update(patch: ItemPatchInput): Promise<boolean> {
    if (detail.mode !== 'edit') return false;
    if (dirty && !window.confirm(t('item.confirmDiscardForMarks'))) return false;
    try {
      const item = await api.call('items.update', { id: detail.item.id, patch });
      setDirty(false);
      setDetail({ mode: 'edit', item });
      setStatus({ kind: 'info', text: t('item.saved', { title: item.title }) });
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  async function remove(item: Item) {
    if (!window.confirm(t('item.confirmDelete', { title: item.title }))) return;
    try {
      await api.call('items.delete', { id: item.id });
      setDirty(false);
      setDetail({ mode: 'none' });
      setSelection((s) => ({ ids: new Set([...s.ids].filter((id) => id !== item.id)), anchor: null }));
      setStatus({ kind: 'info', text: t('item.deleted', { title: item.title }) });
    } catch (error) {
      showError(error);
    }
  }

  async function reloadDetail() {
    if (detail.mode !== 'edit') return;
    try {
      const item = await api.call('items.get', { id: detail.item.id });
      setDirty(false);
      setDetail({ mode: 'edit', item });
    } catch {
      // An undone creation removes the item: there is nothing left to show.
      setDetail({ mode: 'none' });
    }
  }

  /**
   * From the search box, Enter goes to the first result, so searching works without a mouse: as
   * soon as the results of the query entered are shown, however long the search takes.
   */
  const resultFocusFor = useRef<string | null>(null);
  const [enterPresses, setEnterPresses] = useState(0);
  function focusFirstResult() {
    resultFocusFor.current = typed.trim();
    setEnterPresses((n) => n + 1);
  }
  useEffect(() => {
    if (resultFocusFor.current === null || searchResult?.query !== resultFocusFor.current) return;
    resultFocusFor.current = null;
    document.querySelector<HTMLButtonElement>('.search-results .item-title')?.focus();
  }, [searchResult, enterPresses]);

  const readOnly = info?.readOnly ?? false;
  const [loadingDemo, setLoadingDemo] = useState(false);
  async function loadDemo() {
    setLoadingDemo(true);
    try {
      const { added } = await api.call('library.loadDemo', {}, { jobId: crypto.randomUUID() });
      setStatus({ kind: 'info', text: t('welcome.demoLoaded', { count: added }) });
    } catch (error) {
      showError(error);
    } finally {
      setLoadingDemo(false);
    }
  }
  const startImport = (source: ImportSource) => {
    const count = 'files' in source ? source.files.length : source.paths.length;
    if (count > 0 && !readOnly) setImporting(source);
  };
  /** Another library replaces this page: unsaved edits are asked about first. */
  const switchLibrary = (choice: LibraryChoice) => {
    if (api.switchLibrary && confirmLeave()) void api.switchLibrary(choice).catch(showError);
  };
  useAppCommands((command: AppCommand) => {
    switch (command.name) {
      case 'focusSearch':
        searchInput.current?.focus();
        searchInput.current?.select();
        break;
      case 'newItem':
        if (readOnly) break;
        setScreen('library');
        startNew();
        break;
      case 'importFiles':
        fileInput.current?.click();
        break;
      case 'importPaths':
        startImport({ paths: command.paths });
        break;
      case 'openSettings':
        if (info) setSettingsOpen(true);
        break;
      case 'switchLibrary':
        switchLibrary(command.choice);
        break;
    }
  });
  const emptyText = items?.length === 0 ? t('list.empty') : t('list.emptyView');
  const selectedIds = [...selection.ids];
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (readOnly || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget === null) setDropping(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDropping(false);
        if (!readOnly) void collectDropped(e.dataTransfer).then((files) => startImport({ files }), showError);
      }}
    >
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          {t('import.dropHere')}
        </div>
      )}
      <header className="topbar">
        <h1>
          {t('app.name')}
          {info && <span className="library-name">{info.name}</span>}
        </h1>
        <SearchBox
          inputRef={searchInput}
          value={typed}
          onChange={setTyped}
          onSearch={setQuery}
          onEnter={focusFirstResult}
        />
        <div className="view-switch" role="group" aria-label={t('list.viewMode')}>
          <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>
            {t('list.tableView')}
          </button>
          <button type="button" aria-pressed={mode === 'grid'} onClick={() => setMode('grid')}>
            {t('list.gridView')}
          </button>
        </div>
        <button
          type="button"
          className="primary"
          onClick={startNew}
          disabled={readOnly}
          title={t('item.newShortcut')}
        >
          {t('item.new')}
        </button>
        <label
          className={`button secondary${readOnly ? ' disabled' : ''}`}
          title={t('import.chooseShortcut')}
        >
          {t('import.chooseFiles')}
          <input
            ref={fileInput}
            type="file"
            multiple
            className="visually-hidden"
            disabled={readOnly}
            onChange={(e) => {
              if (e.target.files) startImport({ files: collectChosen(e.target.files) });
              e.target.value = '';
            }}
          />
        </label>
        <button
          type="button"
          className="secondary"
          aria-pressed={screen === 'volumes'}
          onClick={() => setScreen(screen === 'volumes' ? 'library' : 'volumes')}
        >
          {screen === 'volumes' ? t('volumes.back') : t('volumes.nav')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setSettingsOpen(true)}
          disabled={!info}
          title={t('settings.shortcut')}
        >
          {t('settings.title')}
        </button>
        <LanguageSwitch />
      </header>
      {readOnly && info?.readOnlyReason && (
        <div className="banner" role="alert">
          {t('app.readOnly', { reason: info.readOnlyReason })}
        </div>
      )}
      {screen === 'volumes' ? (
        <VolumesView readOnly={readOnly} onError={showError} onInfo={showInfo} />
      ) : (
        <div
          className="workspace"
          style={{ gridTemplateColumns: `${layout.sidebar}px 6px minmax(320px, 1fr) 6px ${layout.detail}px` }}
        >
          <Sidebar
            view={view}
            counts={counts}
            collections={collections}
            onView={(v) => {
              // A category chosen in the sidebar is shown instead of the search on screen.
              suggest('');
              setView(v);
              setSelection(EMPTY_SELECTION);
            }}
            savedSearches={{
              searches: saved.searches,
              activeId: showingSearch,
              readOnly,
              onRun: runSavedSearch,
              onRename: renameSearch,
              onDelete: (search) => void deleteSearch(search),
            }}
          />
          <PaneDivider
            label={t('layout.sidebar')}
            value={layout.sidebar}
            min={140}
            max={360}
            direction={1}
            onChange={(w) => setLayout((l) => ({ ...l, sidebar: w }))}
          />
          <main className="main-pane">
            {indexing && (
              <p className="indexing" role="status">
                {t('search.indexing', indexing)}
              </p>
            )}
            {items?.length === 0 && !query ? (
              <Welcome
                readOnly={readOnly}
                loadingDemo={loadingDemo}
                onNew={startNew}
                onDemo={() => void loadDemo()}
              />
            ) : query && searchResult?.query === query ? (
              <SearchResults
                query={query}
                result={searchResult.result}
                sort={searchSort}
                filters={filters}
                onSort={setSearchSort}
                onFilters={setFilters}
                onQuery={suggest}
                onOpen={open}
                canSave={!readOnly}
                onSaveSearch={saveSearch}
              />
            ) : visible && mode === 'grid' ? (
              <PhotoGrid
                items={visible}
                tileSize={tileSize}
                selection={selection}
                emptyText={emptyText}
                onTileSize={setTileSize}
                onSelection={setSelection}
                onOpen={open}
              />
            ) : visible ? (
              <ItemTable
                items={visible}
                fontScale={fontScale}
                columns={columns}
                sort={sort}
                selection={selection}
                emptyText={emptyText}
                onSort={setSort}
                onColumns={setColumns}
                onSelection={setSelection}
                onOpen={open}
              />
            ) : null}
            {selectedIds.length > 1 && !readOnly && (
              <BulkEditBar
                ids={selectedIds}
                subjects={vocabulary?.subjects ?? []}
                onDone={(count) => setStatus({ kind: 'info', text: t('bulk.done', { count }) })}
                onError={showError}
              />
            )}
            <CompilePanel itemIds={selectedIds} onError={showError} />
          </main>
          <PaneDivider
            label={t('layout.detail')}
            value={layout.detail}
            min={320}
            max={720}
            direction={-1}
            onChange={(w) => setLayout((l) => ({ ...l, detail: w }))}
          />
          <aside className="detail-pane" aria-label={t('item.pane')}>
            {detail.mode === 'none' ? (
              <p className="empty">{t('item.nothingSelected')}</p>
            ) : (
              <ItemPanel
                key={detail.mode === 'edit' ? detail.item.id : 'new'}
                item={detail.mode === 'edit' ? detail.item : null}
                readOnly={readOnly}
                lookup={lookup}
                onSave={save}
                onUpdate={update}
                onDelete={detail.mode === 'edit' ? () => void remove(detail.item) : undefined}
                onDirty={setDirty}
                onUndone={() => void reloadDetail()}
                onError={showError}
              />
            )}
          </aside>
        </div>
      )}
      {settingsOpen && info && (
        <SettingsDialog
          info={info}
          fontScale={fontScale}
          onFontScale={setFontScale}
          onSaved={loadInfo}
          onSwitchLibrary={api.switchLibrary ? switchLibrary : null}
          onClose={() => setSettingsOpen(false)}
          onError={showError}
        />
      )}
      {importing && <ImportPanel source={importing} onClose={() => setImporting(null)} />}
      <StatusMessage status={status} onDismiss={dismissStatus} />
    </div>
  );
}
