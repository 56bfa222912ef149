// Use cases of catalogue items: list, read, write, import, review.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { throwIfCancelled } from '../../core/errors';
import { AppFailure } from '../errors';
import type { addPaths as AddPaths } from '../../core/ingest';
import { cleanupDiff, reviewSuggestion } from '../../core/ingest/review';
import { offerTypeset } from '../../core/ingest/typesetReview';
import { itemOrThrow, type AppContext, type Handlers } from '../context';
import { itemOverview } from './itemOverview';
import { itemSummary } from '../itemSummary';

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
  | 'items.offerTypeset'
  | 'items.reviewSuggestion'
>;

/**
 * Import, loaded when first needed: its readers (images, Word, PDF, audio) weigh tens of MB a
 * server that only searches need not carry.
 */
async function importPaths(...args: Parameters<typeof AddPaths>): ReturnType<typeof AddPaths> {
  const { addPaths } = await import('../../core/ingest');
  return addPaths(...args);
}

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
        return item ? [itemSummary(item)] : [];
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
      for (const [index, item] of items.entries()) {
        throwIfCancelled(context.signal);
        context.onProgress?.({ phase: 'bulk', done: index, total: items.length, current: item.title });
        const merged = Object.fromEntries(
          Object.entries(add ?? {}).map(([key, values]) => [
            key,
            [...item[key as 'tags'], ...(values ?? [])],
          ]),
        );
        await library.updateItem(item.id, { ...set, ...merged });
      }
      return { updated: items.length };
    },
    'items.history': async ({ id }) => library.audit.entriesFor(id),
    'items.undo': async ({ entryId }) => library.undo(entryId),
    'items.add': async ({ paths, ...options }, context) =>
      importPaths(library, paths, { ...context, ...options }),
    'uploads.import': async ({ batchId }, context) => {
      const dir = library.path('.incoming', batchId);
      if (!(await stat(dir).catch(() => null))?.isDirectory())
        throw new AppFailure('not_found', 'upload_missing');
      try {
        const result = await importPaths(library, [dir], { ...context, recursive: true });
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
    'items.cleanupDiff': async ({ id }) =>
      cleanupDiff(itemOrThrow(app, id), library.info.settings.quoteStyle),
    'items.offerTypeset': async ({ id }) => offerTypeset(library, id),
    'items.reviewSuggestion': async ({ id, index, accept }) => reviewSuggestion(library, id, index, accept),
  };
}
