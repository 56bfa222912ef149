import { useCallback, useEffect, useRef, useState } from 'react';

export interface FixedRow {
  index: number;
  /** Offset from the top of the rows, in px. */
  start: number;
}

/**
 * Rows of one height in a scrolling element: those in view, with `overscan` more on each side,
 * worked out from the scroll position alone. Nothing is kept per row, so 100,000 rows cost no
 * more than 100 (a general virtualizer builds a measurement for every row whenever the count
 * changes, which showed in the time to the first rows).
 */
export function useFixedRows(count: number, rowHeight: number, overscan: number) {
  // The element in state, so the listeners follow it when it mounts; in a ref, for scrolling it.
  const [element, setElement] = useState<HTMLElement | null>(null);
  const scroller = useRef<HTMLElement | null>(null);
  /** The element holding the rows, below whatever the scrolled area shows above them (the header). */
  const rowsElement = useRef<HTMLDivElement | null>(null);
  const ref = useCallback((node: HTMLElement | null) => {
    scroller.current = node;
    setElement(node);
  }, []);
  const [view, setView] = useState({ top: 0, height: 0 });

  useEffect(() => {
    if (!element) return;
    const read = () =>
      setView((old) =>
        old.top === element.scrollTop && old.height === element.clientHeight
          ? old
          : { top: element.scrollTop, height: element.clientHeight },
      );
    read();
    element.addEventListener('scroll', read, { passive: true });
    // Absent only where there is no layout (jsdom).
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(read);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [element]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const rows: FixedRow[] = [];
  for (let index = first; index <= last; index++) rows.push({ index, start: index * rowHeight });

  /**
   * Scrolls just enough to bring a row fully into view (keyboard focus moving past the edge),
   * clear of the sticky header above the rows, which covers the top of the scrolled area.
   */
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const header = rowsElement.current
        ? rowsElement.current.getBoundingClientRect().top -
          element.getBoundingClientRect().top +
          element.scrollTop
        : 0;
      const top = header + index * rowHeight;
      const bottom = top + rowHeight;
      if (top < element.scrollTop + header) element.scrollTop = top - header;
      else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
    },
    [rowHeight],
  );

  return { ref, rowsRef: rowsElement, rows, totalSize: count * rowHeight, scrollToIndex };
}
