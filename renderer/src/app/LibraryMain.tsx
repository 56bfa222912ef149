import { useTranslation } from 'react-i18next';
import { Welcome } from '../features/library/Welcome';
import { ItemTable } from '../features/library/ItemTable';
import { PhotoGrid } from '../features/library/PhotoGrid';
import { SearchResults } from '../features/search/SearchResults';
import { CompilePanel } from '../features/compile/CompilePanel';
import { OcrRunButton } from '../features/ocr/OcrRunButton';
import type { ArchiveProps } from './LibraryScreen';
import { lazyNamed } from '../components/lazyNamed';

const BulkEditBar = lazyNamed(() => import('../features/library/BulkEditBar'), 'BulkEditBar');

interface Props extends ArchiveProps {
  onSaveSearch: (name: string) => Promise<boolean>;
}

/**
 * The middle pane: the welcome in an empty library, the results of a search, or the view chosen
 * in the sidebar as a table or a photo grid; under it, bulk edits and compiling of the selection.
 */
export function LibraryMain({
  library,
  search,
  editor,
  readOnly,
  fontScale,
  subjects,
  formSettings,
  onSaveSearch,
}: Props) {
  const { t } = useTranslation();
  const { empty, list, selection, selectedIds } = library;
  const emptyText = empty
    ? t('list.empty')
    : library.view.type === 'pending'
      ? t('list.reviewQueueEmpty')
      : t('list.emptyView');
  return (
    <main className="main-pane">
      {search.indexing && (
        <p className="indexing" role="status">
          {t('search.indexing', search.indexing)}
        </p>
      )}
      {empty && !search.query ? (
        <Welcome readOnly={readOnly} onNew={editor.startNew} />
      ) : search.result ? (
        <SearchResults
          query={search.query}
          result={search.result}
          sort={search.sort}
          filters={search.filters}
          onSort={search.setSort}
          onFilters={search.setFilters}
          onQuery={search.suggest}
          onOpen={editor.open}
          canSave={!readOnly}
          onSaveSearch={onSaveSearch}
        />
      ) : library.mode === 'grid' ? (
        <PhotoGrid
          list={list}
          tileSize={library.tileSize}
          selection={selection}
          emptyText={emptyText}
          onTileSize={library.setTileSize}
          onSelection={library.setSelection}
          onOpen={editor.open}
        />
      ) : (
        <ItemTable
          list={list}
          fontScale={fontScale}
          columns={library.columns}
          sort={library.sort}
          selection={selection}
          emptyText={emptyText}
          onSort={library.setSort}
          onColumns={library.setColumns}
          onSelection={library.setSelection}
          onOpen={editor.open}
        />
      )}
      {selectedIds.length > 1 && !readOnly && (
        <>
          <BulkEditBar ids={selectedIds} subjects={subjects} formSettings={formSettings} />
          <OcrRunButton
            ids={selectedIds}
            label={t('ocr.runSelected', { count: selectedIds.length })}
            onDone={() => void editor.reload()}
          />
        </>
      )}
      <CompilePanel target={{ itemIds: selectedIds }} />
    </main>
  );
}
