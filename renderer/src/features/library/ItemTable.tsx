import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatFuzzyDate } from '../../../../electron/contract/shared';
import { COLUMN_KEYS, type ColumnKey, type ItemSummary, type SortOrder } from './columns';
import { moveSelection, selectWithModifiers, type Selection } from './selection';

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
  items: ItemSummary[];
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
          return item.eventDate ? formatFuzzyDate(item.eventDate) : '';
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
  item: ItemSummary;
  index: number;
  top: number;
  columns: ColumnKey[];
  gridColumns: string;
  height: number;
  selected: boolean;
  focused: boolean;
  cell: (item: ItemSummary, key: ColumnKey) => string;
  onClick: (event: MouseEvent, id: string) => void;
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
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={item.id}
      className={`grid-row${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      style={{ transform: `translateY(${top}px)`, height, gridTemplateColumns: gridColumns }}
      onClick={(e) => onClick(e, item.id)}
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
 * The catalog as a table: only the rows in view are in the DOM, so 50,000 items scroll as
 * smoothly as 50. Click, Ctrl-click and Shift-click select; arrows move; Enter opens.
 */
export function ItemTable({
  items,
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
  const scroller = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const rowHeight = Math.round(ROW_HEIGHT * fontScale);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);
  const order = useMemo(() => items.map((i) => i.id), [items]);

  const cell = useCellText();
  const click = useCallback(
    (event: MouseEvent, id: string) => {
      onSelection(
        selectWithModifiers(selection, order, id, {
          shift: event.shiftKey,
          toggle: event.ctrlKey || event.metaKey,
        }),
      );
      setFocus(id);
      if (!event.shiftKey && !event.ctrlKey && !event.metaKey) onOpen(id);
    },
    [selection, order, onSelection, onOpen],
  );

  function keyDown(event: KeyboardEvent) {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20, Home: -Infinity, End: Infinity }[
      event.key
    ];
    if (step !== undefined) {
      event.preventDefault();
      const moved = moveSelection(
        selection,
        order,
        focus,
        Number.isFinite(step) ? step : step > 0 ? order.length : -order.length,
        event.shiftKey,
      );
      onSelection(moved.selection);
      setFocus(moved.focus);
      if (moved.focus) virtualizer.scrollToIndex(order.indexOf(moved.focus));
    } else if (event.key === 'Enter' && focus) {
      event.preventDefault();
      onOpen(focus);
    } else if (event.key === ' ' && focus) {
      event.preventDefault();
      onSelection(selectWithModifiers(selection, order, focus, { toggle: true }));
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSelection({ ids: new Set(order), anchor: order[0] ?? null });
    }
  }

  const gridColumns = columns.map((c) => COLUMN_WIDTHS[c]).join(' ');
  return (
    <div className="item-table-wrap">
      <div className="table-tools">
        <span className="count">{t('list.count', { count: items.length })}</span>
        {selection.ids.size > 1 && (
          <span className="count">{t('list.selectedCount', { count: selection.ids.size })}</span>
        )}
        <button
          type="button"
          className="secondary small"
          aria-expanded={choosing}
          onClick={() => setChoosing((c) => !c)}
        >
          {t('list.chooseColumns')}
        </button>
        {choosing && (
          <fieldset className="column-chooser">
            <legend className="visually-hidden">{t('list.chooseColumns')}</legend>
            {COLUMN_KEYS.map((key) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={columns.includes(key)}
                  disabled={key === 'title'}
                  onChange={(e) =>
                    onColumns(
                      e.target.checked
                        ? COLUMN_KEYS.filter((k) => k === key || columns.includes(k))
                        : columns.filter((k) => k !== key),
                    )
                  }
                />
                {t(`list.columns.${key}`)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {items.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <div
          className="item-grid"
          role="grid"
          aria-label={t('list.label')}
          aria-rowcount={items.length + 1}
          aria-multiselectable="true"
          tabIndex={0}
          onKeyDown={keyDown}
          ref={scroller}
        >
          <div
            className="grid-row header"
            role="row"
            aria-rowindex={1}
            style={{ gridTemplateColumns: gridColumns }}
          >
            {columns.map((key) => (
              <div
                key={key}
                role="columnheader"
                aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  className="link"
                  onClick={() => onSort({ key, descending: sort.key === key && !sort.descending })}
                >
                  {t(`list.columns.${key}`)}
                  {sort.key === key && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
                </button>
              </div>
            ))}
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index]!;
              return (
                <Row
                  key={item.id}
                  item={item}
                  index={row.index}
                  top={row.start}
                  columns={columns}
                  gridColumns={gridColumns}
                  height={rowHeight}
                  selected={selection.ids.has(item.id)}
                  focused={focus === item.id}
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
