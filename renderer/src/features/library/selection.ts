/**
 * Multi-selection as in a file manager: click, Ctrl/⌘-click toggles, Shift-click extends a range.
 * Rows are known by their place in the list, since a range may cover rows not loaded yet.
 */
export interface Selection {
  ids: ReadonlySet<string>;
  /** The row a Shift-range starts from. */
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** The ids of rows from..to, inclusive and in order, fetched if not loaded. */
export type RangeIds = (from: number, to: number) => Promise<string[]>;

export async function selectWithModifiers(
  selection: Selection,
  rangeIds: RangeIds,
  index: number,
  id: string,
  modifiers: { shift?: boolean; toggle?: boolean },
): Promise<Selection> {
  if (modifiers.shift && selection.anchor !== null) {
    const range = await rangeIds(Math.min(selection.anchor, index), Math.max(selection.anchor, index));
    const ids = modifiers.toggle ? new Set([...selection.ids, ...range]) : new Set(range);
    return { ids, anchor: selection.anchor };
  }
  if (modifiers.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: index };
  }
  return { ids: new Set([id]), anchor: index };
}

/** Arrow keys move the focus over `count` rows; with Shift they extend the selection as Shift-click would. */
export async function moveSelection(
  selection: Selection,
  rangeIds: RangeIds,
  count: number,
  current: number | null,
  step: number,
  shift: boolean,
): Promise<{ selection: Selection; focus: number | null }> {
  if (count === 0) return { selection, focus: null };
  const next = Math.min(count - 1, Math.max(0, (current ?? -1) + step));
  const [id] = await rangeIds(next, next);
  if (id === undefined) return { selection, focus: current };
  return { selection: await selectWithModifiers(selection, rangeIds, next, id, { shift }), focus: next };
}
