// What lists show of an item, built in one place for the list's pages and the change events.
import { pendingReview, type Item } from '../core/model';
import type { ItemSummary } from '../contract';

/** Picked by hand, not parsed: the catalog is already valid. */
export function itemSummary(item: Item): ItemSummary {
  const { id, kind, identifier, title, eventDate, places, people, subjects } = item;
  const { editorialStatus, collections, tags, createdAt, updatedAt } = item;
  return {
    ...{ id, kind, identifier, title, eventDate, places, people, subjects },
    ...{ editorialStatus, collections, tags, createdAt, updatedAt },
    cover: item.files.find((f) => f.mime.startsWith('image/'))?.sha256,
    pendingReview: pendingReview(item),
  };
}
