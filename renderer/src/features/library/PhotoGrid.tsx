import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { api } from '../../api/client';
import type { ItemSummary } from './columns';
import { selectWithModifiers, type Selection } from './selection';

const GAP = 12;
const CAPTION_HEIGHT = 40;

interface Props {
  items: ItemSummary[];
  tileSize: number;
  selection: Selection;
  emptyText: string;
  onTileSize: (size: number) => void;
  onSelection: (selection: Selection) => void;
  onOpen: (id: string) => void;
}

/** Thumbnails in rows; only the rows in view are rendered. The slider sets the tile size. */
export function PhotoGrid({ items, tileSize, selection, emptyText, onTileSize, onSelection, onOpen }: Props) {
  const { t } = useTranslation();
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
  const rows = Math.ceil(items.length / perRow);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => tileSize + CAPTION_HEIGHT + GAP,
    overscan: 3,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [tileSize, virtualizer]);
  const order = items.map((i) => i.id);

  function click(event: MouseEvent, id: string) {
    onSelection(
      selectWithModifiers(selection, order, id, {
        shift: event.shiftKey,
        toggle: event.ctrlKey || event.metaKey,
      }),
    );
    if (!event.shiftKey && !event.ctrlKey && !event.metaKey) onOpen(id);
  }

  return (
    <div className="photo-grid-wrap">
      <div className="table-tools">
        <span className="count">{t('list.count', { count: items.length })}</span>
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
        {items.length === 0 && <p className="empty">{emptyText}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.index}
              className="photo-row"
              style={{ transform: `translateY(${row.start}px)`, gap: GAP }}
            >
              {items.slice(row.index * perRow, row.index * perRow + perRow).map((item) => (
                // The list item holds the button: a button cannot itself be a list item and also say whether it is pressed.
                <div role="listitem" key={item.id} className="photo-cell" style={{ width: tileSize }}>
                  <button
                    type="button"
                    className={`photo-tile${selection.ids.has(item.id) ? ' selected' : ''}`}
                    aria-pressed={selection.ids.has(item.id)}
                    onClick={(e) => click(e, item.id)}
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
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
