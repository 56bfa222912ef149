// Use cases of catalogue items: list, read, write, import, review.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { throwIfCancelled } from '../../core/errors';
import type { JobContext } from '../../core/jobs';
import type { OcrRunResult } from '../../core/ocr/runOcr';
import { AppFailure } from '../errors';
import type { addPaths as AddPaths } from '../../core/ingest';
import { cleanupDiff, reviewSuggestion } from '../../core/ingest/review';
import { resolveGarbled } from '../../core/ingest/garbledReview';
import { bulkEditable, patchForField, type Item, type ItemPatchInput } from '../../core/model';
import { offerTypeset } from '../../core/ingest/typesetReview';
import { checkLibraryForDuplicates, compareDuplicate } from '../../core/duplicates';
import { itemOrThrow, type AppContext, type Handlers } from '../context';
import { itemOverview } from './itemOverview';
import { itemSummary } from '../itemSummary';

type ItemHandlers = Pick<
  Handlers,
  | 'items.list'
  | 'items.overview'
  | 'items.get'
  | 'items.summaries'
  | 'items.create'
  | 'items.update'
  | 'items.delete'
  | 'items.bulkUpdate'
  | 'items.relate'
  | 'items.history'
  | 'items.undo'
  | 'items.add'
  | 'uploads.import'
  | 'items.cleanupDiff'
  | 'items.offerTypeset'
  | 'items.reviewSuggestion'
  | 'items.resolveGarbled'
  | 'items.compareDuplicate'
  | 'items.findDuplicates'
>;

/**
 * Import, loaded when first needed: its readers (images, Word, PDF, audio) weigh tens of MB a
 * server that only searches need not carry.
 */
async function importPaths(...args: Parameters<typeof AddPaths>): ReturnType<typeof AddPaths> {
  const { addPaths } = await import('../../core/ingest');
  return addPaths(...args);
}

type Imported = Awaited<ReturnType<typeof AddPaths>>;

/**
 * 识别文字 on import, for every door (`wenshi add --ocr`, the import panel): once the import is
 * safely in, the items added that have page images (photos, scans, PDFs) are read in the same job.
 * A dry run or a cancelled import reads nothing.
 */
async function readImported(
  library: AppContext['library'],
  result: Imported,
  ocr: boolean,
  context: JobContext,
): Promise<Imported & { ocr?: OcrRunResult }> {
  if (!ocr || result.dryRun || result.cancelled || result.added.length === 0) return result;
  const { runOcr, ocrFiles } = await import('../../core/ocr');
  const scans = result.added.filter((id) => ocrFiles(library.catalog.require(id)).length > 0);
  if (scans.length === 0) return { ...result, ocr: { items: [], pagesRead: 0 } };
  return { ...result, ocr: await runOcr(library, scans, context) };
}

/**
 * What a bulk edit writes to one item: the values set, any form field set by its path (a field
 * inside a group keeps the rest of the group), and list values added to what the item has.
 */
function bulkPatch(
  item: Item,
  set: ItemPatchInput | undefined,
  setFields: { path: string; value: unknown }[] | undefined,
  add: Partial<Record<string, unknown[]>> | undefined,
): ItemPatchInput {
  let fields: Record<string, unknown> = item;
  for (const { path: field, value } of setFields ?? [])
    fields = { ...fields, ...patchForField(fields, field, value) };
  const patch = Object.fromEntries(
    (setFields ?? []).map(({ path: field }) => {
      const top = field.split('.')[0]!;
      return [top, fields[top]];
    }),
  );
  const merged = Object.fromEntries(
    Object.entries(add ?? {}).map(([key, values]) => [
      key,
      [...((item as unknown as Record<string, unknown[]>)[key] ?? []), ...(values ?? [])],
    ]),
  );
  return { ...set, ...patch, ...merged };
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
        return item ? [itemSummary(item)] : [];
      });
      return { total: page.total, items, ...(page.facets && { facets: page.facets }) };
    },
    'items.overview': async ({ createdSince }) => itemOverview(app.search, createdSince),
    'items.get': async ({ id }) => itemOrThrow(app, id),
    // The few items a volume holds, by id: the editor need not list the whole library to name them.
    'items.summaries': async ({ ids }) =>
      ids.flatMap((id) => {
        const item = library.catalog.get(id);
        return item ? [itemSummary(item)] : [];
      }),
    'items.create': async (fields) => library.createItem(fields),
    'items.update': async ({ id, patch }) => library.updateItem(id, patch),
    'items.delete': async ({ id }) => ({ id: (await library.deleteItem(id)).id }),
    'items.bulkUpdate': async ({ ids, set, setFields, add }, context) => {
      const items = ids.map((id) => itemOrThrow(app, id));
      const customKeys = new Set(library.info.settings.form.customFields.map((f) => `custom.${f.key}`));
      for (const { path: field } of setFields ?? [])
        if (!bulkEditable(field) && !customKeys.has(field))
          throw new AppFailure('invalid_argument', 'field_not_bulk_editable', { field });
      // Committed in groups: one write per touched shard and one audit append a group.
      for (let start = 0; start < items.length; start += BULK_GROUP) {
        throwIfCancelled(context.signal);
        const group = items.slice(start, start + BULK_GROUP);
        context.onProgress?.({ phase: 'bulk', done: start, total: items.length, current: group[0]!.title });
        await library.updateItems(
          group.map((item) => ({ id: item.id, patch: bulkPatch(item, set, setFields, add) })),
        );
      }
      context.onProgress?.({ phase: 'bulk', done: items.length, total: items.length });
      return { updated: items.length };
    },
    'items.relate': async ({ id, other, role, unlink }) =>
      (await library.relate([{ id, other, role, unlink }]))[0]!,
    'items.history': async ({ id }) => library.audit.entriesFor(id),
    'items.undo': async ({ entryId, field }) => library.undo(entryId, field),
    'items.add': async ({ paths, ocr, ...options }, context) =>
      readImported(library, await importPaths(library, paths, { ...context, ...options }), ocr, context),
    'uploads.import': async ({ batchId, ocr }, context) => {
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
        const reported = {
          ...result,
          skipped: result.skipped.map(relative),
          failed: result.failed.map(relative),
        };
        return await readImported(library, reported, ocr, context);
      } finally {
        // The originals are now in files/; the staged copies are not needed again.
        await rm(dir, { recursive: true, force: true });
      }
    },
    'items.cleanupDiff': async ({ id }) =>
      cleanupDiff(itemOrThrow(app, id), library.info.settings.quoteStyle),
    'items.offerTypeset': async ({ id }) => offerTypeset(library, id),
    'items.reviewSuggestion': async ({ id, index, accept }) => reviewSuggestion(library, id, index, accept),
    'items.resolveGarbled': async ({ id, run, resolution }) => resolveGarbled(library, id, run, resolution),
    'items.compareDuplicate': async ({ id, index }) => compareDuplicate(library, id, index),
    'items.findDuplicates': async (_args, context) => checkLibraryForDuplicates(library, context),
  };
}
