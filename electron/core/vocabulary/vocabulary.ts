import type { Item } from '../model';
import { TermIndex, type TermMatch, type VocabularyTerm } from './matchTerms';
import { XUCHANG_GAZETTEER, type PlaceEntry } from './xuchangPlaces';

export const VOCABULARY_FIELDS = ['people', 'places', 'subjects'] as const;
export type VocabularyField = (typeof VOCABULARY_FIELDS)[number];

export interface VocabularySettings {
  subjects: readonly string[];
  extraPlaces: readonly string[];
}

interface VocabularySource {
  items(): Iterable<Item>;
  /** A new object whenever the settings change, so the terms built from them are rebuilt. */
  settings(): VocabularySettings;
}

/** How many items use each value of a list field; a value repeated in one item counts once. */
function countValues(items: Iterable<Item>, values: (item: Item) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const value of new Set(values(item))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Everyone named in the catalog, with the number of items and the role they most often have. */
export function peopleTerms(items: Iterable<Item>): VocabularyTerm[] {
  const byName = new Map<string, { count: number; roles: Map<string, number> }>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const { name, role } of item.people) {
      let entry = byName.get(name);
      if (!entry) byName.set(name, (entry = { count: 0, roles: new Map() }));
      if (!seen.has(name)) entry.count++;
      seen.add(name);
      if (role) entry.roles.set(role, (entry.roles.get(role) ?? 0) + 1);
    }
  }
  return [...byName].map(([value, { count, roles }]) => {
    const role = [...roles].sort((a, b) => b[1] - a[1])[0]?.[0];
    return role ? { value, count, role } : { value, count };
  });
}

/**
 * The gazetteer's places, the library's own additions, and every other place items name (typed
 * freely), so a place written once is offered the next time.
 */
export function placeTerms(
  items: Iterable<Item>,
  extraPlaces: readonly string[],
  gazetteer: PlaceEntry = XUCHANG_GAZETTEER,
): VocabularyTerm[] {
  const counts = countValues(items, (item) => item.places);
  const terms: VocabularyTerm[] = [];
  const walk = (entry: PlaceEntry, parents: string[]) => {
    const path = [...parents, entry.name];
    terms.push({
      value: entry.name,
      count: counts.get(entry.name) ?? 0,
      path,
      ...(entry.formerNames && { formerNames: entry.formerNames }),
    });
    for (const child of entry.children ?? []) walk(child, path);
  };
  walk(gazetteer, []);
  const known = new Set(terms.map((t) => t.value));
  for (const name of [...extraPlaces, ...counts.keys()]) {
    if (known.has(name)) continue;
    known.add(name);
    terms.push({ value: name, count: counts.get(name) ?? 0, path: [name] });
  }
  return terms;
}

/** The library's subject list, then subjects items use that are not on it. */
export function subjectTerms(items: Iterable<Item>, subjects: readonly string[]): VocabularyTerm[] {
  const counts = countValues(items, (item) => item.subjects);
  const names = [...new Set([...subjects, ...counts.keys()])];
  return names.map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

/**
 * The names pickers offer, counted from the catalog, one `TermIndex` per field. Terms are
 * recounted on the first query after a change, not on every keystroke: a 50,000-item catalog is
 * read once per edit, and only names that came or went touch the index.
 */
export class Vocabulary {
  private indexes: Partial<Record<VocabularyField, TermIndex>> = {};
  private stale = new Set<VocabularyField>();
  private settingsSeen: VocabularySettings | null = null;

  constructor(private readonly source: VocabularySource) {}

  /** Items changed: terms are recounted on the next query. */
  invalidate(): void {
    for (const field of VOCABULARY_FIELDS) this.stale.add(field);
  }

  terms(field: VocabularyField): VocabularyTerm[] {
    return this.indexFor(field).terms();
  }

  match(field: VocabularyField, query: string, limit: number): TermMatch[] {
    return this.indexFor(field).match(query, limit);
  }

  private indexFor(field: VocabularyField): TermIndex {
    const settings = this.source.settings();
    if (settings !== this.settingsSeen) {
      this.invalidate();
      this.settingsSeen = settings;
    }
    const index = this.indexes[field];
    if (!index) return (this.indexes[field] = new TermIndex(this.build(field, settings)));
    if (this.stale.delete(field)) index.update(this.build(field, settings));
    return index;
  }

  private build(field: VocabularyField, settings: VocabularySettings): VocabularyTerm[] {
    const items = this.source.items();
    switch (field) {
      case 'people':
        return peopleTerms(items);
      case 'places':
        return placeTerms(items, settings.extraPlaces);
      case 'subjects':
        return subjectTerms(items, settings.subjects);
    }
  }
}
