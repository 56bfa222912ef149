/** Multi-selection as in a file manager: click, Ctrl/⌘-click toggles, Shift-click extends a range. */
export interface Selection {
  ids: ReadonlySet<string>;
  /** Where a Shift-range starts. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function selectWithModifiers(
  selection: Selection,
  order: readonly string[],
  id: string,
  modifiers: { shift?: boolean; toggle?: boolean },
): Selection {
  if (modifiers.shift && selection.anchor !== null) {
    const from = order.indexOf(selection.anchor);
    const to = order.indexOf(id);
    if (from >= 0 && to >= 0) {
      const [a, b] = from < to ? [from, to] : [to, from];
      const range = order.slice(a, b + 1);
      const ids = modifiers.toggle ? new Set([...selection.ids, ...range]) : new Set(range);
      return { ids, anchor: selection.anchor };
    }
  }
  if (modifiers.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

/** Arrow keys move the focus; with Shift they extend the selection as Shift-click would. */
export function moveSelection(
  selection: Selection,
  order: readonly string[],
  current: string | null,
  step: number,
  shift: boolean,
): { selection: Selection; focus: string | null } {
  if (order.length === 0) return { selection, focus: null };
  const index = current === null ? -1 : order.indexOf(current);
  const next = order[Math.min(order.length - 1, Math.max(0, index + step))]!;
  const selected = shift
    ? selectWithModifiers(selection, order, next, { shift: true })
    : selectWithModifiers(selection, order, next, {});
  return { selection: selected, focus: next };
}
