// Use cases of catalogue items: list, read, write, import, review.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { throwIfCancelled, WenshiError } from '../../core/errors';
import { addPaths, cleanupDiff, reviewSuggestion } from '../../core/ingest';
import type { Item } from '../../core/model';
import { itemOrThrow, type AppContext, type Handlers } from '../context';
import { itemOverview } from './itemOverview';

type ItemHandlers = Pick<
  Handlers,
  | 'items.list'
  | 'items.overview'
  | 'items.get'
  | 'items.create'
  | 'items.update'
  | 'items.delete'
  | 'items.bulkUpdate'
  | 'items.history'
  | 'items.undo'
  | 'items.add'
  | 'uploads.import'
  | 'items.cleanupDiff'
  | 'items.reviewSuggestion'
>;

/** What lists show of an item. Picked by hand, not parsed: the catalog is already valid. */
function summary(item: Item) {
  const { id, kind, identifier, title, eventDate, places, people, subjects } = item;
  const { editorialStatus, collections, tags, createdAt, updatedAt } = item;
  return {
    ...{ id, kind, identifier, title, eventDate, places, people, subjects },
    ...{ editorialStatus, collections, tags, createdAt, updatedAt },
    cover: item.files.find((f) => f.mime.startsWith('image/'))?.sha256,
    pendingReview: item.suggestions.length + item.mojibake.length,
  };
}

/** Items a bulk edit commits together; the progress bar moves a group at a time. */
const BULK_GROUP = 500;

export function itemUseCases(app: AppContext): ItemHandlers {
  const { library } = app;
  return {
    // The same query engine as search: the index filters, sorts and pages; only the page's
    // summaries are built here, from the catalog.
    'items.list': async ({ kind, filters, sort, descending, offset, limit, facets }) => {
      const page = await app.search.query({
        filters: kind ? { ...filters, kind: [kind] } : filters,
        sort,
        descending: descending ?? sort === 'created',
        offset,
        limit,
        facets,
        snippets: false,
      });
      const items = page.hits.flatMap((hit) => {
        const item = library.catalog.get(hit.id);
        return item ? [summary(item)] : [];
      });
      return { total: page.total, items, ...(page.facets && { facets: page.facets }) };
    },
    'items.overview': async ({ createdSince }) => itemOverview(app.search, createdSince),
    'items.get': async ({ id }) => itemOrThrow(app, id),
    'items.create': async (fields) => library.createItem(fields),
    'items.update': async ({ id, patch }) => library.updateItem(id, patch),
    'items.delete': async ({ id }) => ({ id: (await library.deleteItem(id)).id }),
    'items.bulkUpdate': async ({ ids, set, add }, context) => {
      const items = ids.map((id) => itemOrThrow(app, id));
      // Committed in groups: one write per touched shard and one audit append a group.
      for (let start = 0; start < items.length; start += BULK_GROUP) {
        throwIfCancelled(context.signal);
        const group = items.slice(start, start + BULK_GROUP);
        context.onProgress?.({ phase: 'bulk', done: start, total: items.length, current: group[0]!.title });
        await library.updateItems(
          group.map((item) => {
            const merged = Object.fromEntries(
              Object.entries(add ?? {}).map(([key, values]) => [
                key,
                [...item[key as 'tags'], ...(values ?? [])],
              ]),
            );
            return { id: item.id, patch: { ...set, ...merged } };
          }),
        );
      }
      context.onProgress?.({ phase: 'bulk', done: items.length, total: items.length });
      return { updated: items.length };
    },
    'items.history': async ({ id }) => library.audit.entriesFor(id),
    'items.undo': async ({ entryId }) => library.undo(entryId),
    'items.add': async ({ paths, ...options }, context) =>
      addPaths(library, paths, { ...context, ...options }),
    'uploads.import': async ({ batchId }, context) => {
      const dir = library.path('.incoming', batchId);
      if (!(await stat(dir).catch(() => null))?.isDirectory())
        throw new WenshiError('not_found', '没有收到这批上传的文件，请重新拖入');
      try {
        const result = await addPaths(library, [dir], { ...context, recursive: true });
        // Reasons name files by their place in the dropped folder, not the staging folder.
        const relative = (r: { path: string; reason: string }) => ({
          ...r,
          path: path.relative(dir, r.path),
        });
        return { ...result, skipped: result.skipped.map(relative), failed: result.failed.map(relative) };
      } finally {
        // The originals are now in files/; the staged copies are not needed again.
        await rm(dir, { recursive: true, force: true });
      }
    },
    'items.cleanupDiff': async ({ id }) => cleanupDiff(itemOrThrow(app, id)),
    'items.reviewSuggestion': async ({ id, index, accept }) => reviewSuggestion(library, id, index, accept),
  };
}
