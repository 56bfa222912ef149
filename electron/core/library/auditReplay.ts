import { ItemSchema, type Item } from '../model';
import type { AuditEntry } from './auditLog';

/**
 * The catalog as the audit log tells it: every entry replayed in order. A creation carries every
 * field of the new item (its diff from nothing), an edit the fields it changed, a deletion ends
 * the item. So an item whose catalog file was lost can be made again from the log, with its id,
 * its first entry's time as createdAt and its last entry's as updatedAt.
 */
export function replayAudit(entries: readonly AuditEntry[]): Map<string, Item> {
  const state = new Map<string, Record<string, unknown>>();
  for (const entry of entries) {
    if (entry.action === 'delete') {
      state.delete(entry.itemId);
      continue;
    }
    const current =
      entry.action === 'create' ? { id: entry.itemId, createdAt: entry.at } : state.get(entry.itemId);
    // An edit of an item the log never saw created (a log begun after it) cannot be replayed whole.
    if (!current) continue;
    for (const change of entry.changes) {
      if (change.new === undefined) delete current[change.field];
      else current[change.field] = change.new;
    }
    current['updatedAt'] = entry.at;
    state.set(entry.itemId, current);
  }
  const items = new Map<string, Item>();
  for (const [id, record] of state) {
    const parsed = ItemSchema.safeParse(record);
    if (parsed.success) items.set(id, parsed.data);
  }
  return items;
}
