// Links between items (相关条目) go both ways; this keeps the other end of every link in step.
import type { ItemChange } from '../catalog';
import type { Item, Relation } from '../model';

/** An item's links; items stored before links existed have none. */
export function relationsOf(item: Item | undefined): Relation[] {
  return item?.related ?? [];
}

/** The list with `other` linked under `role` (its old role kept when none is given), or without it. */
export function withRelation(list: readonly Relation[], other: string, role?: string): Relation[] {
  const at = list.findIndex((r) => r.id === other);
  if (at < 0) return [...list, { id: other, role: role ?? '' }];
  const next = [...list];
  next[at] = { id: other, role: role ?? list[at]!.role };
  return next;
}

export function withoutRelation(list: readonly Relation[], other: string): Relation[] {
  return list.filter((r) => r.id !== other);
}

const same = (a: readonly Relation[], b: readonly Relation[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Completes a change so that links stay symmetric: an item whose list gained a link (or a new
 * role) gives the other item the same link back; one whose list lost a link, or that is deleted,
 * is taken off the other item's list. Links to items that do not exist once the change is made are
 * dropped. The other items' edits join the change (one commit, each with its audit entry); a change
 * already touching an item is edited in place, so callers holding it see the final item.
 */
export function withMirroredRelations(
  changes: ItemChange[],
  stored: (id: string) => Item | undefined,
  withRelations: (item: Item, related: Relation[]) => Item,
): ItemChange[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const current = (id: string) => (byId.has(id) ? byId.get(id)!.after : stored(id));
  const setRelations = (id: string, related: Relation[]) => {
    const change = byId.get(id);
    if (change) change.after = withRelations(change.after!, related);
    else {
      const before = stored(id)!;
      const added = { id, before, after: withRelations(before, related) };
      byId.set(id, added);
      changes.push(added);
    }
  };
  for (const change of [...changes]) {
    const before = relationsOf(change.before);
    let after = relationsOf(change.after);
    if (change.after && after.length > 0) {
      const kept = after.filter((r) => r.id !== change.id && current(r.id) !== undefined);
      if (kept.length !== after.length) change.after = withRelations(change.after, (after = kept));
    }
    if (same(before, after)) continue;
    for (const link of after) {
      const other = relationsOf(current(link.id));
      const back = other.find((r) => r.id === change.id);
      if (!back || back.role !== link.role) setRelations(link.id, withRelation(other, change.id, link.role));
    }
    for (const link of before) {
      if (after.some((r) => r.id === link.id)) continue;
      const other = current(link.id);
      if (other && relationsOf(other).some((r) => r.id === change.id))
        setRelations(link.id, withoutRelation(relationsOf(other), change.id));
    }
  }
  return changes;
}
