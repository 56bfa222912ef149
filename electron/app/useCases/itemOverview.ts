// The sidebar's numbers without listing items: counts of each view and the collections tree.
import { collectionPath, type SearchEngine } from '../../core/search';
import type { OpOutput } from '../../contract';

type Overview = OpOutput<'items.overview'>;

/** Every collection value is wanted, not the few a search panel shows. */
const ALL_VALUES = Number.MAX_SAFE_INTEGER;

async function totalOf(search: SearchEngine, filters: Parameters<SearchEngine['query']>[0]['filters']) {
  return (await search.query({ filters, limit: 0, snippets: false })).total;
}

/**
 * Counts from three queries of the index (one with facets), and the collections: each level of
 * each collection path, counted from the facet when one value lies under it, and by a query of
 * that level when several do (an item in two of its sub-collections is one item, not two).
 */
export async function itemOverview(search: SearchEngine, createdSince: string): Promise<Overview> {
  const [everything, recent, pending] = await Promise.all([
    search.query({ limit: 1, facets: true, facetSize: ALL_VALUES, snippets: false }),
    totalOf(search, { createdSince }),
    totalOf(search, { pendingReview: true }),
  ]);
  const facets = everything.facets;
  const count = (facet: 'kind' | 'status', value: string) =>
    facets?.[facet].find((f) => f.value === value)?.count ?? 0;
  const levels = new Map<string, { path: string[]; values: number[] }>();
  for (const { value, count: n } of facets?.collection ?? []) {
    const parts = collectionPath(value);
    parts.forEach((_, i) => {
      const path = parts.slice(0, i + 1);
      const key = JSON.stringify(path);
      const level = levels.get(key) ?? { path, values: [] };
      level.values.push(n);
      levels.set(key, level);
    });
  }
  const collections = await Promise.all(
    [...levels.values()].map(async ({ path, values }) => ({
      path,
      count: values.length === 1 ? values[0]! : await totalOf(search, { collectionPath: path }),
    })),
  );
  return {
    counts: {
      all: everything.total,
      oral: count('kind', 'oral'),
      photo: count('kind', 'photo'),
      document: count('kind', 'document'),
      review: count('status', 'review1') + count('status', 'review2') + count('status', 'review3'),
      recent,
      pending,
    },
    collections,
  };
}
