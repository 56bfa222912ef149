import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { api } from '../../api/client';
import type { PagedList } from './pagedList';
import type { Selection } from './selection';
import { useListSelection } from './useListSelection';

const GAP = 12;
const CAPTION_HEIGHT = 40;

interface Props {
  list: PagedList;
  tileSize: number;
  selection: Selection;
  emptyText: string;
  onTileSize: (size: number) => void;
  onSelection: (selection: Selection) => void;
  onOpen: (id: string) => void;
}

/**
 * Thumbnails in rows; only the rows in view are rendered, and only their pages loaded (a tile
 * not loaded yet is an empty tile of the same size). The slider sets the tile size.
 */
export function PhotoGrid({ list, tileSize, selection, emptyText, onTileSize, onSelection, onOpen }: Props) {
  const { t } = useTranslation();
  useSyncExternalStore(list.subscribe, list.getVersion);
  const count = list.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const perRow = Math.max(1, Math.floor((width + GAP) / (tileSize + GAP)));
  const rows = Math.ceil(count / perRow);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => tileSize + CAPTION_HEIGHT + GAP,
    overscan: 3,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [tileSize, virtualizer]);
  const shown = virtualizer.getVirtualItems();
  const [first, last] = [shown[0]?.index, shown.at(-1)?.index];
  useEffect(() => {
    if (first !== undefined && last !== undefined) list.show(first * perRow, last * perRow + perRow - 1);
  }, [list, first, last, perRow]);
  const { click } = useListSelection({ list, count, selection, onSelection, onOpen });
  const indexes = (row: number) =>
    Array.from({ length: Math.min(perRow, count - row * perRow) }, (_, i) => row * perRow + i);

  return (
    <div className="photo-grid-wrap">
      <div className="table-tools">
        <span className="count">{t('list.count', { count })}</span>
        <label className="zoom">
          {t('list.zoom')}
          <input
            type="range"
            min={96}
            max={320}
            step={16}
            value={tileSize}
            onChange={(e) => onTileSize(Number(e.target.value))}
          />
        </label>
      </div>
      <div className="photo-grid" ref={scroller} role="list" aria-label={t('list.gridLabel')}>
        {list.total === 0 && <p className="empty">{emptyText}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {shown.map((row) => (
            <div
              key={row.index}
              className="photo-row"
              style={{ transform: `translateY(${row.start}px)`, gap: GAP }}
            >
              {indexes(row.index).map((index) => {
                const item = list.at(index);
                if (!item)
                  return (
                    <div
                      role="listitem"
                      key={`tile-${index}`}
                      className="photo-cell"
                      aria-busy="true"
                      style={{ width: tileSize }}
                    >
                      <span className="thumb" style={{ height: tileSize }} />
                    </div>
                  );
                return (
                  // The list item holds the button: a button cannot itself be a list item and also say whether it is pressed.
                  <div role="listitem" key={item.id} className="photo-cell" style={{ width: tileSize }}>
                    <button
                      type="button"
                      className={`photo-tile${selection.ids.has(item.id) ? ' selected' : ''}`}
                      aria-pressed={selection.ids.has(item.id)}
                      onClick={(e) => click(e, index, item.id)}
                      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
                    >
                      <span className="thumb" style={{ height: tileSize }}>
                        {item.cover ? (
                          <img src={api.fileUrl(item.cover, 'thumb')} alt="" loading="lazy" />
                        ) : (
                          <span className="no-thumb">{t(`kind.${item.kind}`)}</span>
                        )}
                      </span>
                      <span className="tile-title">{item.title}</span>
                    </button>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
