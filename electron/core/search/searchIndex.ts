import MiniSearch from 'minisearch';
import type { Catalog } from '../catalog';
import type { Item, ItemKind } from '../model';
import { foldText } from '../text';
import { indexTerms, queryPhrases, queryTokens } from './tokenize';

export interface SearchHit {
  id: string;
  title: string;
  kind: ItemKind;
  score: number;
  /** Original text around the first match. */
  snippet: string;
  /** [start, end) of each match inside `snippet`. */
  highlights: [number, number][];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

const FIELDS = ['title', 'people', 'places', 'terms', 'abstract', 'text'] as const;
type Field = (typeof FIELDS)[number];
const BOOST: Record<Field, number> = { title: 4, people: 2, places: 2, terms: 1.5, abstract: 1.5, text: 1 };
const SNIPPET_RADIUS = 40;

/** What each indexed field holds; fields are joined with newlines so phrases never span two values. */
function fieldText(item: Item, field: Field): string {
  switch (field) {
    case 'title':
      return [item.title, item.subtitle, item.identifier].join('\n');
    case 'people':
      return item.people.map((p) => p.name).join('\n');
    case 'places':
      return item.places.join('\n');
    case 'terms':
      return [...item.subjects, ...item.keywords, ...item.organizations, ...item.tags].join('\n');
    case 'abstract':
      return [item.abstract, item.photo?.caption ?? '', item.notes].join('\n');
    case 'text':
      return item.text;
  }
}

/**
 * Full-text search over the catalog, kept in step with it through the catalog's change events.
 * MiniSearch finds candidates by terms; a phrase check on the folded text then keeps only items
 * that contain each query run verbatim, so 改革 never matches 改…革.
 */
export class SearchIndex {
  private readonly index = new MiniSearch<Item>({
    fields: [...FIELDS],
    extractField: (item, field) => (field === 'id' ? item.id : fieldText(item, field as Field)),
    tokenize: indexTerms,
    processTerm: (term) => term,
    searchOptions: { tokenize: (q) => [q], processTerm: (t) => t },
  });

  constructor(private readonly catalog: Catalog) {
    this.index.addAll(catalog.all());
    catalog.onChange((change) => {
      if (this.index.has(change.item.id)) this.index.discard(change.item.id);
      if (change.type === 'put') this.index.add(change.item);
    });
  }

  search(query: string, limit = 50): SearchResult {
    const tokens = queryTokens(query);
    if (tokens.length === 0) return { total: 0, hits: [] };
    const phrases = queryPhrases(query);
    const results = this.index.search(
      { combineWith: 'AND', queries: tokens.map((t) => t.term) },
      {
        prefix: (term) => tokens.find((t) => t.term === term)?.single === true || /^[^~]/.test(term),
        boost: BOOST,
      },
    );
    const hits: SearchHit[] = [];
    for (const result of results) {
      const item = this.catalog.get(String(result.id));
      if (!item) continue;
      const match = findPhrases(item, phrases);
      if (!match) continue;
      hits.push({ id: item.id, title: item.title, kind: item.kind, score: result.score, ...match });
    }
    return { total: hits.length, hits: hits.slice(0, limit) };
  }
}

/** Checks that every phrase occurs in some field; returns a snippet around the first occurrence. */
function findPhrases(
  item: Item,
  phrases: string[],
): Omit<SearchHit, 'id' | 'title' | 'kind' | 'score'> | null {
  const folded = FIELDS.map((field) => {
    const original = fieldText(item, field);
    return { field, original, folded: foldText(original) };
  });
  let snippetField: (typeof folded)[number] | undefined;
  for (const phrase of phrases) {
    const found = folded.find((f) => f.folded.includes(phrase));
    if (!found) return null;
    snippetField ??=
      found.field === 'title'
        ? (folded.find((f) => f.field === 'text' && f.folded.includes(phrase)) ?? found)
        : found;
  }
  const source = snippetField ?? folded[folded.length - 1]!;
  // Folding keeps length, so offsets in the folded text are offsets in the original.
  const first = Math.min(...phrases.map((p) => source.folded.indexOf(p)).filter((i) => i >= 0));
  const start = Math.max(0, first - SNIPPET_RADIUS);
  const end = Math.min(source.original.length, first + SNIPPET_RADIUS * 2);
  const snippetFolded = source.folded.slice(start, end);
  const highlights: [number, number][] = [];
  for (const phrase of phrases) {
    for (
      let at = snippetFolded.indexOf(phrase);
      at >= 0;
      at = snippetFolded.indexOf(phrase, at + phrase.length)
    )
      highlights.push([at, at + phrase.length]);
  }
  highlights.sort((a, b) => a[0] - b[0]);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < source.original.length ? '…' : '';
  return {
    snippet: prefix + source.original.slice(start, end).replace(/\s+/g, ' ') + suffix,
    highlights: highlights.map(([a, b]) => [a + prefix.length, b + prefix.length]),
  };
}
