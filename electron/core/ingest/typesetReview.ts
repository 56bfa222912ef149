import type { Item, ItemPatchInput } from '../model';
import type { Library } from '../library';
import { WenshiError } from '../errors';
import { applyTypeset, TYPESET_KINDS, typesetSuggestions, type QuoteStyle, type TypesetKind } from '../text';

/** What a typesetting suggestion keeps on the item: its kind and how many changes it makes. */
export interface TypesetSuggestionValue {
  kind: TypesetKind;
  count: number;
  unbalancedQuotes?: number;
}

const LABEL: Record<TypesetKind, (v: TypesetSuggestionValue, style: QuoteStyle) => string> = {
  punctuation: (v) => `排版：中文之间的半角标点改为全角 ${v.count} 处`,
  quotes: (v, style) =>
    `排版：直引号改为${style === 'corner' ? '「」『』' : '“”‘’'} ${v.count / 2} 对` +
    (v.unbalancedQuotes ? `（另有 ${v.unbalancedQuotes} 个引号不成对，未改动）` : ''),
  linebreaks: (v) => `排版：合并句中断行 ${v.count} 处`,
};

/**
 * The typesetting cleanups of a text as review suggestions, one per kind that would change
 * something. Nothing is applied: the text stays as it is until a person accepts a kind.
 */
export function typesetSuggestionsFor(text: string, style: QuoteStyle): Item['suggestions'] {
  const found = typesetSuggestions(text, style);
  return TYPESET_KINDS.filter((kind) => found.counts[kind] > 0).map((kind) => {
    const value: TypesetSuggestionValue = {
      kind,
      count: found.counts[kind],
      ...(kind === 'quotes' && found.unbalancedQuotes > 0 && { unbalancedQuotes: found.unbalancedQuotes }),
    };
    return { field: 'typeset', value, source: LABEL[kind](value, style) };
  });
}

export function isTypesetValue(value: unknown): value is TypesetSuggestionValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    TYPESET_KINDS.includes((value as { kind: TypesetKind }).kind)
  );
}

/**
 * Offers the typesetting cleanups for an item's current text (the 「排版清理」 button): earlier
 * typesetting suggestions are replaced by ones worked out afresh. An audited edit like any other.
 */
export async function offerTypeset(library: Library, id: string): Promise<Item> {
  const item = library.catalog.get(id);
  if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
  const suggestions = [
    ...item.suggestions.filter((s) => s.field !== 'typeset'),
    ...typesetSuggestionsFor(item.text, library.info.settings.quoteStyle),
  ];
  return library.updateItem(id, { suggestions });
}

/**
 * The patch that accepts one kind: worked out again on the text as it is now (so an edit made
 * since the suggestion is respected). The text before the first change is kept in `rawText`.
 */
export function acceptTypesetPatch(item: Item, value: unknown, style: QuoteStyle): ItemPatchInput {
  if (!isTypesetValue(value))
    throw new WenshiError('invalid_argument', 'suggestion_without_field', { field: 'typeset' });
  const text = applyTypeset(item.text, value.kind, style);
  return {
    text,
    ...(item.rawText === undefined && text !== item.text && { rawText: item.text }),
  };
}
