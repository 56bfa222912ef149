import { useEffect, useState } from 'react';
import type { OpInput, OpOutput } from '../../../../../electron/contract';

export type VocabularyField = OpInput<'vocabulary.match'>['field'];
export type VocabularyMatch = OpOutput<'vocabulary.match'>[number];
/** Names the library offers for a field as someone types (the core's `vocabulary.match`). */
export type VocabularyLookup = (
  field: VocabularyField,
  query: string,
  limit: number,
) => Promise<VocabularyMatch[]>;

/** What a list field's picker (places, subjects) is given by the form. */
export interface TermFieldProps {
  values: string[];
  onValues: (values: string[]) => void;
  text: string;
  onText: (text: string) => void;
  lookup: VocabularyLookup;
}

export const NO_LOOKUP: VocabularyLookup = async () => [];

/**
 * The matches for what is typed, while `enabled` (the popup is open). Only the answer to the
 * latest question is kept, however the replies arrive; the previous answer stays on screen until
 * then, so the list does not flicker while typing.
 */
export function useLookup(
  lookup: VocabularyLookup,
  field: VocabularyField,
  query: string,
  limit: number,
  enabled: boolean,
): VocabularyMatch[] {
  const [matches, setMatches] = useState<VocabularyMatch[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let latest = true;
    lookup(field, query, limit).then(
      (found) => latest && setMatches(found),
      // Suggestions only help: when they cannot be had, typing a name still works.
      () => latest && setMatches([]),
    );
    return () => {
      latest = false;
    };
  }, [lookup, field, query, limit, enabled]);
  return matches;
}

const LIST_SEPARATOR = /[,，、;；]/;

/** 禹州市、神垕镇 → [禹州市, 神垕镇]: lists typed in one go, as archivists write them. */
export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The values with new ones added at the end, each once. */
export function withValues(values: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...values, ...added])];
}
