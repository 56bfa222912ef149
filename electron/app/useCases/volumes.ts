// Use cases of volumes (卷): edit them, count them, compile them to PDF.
import path from 'node:path';
import { AppFailure } from '../errors';
import { VolumeSchema, type Volume } from '../../core/model';
import { writeFileDurably } from '../../core/storage';
import {
  countVolume,
  garbledArticles,
  markGarbled,
  resolveBook,
  titleChecks,
  volumeFromItems,
} from '../../core/volumes';
import {
  exportTarget,
  itemOrThrow,
  itemsByCreation,
  itemSource,
  safeFileName,
  stamp,
  type AppContext,
  type Handlers,
} from '../context';

type VolumeHandlers = Pick<
  Handlers,
  'volumes.list' | 'volumes.get' | 'volumes.create' | 'volumes.update' | 'volumes.delete' | 'volumes.compile'
>;

/** A volume of the given items (or all, by creation) in one untitled section, for a quick print. */
export function adHocVolume(app: AppContext, itemIds: string[] | undefined, title: string | undefined): Volume {
  // An empty selection is not "everything": only leaving the list out (the CLI without --items) is.
  if (itemIds?.length === 0) throw new AppFailure('invalid_argument', 'no_items_selected');
  // The items in the order given (a repeated id once), never re-sorted.
  const items = itemIds ? [...new Set(itemIds)].map((id) => itemOrThrow(app, id)) : itemsByCreation(app);
  if (items.length === 0) throw new AppFailure('invalid_argument', 'nothing_to_compile');
  const now = app.library.clock().toISOString();
  return VolumeSchema.parse({
    ...volumeFromItems(title ?? app.library.info.name, items),
    id: 'items',
    createdAt: now,
    updatedAt: now,
  });
}

export function volumeUseCases(app: AppContext): VolumeHandlers {
  const { library, volumes } = app;
  return {
    'volumes.list': async () =>
      volumes.list().map((volume) => ({
        id: volume.id,
        title: volume.title,
        subtitle: volume.subtitle,
        series: volume.series,
        articles: volume.sections.reduce((n, s) => n + s.articles.length, 0),
        chars: countVolume(volume, itemSource(app)).total,
        updatedAt: volume.updatedAt,
      })),
    'volumes.get': async ({ id }) => {
      const volume = volumes.get(id);
      return {
        volume,
        counts: countVolume(volume, itemSource(app)),
        titles: titleChecks(volume, itemSource(app)),
      };
    },
    'volumes.create': async (fields) => {
      library.assertWritable();
      return volumes.create(fields);
    },
    'volumes.update': async ({ id, fields }) => {
      library.assertWritable();
      return volumes.update(id, fields);
    },
    'volumes.delete': async ({ id }) => {
      library.assertWritable();
      return { id: (await volumes.delete(id)).id };
    },
    'volumes.compile': async (
      { volumeId, itemIds, title, output, pdfx, cropMarks, garbled = 'stop' },
      context,
    ) => {
      const volume = volumeId ? volumes.get(volumeId) : adHocVolume(app, itemIds, title);
      // 乱码 is found before anything is typeset: by default it stops the compile, by name.
      const garbledFound = garbledArticles(volume, itemSource(app));
      if (garbled === 'stop' && garbledFound.length > 0)
        throw new AppFailure('invalid_argument', 'garbled_articles', {
          count: String(garbledFound.length),
          articles: garbledFound.map((g) => `《${g.title}》（${g.runs.join('、')}）`).join('、'),
        });
      const resolved = resolveBook(volume, itemSource(app), {
        people: app.vocabulary.terms('people').map((t) => t.value),
        places: app.vocabulary.terms('places').map((t) => t.value),
      });
      const book = garbled === 'mark' ? markGarbled(resolved, garbledFound) : resolved;
      if (pdfx !== undefined || cropMarks !== undefined)
        book.print = {
          padTo: book.print?.padTo ?? 4,
          pdfx: pdfx ?? book.print?.pdfx ?? false,
          cropMarks: cropMarks ?? book.print?.cropMarks ?? false,
        };
      if (book.sections.every((s) => s.articles.length === 0))
        throw new AppFailure('invalid_argument', 'volume_without_articles');
      // Loaded when first needed: the PDF engine and its fonts weigh tens of MB a server
      // that only searches need not carry.
      const { compileVolume } = await import('../../core/compile');
      const { pdf, report } = await compileVolume({
        book,
        fonts: app.fonts,
        signal: context.signal,
        onProgress: context.onProgress,
      });
      const fileName = `${safeFileName(volume.title)}-${stamp(library.clock())}.pdf`;
      const target = exportTarget(app, output, context, fileName);
      await writeFileDurably(target, pdf);
      return {
        fileName: path.basename(target),
        path: target,
        bytes: pdf.length,
        ...report,
        titles: titleChecks(volume, itemSource(app)),
        garbled: garbledFound.map((g) => ({ itemId: g.itemId, title: g.title, runs: g.runs })),
      };
    },
  };
}
