import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  moveSelection,
  selectWithModifiers,
} from '../../renderer/src/features/library/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const asked: [number, number][] = [];
/** Rows by place, as a paged list gives them; records what was asked. */
const rangeIds = async (from: number, to: number) => {
  asked.push([from, to]);
  return order.slice(from, to + 1);
};
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();
const at = (id: string) => order.indexOf(id);

describe('list selection', () => {
  it('click selects one, Ctrl-click toggles, Shift-click selects a range from the anchor', async () => {
    const select = (
      s: typeof EMPTY_SELECTION,
      id: string,
      modifiers: { shift?: boolean; toggle?: boolean },
    ) => selectWithModifiers(s, rangeIds, at(id), id, modifiers);
    let s = await select(EMPTY_SELECTION, 'b', {});
    expect(ids(s)).toEqual(['b']);
    s = await select(s, 'd', { toggle: true });
    expect(ids(s)).toEqual(['b', 'd']);
    s = await select(s, 'b', { toggle: true });
    expect(ids(s)).toEqual(['d']);
    // The anchor is where the last plain or Ctrl-click was, as in a file manager.
    s = await select(s, 'a', { shift: true });
    expect(ids(s)).toEqual(['a', 'b']);
    asked.length = 0;
    s = await select(s, 'e', { shift: true });
    expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
    // A range is asked of the list by place: rows not loaded are fetched for it.
    expect(asked).toEqual([[1, 4]]);
    s = await select(s, 'a', { shift: true, toggle: true });
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('arrow keys move, and extend with Shift', async () => {
    let { selection, focus } = await moveSelection(EMPTY_SELECTION, rangeIds, order.length, null, 1, false);
    expect([focus, ids(selection)]).toEqual([0, ['a']]);
    ({ selection, focus } = await moveSelection(selection, rangeIds, order.length, focus, 1, true));
    ({ selection, focus } = await moveSelection(selection, rangeIds, order.length, focus, 1, true));
    expect([focus, ids(selection)]).toEqual([2, ['a', 'b', 'c']]);
    ({ selection, focus } = await moveSelection(selection, rangeIds, order.length, focus, 100, false));
    expect([focus, ids(selection)]).toEqual([4, ['e']]);
  });
});
