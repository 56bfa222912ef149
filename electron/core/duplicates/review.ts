import type { Library } from '../library';
import type { Item, ItemPatchInput } from '../model';
import { WenshiError, throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import { duplicateIndexOf } from './duplicateIndex';
import { sideBySide, type DiffRow } from './lineDiff';

/** The suggestion field of a 「可能重复」: the item may hold the same text as another. */
export const DUPLICATE_FIELD = 'duplicate';

export interface DuplicateSuggestionValue {
  /** The item that was in the library first. */
  of: string;
  identifier: string;
  title: string;
  similarity: number;
  exact: boolean;
}

/** More than this many likely twins of one text are not listed: the first ones are enough to act. */
const MAX_FLAGS = 3;

/** Items stored before the field existed lack it. */
const notDuplicateOf = (item: Item): string[] => item.notDuplicateOf ?? [];

/** Items the person said are not duplicates of each other (either one remembers it). */
function distinct(a: Item, b: Item): boolean {
  return notDuplicateOf(a).includes(b.id) || notDuplicateOf(b).includes(a.id);
}

/**
 * Looks for the texts of newly created items among the library's texts (and those created before
 * them in the same import) and flags each one found as 「可能重复」 in 待复核, in one commit. The
 * item that came later carries the flag; pairs a person called distinct are not flagged again.
 */
export async function flagDuplicates(
  library: Library,
  ids: readonly string[],
  options: JobContext = {},
): Promise<Item[]> {
  if (ids.length === 0) return [];
  const index = duplicateIndexOf(library.catalog);
  // An item is compared only with those before it: itself and the ones after it are left out.
  const notBefore = new Set(ids);
  const edits: { id: string; patch: ItemPatchInput }[] = [];
  for (const [done, id] of ids.entries()) {
    if (done % 1000 === 0) {
      throwIfCancelled(options.signal);
      options.onProgress?.({ phase: 'duplicates', done, total: ids.length });
    }
    const item = library.catalog.get(id);
    if (!item) continue;
    const flagged = new Set(duplicateSuggestions(item).map((s) => s.of));
    const matches = index
      .find(item.text, (other) => notBefore.has(other) || flagged.has(other))
      .flatMap((match) => {
        const other = library.catalog.get(match.id);
        return other && !distinct(item, other) ? [{ match, other }] : [];
      })
      .slice(0, MAX_FLAGS);
    notBefore.delete(id);
    if (matches.length === 0) continue;
    const suggestions = matches.map(({ match, other }) => {
      const value: DuplicateSuggestionValue = {
        of: other.id,
        identifier: other.identifier,
        title: other.title,
        similarity: Math.round(match.similarity * 1000) / 1000,
        exact: match.exact,
      };
      const how = match.exact
        ? '内容相同（编码、繁简、标点或排版不同）'
        : `内容相近（相似度 ${Math.floor(match.similarity * 100)}%）`;
      return {
        field: DUPLICATE_FIELD,
        value,
        source: `可能重复：与 ${other.identifier}《${other.title}》${how}`,
      };
    });
    edits.push({ id, patch: { suggestions: [...item.suggestions, ...suggestions] } });
  }
  return edits.length === 0 ? [] : library.updateItems(edits);
}

/**
 * Looks through the whole library (for duplicates imported before they were looked for): each
 * item is compared with those created before it, and flagged as an import would have flagged it.
 * Flags already there and pairs called distinct are left as they are.
 */
export async function checkLibraryForDuplicates(
  library: Library,
  options: JobContext = {},
): Promise<{ checked: number; flagged: number }> {
  library.assertWritable();
  const items = library.catalog
    .all()
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.identifier.localeCompare(b.identifier));
  const flagged = await flagDuplicates(
    library,
    items.map((item) => item.id),
    options,
  );
  options.onProgress?.({ phase: 'duplicates', done: items.length, total: items.length });
  return { checked: items.length, flagged: flagged.length };
}

/** The 「可能重复」 flags of an item, as their values. */
export function duplicateSuggestions(item: Item): DuplicateSuggestionValue[] {
  return item.suggestions.flatMap((s) =>
    s.field === DUPLICATE_FIELD ? [s.value as DuplicateSuggestionValue] : [],
  );
}

function flagAt(
  library: Library,
  id: string,
  index: number,
): { item: Item; value: DuplicateSuggestionValue } {
  const item = library.catalog.get(id);
  if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
  const suggestion = item.suggestions[index];
  if (!suggestion || suggestion.field !== DUPLICATE_FIELD)
    throw new WenshiError('not_found', 'suggestion_not_found');
  return { item, value: suggestion.value as DuplicateSuggestionValue };
}

/** 「不是重复」: the flag goes, and the pair is remembered so it is not flagged again. */
export async function dismissDuplicate(library: Library, id: string, index: number): Promise<Item> {
  const { item, value } = flagAt(library, id, index);
  return library.updateItem(id, {
    suggestions: item.suggestions.filter((_, i) => i !== index),
    notDuplicateOf: [...notDuplicateOf(item).filter((other) => other !== value.of), value.of],
  });
}

/**
 * 「合并」: the flagged item's files become files of the item it duplicates, and the flagged item
 * goes, in one commit; both changes are in the audit log (the deletion can be undone). The kept
 * item's catalogue fields stay as they are.
 */
export async function mergeDuplicate(library: Library, id: string, index: number): Promise<Item> {
  const { item, value } = flagAt(library, id, index);
  const kept = library.catalog.get(value.of);
  if (!kept) throw new WenshiError('not_found', 'duplicate_gone', { identifier: value.identifier });
  const known = new Set(kept.files.map((file) => file.sha256));
  const files = [...kept.files, ...item.files.filter((file) => !known.has(file.sha256))];
  return library.mergeItems(kept.id, { files }, item.id);
}

export interface DuplicateComparison {
  item: { id: string; identifier: string; title: string };
  other: { id: string; identifier: string; title: string };
  similarity: number;
  exact: boolean;
  /** True when the two texts are the same line for line. */
  identical: boolean;
  /** The earlier item's lines on the left, the flagged item's on the right. */
  rows: DiffRow[];
  /** Rows left out at the end (a very long comparison is cut). */
  more: number;
}

const MAX_ROWS = 1000;

/** The two texts of a 「可能重复」 side by side, for a person to judge. */
export function compareDuplicate(library: Library, id: string, index: number): DuplicateComparison {
  const { item, value } = flagAt(library, id, index);
  const other = library.catalog.get(value.of);
  if (!other) throw new WenshiError('not_found', 'duplicate_gone', { identifier: value.identifier });
  const rows = sideBySide(other.text, item.text);
  const head = ({ id, identifier, title }: Item) => ({ id, identifier, title });
  return {
    item: head(item),
    other: head(other),
    similarity: value.similarity,
    exact: value.exact,
    identical: other.text === item.text,
    rows: rows.slice(0, MAX_ROWS),
    more: Math.max(0, rows.length - MAX_ROWS),
  };
}
