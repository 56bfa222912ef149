import { memo, useCallback, useEffect, useSyncExternalStore, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateText } from '../../../../electron/contract/shared';
import type { ColumnKey, ItemSummary, SortOrder } from './columns';
import type { PagedList } from './pagedList';
import type { Selection } from './selection';
import { ColumnChooser, TableHeader } from './TableHeader';
import { useFixedRows } from './useFixedRows';
import { useListSelection } from './useListSelection';

/** Row height at the standard text size; rows grow with the 字号 setting. */
const ROW_HEIGHT = 36;
/**
 * Room for what each column typically holds (档号 like XCGG-2023-0001, dates like 1984年春), in
 * rem so that larger text widens the columns instead of cutting their text.
 */
const COLUMN_WIDTHS: Record<ColumnKey, string> = {
  identifier: 'minmax(10.5rem, 1fr)',
  title: 'minmax(10rem, 3fr)',
  kind: 'minmax(4rem, 0.5fr)',
  eventDate: 'minmax(8.5rem, 1fr)',
  places: 'minmax(6.5rem, 1fr)',
  people: 'minmax(6.5rem, 1fr)',
  subjects: 'minmax(6.5rem, 1fr)',
  editorialStatus: 'minmax(5rem, 0.6fr)',
};

interface Props {
  list: PagedList;
  /** The 字号 setting's factor. */
  fontScale: number;
  columns: ColumnKey[];
  sort: SortOrder;
  selection: Selection;
  emptyText: string;
  onSort: (sort: SortOrder) => void;
  onColumns: (columns: ColumnKey[]) => void;
  onSelection: (selection: Selection) => void;
  onOpen: (id: string) => void;
}

/** The text of one cell, as people read it. */
function useCellText(): (item: ItemSummary, key: ColumnKey) => string {
  const { t } = useTranslation();
  return useCallback(
    (item, key) => {
      switch (key) {
        case 'kind':
          return t(`kind.${item.kind}`);
        case 'eventDate':
          return dateText(item.eventDate);
        case 'places':
        case 'subjects':
          return item[key].join('、');
        case 'people':
          return item.people.map((p) => p.name).join('、');
        case 'editorialStatus':
          return t(`editorialStatus.${item.editorialStatus}`);
        default:
          return item[key];
      }
    },
    [t],
  );
}

interface RowProps {
  /** Undefined while its page loads: an empty row of the same height holds its place. */
  item: ItemSummary | undefined;
  index: number;
  top: number;
  columns: ColumnKey[];
  gridColumns: string;
  height: number;
  selected: boolean;
  focused: boolean;
  cell: (item: ItemSummary, key: ColumnKey) => string;
  onClick: (event: MouseEvent, index: number, id: string) => void;
}

/** One row; memoized so scrolling re-renders only rows that enter the view. */
const Row = memo(function Row({
  item,
  index,
  top,
  columns,
  gridColumns,
  height,
  selected,
  focused,
  cell,
  onClick,
}: RowProps) {
  const style = { transform: `translateY(${top}px)`, height, gridTemplateColumns: gridColumns };
  if (!item)
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        aria-busy="true"
        className="grid-row placeholder"
        style={style}
      >
        {columns.map((key) => (
          <div key={key} role="gridcell" />
        ))}
      </div>
    );
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={item.id}
      className={`grid-row${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      style={style}
      onClick={(e) => onClick(e, index, item.id)}
      // Shift-click extends the selection of rows, not a selection of the page's text.
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
    >
      {columns.map((key) => {
        const text = cell(item, key);
        return (
          <div key={key} role="gridcell" className={key === 'title' ? 'title-cell' : undefined} title={text}>
            {text}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The catalog as a table: only the rows in view are in the DOM, and only their pages in memory,
 * so 100,000 items scroll as smoothly as 50. Click, Ctrl-click and Shift-click select; arrows
 * move; Enter opens.
 */
export function ItemTable({
  list,
  fontScale,
  columns,
  sort,
  selection,
  emptyText,
  onSort,
  onColumns,
  onSelection,
  onOpen,
}: Props) {
  const { t } = useTranslation();
  useSyncExternalStore(list.subscribe, list.getVersion);
  const count = list.total ?? 0;
  const rowHeight = Math.round(ROW_HEIGHT * fontScale);
  const { ref: scroller, rowsRef, rows, totalSize, scrollToIndex } = useFixedRows(count, rowHeight, 12);
  const [first, last] = [rows[0]?.index, rows.at(-1)?.index];
  useEffect(() => {
    if (first !== undefined && last !== undefined) list.show(first, last);
  }, [list, first, last]);
  const { focus, click, keyDown } = useListSelection({
    list,
    count,
    selection,
    onSelection,
    onOpen,
    onFocus: scrollToIndex,
  });
  const cell = useCellText();

  const gridColumns = columns.map((c) => COLUMN_WIDTHS[c]).join(' ');
  return (
    <div className="item-table-wrap">
      <div className="table-tools">
        <span className="count">{t('list.count', { count })}</span>
        {selection.ids.size > 1 && (
          <span className="count">{t('list.selectedCount', { count: selection.ids.size })}</span>
        )}
        <ColumnChooser columns={columns} onColumns={onColumns} />
      </div>
      {list.total === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <div
          className="item-grid"
          role="grid"
          aria-label={t('list.label')}
          aria-rowcount={count + 1}
          aria-multiselectable="true"
          tabIndex={0}
          onKeyDown={keyDown}
          ref={scroller}
        >
          <TableHeader columns={columns} gridColumns={gridColumns} sort={sort} onSort={onSort} />
          <div ref={rowsRef} style={{ height: totalSize, position: 'relative' }}>
            {rows.map((row) => {
              const item = list.at(row.index);
              return (
                <Row
                  key={item?.id ?? `row-${row.index}`}
                  item={item}
                  index={row.index}
                  top={row.start}
                  columns={columns}
                  gridColumns={gridColumns}
                  height={rowHeight}
                  selected={item ? selection.ids.has(item.id) : false}
                  focused={focus === row.index}
                  cell={cell}
                  onClick={click}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
