import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  moveSelection,
  selectWithModifiers,
} from '../../renderer/src/features/library/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('list selection', () => {
  it('click selects one, Ctrl-click toggles, Shift-click selects a range from the anchor', () => {
    let s = selectWithModifiers(EMPTY_SELECTION, order, 'b', {});
    expect(ids(s)).toEqual(['b']);
    s = selectWithModifiers(s, order, 'd', { toggle: true });
    expect(ids(s)).toEqual(['b', 'd']);
    s = selectWithModifiers(s, order, 'b', { toggle: true });
    expect(ids(s)).toEqual(['d']);
    // The anchor is where the last plain or Ctrl-click was, as in a file manager.
    s = selectWithModifiers(s, order, 'a', { shift: true });
    expect(ids(s)).toEqual(['a', 'b']);
    s = selectWithModifiers(s, order, 'e', { shift: true });
    expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
    s = selectWithModifiers(s, order, 'a', { shift: true, toggle: true });
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('arrow keys move, and extend with Shift', () => {
    let { selection, focus } = moveSelection(EMPTY_SELECTION, order, null, 1, false);
    expect([focus, ids(selection)]).toEqual(['a', ['a']]);
    ({ selection, focus } = moveSelection(selection, order, focus, 1, true));
    ({ selection, focus } = moveSelection(selection, order, focus, 1, true));
    expect([focus, ids(selection)]).toEqual(['c', ['a', 'b', 'c']]);
    ({ selection, focus } = moveSelection(selection, order, focus, 100, false));
    expect([focus, ids(selection)]).toEqual(['e', ['e']]);
  });
});
