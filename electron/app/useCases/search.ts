// Use cases of finding things: full-text search, saved searches, the vocabulary pickers.
import { runnable, type SavedSearch } from '../../core/library';
import { XUCHANG_GAZETTEER, flattenGazetteer } from '../../core/vocabulary';
import type { AppContext, Handlers } from '../context';

type SearchHandlers = Pick<
  Handlers,
  | 'search.query'
  | 'search.status'
  | 'searches.list'
  | 'searches.save'
  | 'searches.rename'
  | 'searches.delete'
  | 'vocabulary.get'
  | 'vocabulary.match'
>;

export function searchUseCases(app: AppContext): SearchHandlers {
  const { library } = app;
  /** A change of saved searches (a setting of the library) is told to every open window. */
  const savedSearchesChanged = (list: SavedSearch[]) => {
    app.emit({ type: 'library' });
    return list.map(runnable);
  };
  return {
    'search.query': async ({ query, limit, offset, sort, filters, facets }) =>
      app.search.search(query, { limit, offset, sort, filters, facets }),
    'search.status': async () => ({ ready: app.search.loaded, items: library.catalog.size }),
    'searches.list': async () => library.info.settings.savedSearches.map(runnable),
    'searches.save': async ({ replace, ...search }) =>
      savedSearchesChanged(await library.saveSearch(search, { replace })),
    'searches.rename': async ({ id, name }) => savedSearchesChanged(await library.renameSearch(id, name)),
    'searches.delete': async ({ id }) => savedSearchesChanged(await library.deleteSearch(id)),
    'vocabulary.get': async () => ({
      places: [
        ...flattenGazetteer(XUCHANG_GAZETTEER),
        ...library.info.settings.extraPlaces.map((name) => ({ name, path: [name] })),
      ],
      subjects: library.info.settings.subjects,
    }),
    'vocabulary.match': async ({ field, query, limit }) => app.vocabulary.match(field, query, limit),
  };
}
