import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useMessages } from '../../messages/useMessages';
import type { PagedList } from './pagedList';
import { moveSelection, selectWithModifiers, type Selection } from './selection';

interface Options {
  list: PagedList;
  count: number;
  selection: Selection;
  onSelection: (selection: Selection) => void;
  onOpen: (id: string) => void;
  /** The focused row moved (by keyboard): scroll it into view. */
  onFocus?: (index: number) => void;
}

/** What the selection is and where the keyboard is. */
interface Cursor {
  selection: Selection;
  focus: number | null;
}

const STEPS: Record<string, number> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: 20,
  PageUp: -20,
  Home: -Infinity,
  End: Infinity,
};

/**
 * Click, Ctrl/⌘-click, Shift-click and keys over a paged list. A range over rows not loaded
 * waits for their pages, so each change is queued behind the one before and starts from it:
 * keys pressed quickly are not lost.
 */
export function useListSelection({ list, count, selection, onSelection, onOpen, onFocus }: Options) {
  const { showError } = useMessages();
  // The focused row belongs to one list: in another view or order nothing is focused.
  const [focused, setFocused] = useState<{ list: PagedList; index: number | null }>({ list, index: null });
  const focus = focused.list === list ? focused.index : null;
  const state = useRef<Cursor>({ selection, focus });
  const queue = useRef(Promise.resolve());
  useEffect(() => {
    state.current = { selection, focus };
  }, [selection, focus]);

  const rangeIds = useCallback((from: number, to: number) => list.ids(from, to), [list]);
  const run = useCallback(
    (change: (current: Cursor) => Promise<Partial<Cursor>>) => {
      queue.current = queue.current
        .then(async () => {
          const next = { ...state.current, ...(await change(state.current)) };
          state.current = next;
          onSelection(next.selection);
          setFocused({ list, index: next.focus });
        })
        .catch(showError);
    },
    [list, onSelection, showError],
  );

  const click = useCallback(
    (event: MouseEvent, index: number, id: string) => {
      const modifiers = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
      run(async (s) => ({
        selection: await selectWithModifiers(s.selection, rangeIds, index, id, modifiers),
        focus: index,
      }));
      if (!modifiers.shift && !modifiers.toggle) onOpen(id);
    },
    [run, rangeIds, onOpen],
  );

  function keyDown(event: KeyboardEvent) {
    const step = STEPS[event.key];
    const current = focus === null ? undefined : list.at(focus);
    if (step !== undefined) {
      event.preventDefault();
      const shift = event.shiftKey;
      const by = Number.isFinite(step) ? step : step > 0 ? count : -count;
      run(async (s) => {
        const moved = await moveSelection(s.selection, rangeIds, count, s.focus, by, shift);
        if (moved.focus !== null) onFocus?.(moved.focus);
        return moved;
      });
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      onOpen(current.id);
    } else if (event.key === ' ' && current && focus !== null) {
      event.preventDefault();
      run(async (s) => ({
        selection: await selectWithModifiers(s.selection, rangeIds, focus, current.id, { toggle: true }),
      }));
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // Every row's id: the pages not loaded are fetched, one page a request.
      run(async () => ({
        selection: { ids: new Set(count ? await rangeIds(0, count - 1) : []), anchor: 0 },
      }));
    }
  }

  return { focus, click, keyDown };
}
