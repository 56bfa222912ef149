import { patchForField, type Item, type ItemPatchInput } from '../model';
import type { Library } from '../library';
import { WenshiError } from '../errors';
import {
  cleanupText,
  typesetSuggestions,
  type CleanupEdit,
  type MojibakeRun,
  type QuoteStyle,
  type TypesetEdit,
} from '../text';
import { acceptTypesetPatch } from './typesetReview';
import { DUPLICATE_FIELD, dismissDuplicate, mergeDuplicate } from '../duplicates';

export interface CleanupDiff {
  raw: string;
  cleaned: string;
  /** Each change, in raw-text offsets; empty when the text was edited after import (then compare raw and cleaned whole). */
  edits: CleanupEdit[];
  /** False when the current text is no longer exactly what cleanup made of the raw text. */
  matchesCleanup: boolean;
  mojibake: MojibakeRun[];
  /** The typesetting cleanups the current text would take, every kind, in current-text offsets: none applied. */
  typeset: TypesetEdit[];
}

/** The raw text beside the cleaned one, change by change, for a person to review. */
export function cleanupDiff(item: Item, style: QuoteStyle = 'curly'): CleanupDiff {
  const raw = item.rawText ?? item.text;
  const redone = cleanupText(raw);
  const matchesCleanup = redone.text === item.text;
  return {
    raw,
    cleaned: item.text,
    edits: matchesCleanup ? redone.edits : [],
    matchesCleanup,
    mojibake: item.mojibake,
    typeset: typesetSuggestions(item.text, style).edits,
  };
}

const LIST_FIELDS = new Set(['places', 'organizations', 'subjects', 'keywords', 'collections', 'tags']);

/**
 * Accepts or rejects one suggestion of an item (an EXIF date, camera or position; a text cleanup).
 * Accepting a value puts it into its field (lists gain it, 备注 gains a line, other fields take it,
 * also one inside a group such as photo.camera); rejecting a text cleanup restores the raw text;
 * accepting a typesetting cleanup makes that kind of change to the text as it is now, rejecting it
 * leaves the text alone. Either way the suggestion is gone, and the
 * change is in the audit log like any edit, so it can be undone.
 */
export async function reviewSuggestion(
  library: Library,
  id: string,
  index: number,
  accept: boolean,
): Promise<Item> {
  const item = library.catalog.get(id);
  if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
  const suggestion = item.suggestions[index];
  if (!suggestion) throw new WenshiError('not_found', 'suggestion_not_found');
  // 「可能重复」: accepting merges this item into the earlier one (which is returned), rejecting remembers the pair.
  if (suggestion.field === DUPLICATE_FIELD)
    return accept ? mergeDuplicate(library, id, index) : dismissDuplicate(library, id, index);
  const patch: ItemPatchInput = { suggestions: item.suggestions.filter((_, i) => i !== index) };
  const { field, value } = suggestion;

  if (field === 'typeset') {
    if (accept) Object.assign(patch, acceptTypesetPatch(item, value, library.info.settings.quoteStyle));
  } else if (field === 'text') {
    // The library finds the 乱码 flags of the restored text again, as after any text edit.
    if (!accept && item.rawText !== undefined) patch.text = item.rawText;
  } else if (accept) {
    const current = (item as Record<string, unknown>)[field];
    if (LIST_FIELDS.has(field))
      (patch as Record<string, unknown>)[field] = [...(current as string[]), String(value)];
    else if (field === 'notes') patch.notes = item.notes ? `${item.notes}\n${String(value)}` : String(value);
    else if (field in item) (patch as Record<string, unknown>)[field] = value;
    // A field inside a group (photo.camera): the rest of the group stays as it is.
    else if (/^(photo|oral|document|provenance|rights)\.[A-Za-z]+$/.test(field))
      Object.assign(patch, patchForField(item, field, value));
    else throw new WenshiError('invalid_argument', 'suggestion_without_field', { field });
  }
  return library.updateItem(id, patch);
}
