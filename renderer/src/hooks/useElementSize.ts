import { useEffect, useState } from 'react';

export interface ElementSize {
  width: number;
  height: number;
  /** The element's font size in pixels, for estimating how much text fits. */
  fontSize: number;
}

const UNMEASURED: ElementSize = { width: 0, height: 0, fontSize: 0 };

/**
 * An element and its content box size, kept up to date as panes are dragged and windows resized.
 * Pass `setElement` as the element's ref; the size is 0 × 0 until it is first measured.
 */
export function useElementSize<T extends HTMLElement>(): {
  setElement: (element: T | null) => void;
  element: T | null;
  size: ElementSize;
} {
  const [element, setElement] = useState<T | null>(null);
  const [size, setSize] = useState<ElementSize>(UNMEASURED);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      const fontSize = parseFloat(getComputedStyle(element).fontSize) || 0;
      setSize((old) =>
        old.width === width && old.height === height && old.fontSize === fontSize
          ? old
          : { width, height, fontSize },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return { setElement, element, size };
}
