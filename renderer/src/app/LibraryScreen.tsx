import { useTranslation } from 'react-i18next';
import type { FormSettings } from '../../../electron/contract';
import { usePersistentState } from '../hooks/usePersistentState';
import { PaneDivider } from '../components/PaneDivider';
import { Sidebar } from '../features/library/Sidebar';
import type { LibraryView } from '../features/library/useLibraryView';
import type { View } from '../features/library/views';
import type { Search } from '../features/search/useSearch';
import { useSavedSearches } from '../features/search/useSavedSearches';
import type { ItemEditor } from '../features/item/useItemEditor';
import { DetailPane } from '../features/item/DetailPane';
import { LibraryMain } from './LibraryMain';

export interface ArchiveProps {
  library: LibraryView;
  search: Search;
  editor: ItemEditor;
  readOnly: boolean;
  fontScale: number;
  subjects: string[];
  /** The library's 著录模板 settings, for the form and bulk edit. */
  formSettings?: FormSettings;
}

/** The archive: the sidebar's views and saved searches, the list or the results, and the item pane, in resizable panes. */
export function LibraryScreen(props: ArchiveProps) {
  const { library, search, editor, readOnly, fontScale, subjects, formSettings } = props;
  const { t } = useTranslation();
  const [layout, setLayout] = usePersistentState('layout', { sidebar: 180, detail: 400 });
  const saved = useSavedSearches({ query: search.query, sort: search.sort, filters: search.filters });
  return (
    <div
      className="workspace"
      style={{ gridTemplateColumns: `${layout.sidebar}px 6px minmax(320px, 1fr) 6px ${layout.detail}px` }}
    >
      <Sidebar
        view={library.view}
        counts={library.counts}
        collections={library.collections}
        onView={(v: View) => {
          // A category chosen in the sidebar is shown instead of the search on screen.
          search.suggest('');
          library.setView(v);
        }}
        savedSearches={{
          searches: saved.searches,
          activeId: saved.activeId,
          readOnly,
          onRun: search.runSaved,
          onRename: saved.rename,
          onDelete: saved.remove,
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
      <LibraryMain
        library={library}
        search={search}
        editor={editor}
        readOnly={readOnly}
        fontScale={fontScale}
        subjects={subjects}
        formSettings={formSettings}
        onSaveSearch={saved.save}
      />
      <PaneDivider
        label={t('layout.detail')}
        value={layout.detail}
        min={320}
        max={720}
        direction={-1}
        onChange={(w) => setLayout((l) => ({ ...l, detail: w }))}
      />
      <DetailPane
        editor={editor}
        readOnly={readOnly}
        selectedCount={library.selectedIds.length}
        formSettings={formSettings}
      />
    </div>
  );
}
