/**
 * The hand-written scan the pickers used before their MiniSearch index: every term compared with
 * the query on each keystroke. Kept as the baseline of `tests/bench/vocabulary.ts` and as a
 * reference in tests (exact and prefix matches must come out the same, in the same order).
 */
import { pinyinSyllables } from '../../electron/core/search';
import { foldText } from '../../electron/core/text';
import type { TermMatch, VocabularyTerm } from '../../electron/core/vocabulary';

/** One way of writing a term, in the forms a query is compared with. */
interface Alias {
  name?: string;
  folded: string;
  pinyin: string;
  initials: string;
  /** The pinyin from the second syllable on, from the third on…: 张德顺 → deshun, shun. */
  tails: string[];
}

/** A term ready to be matched: its aliases are worked out once, not per keystroke. */
export interface PreparedTerm {
  term: VocabularyTerm;
  aliases: Alias[];
}

function alias(text: string, name?: string): Alias {
  const syllables = pinyinSyllables(text);
  return {
    name,
    folded: foldText(text),
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
    tails: syllables.slice(1).map((_, i) => syllables.slice(i + 1).join('')),
  };
}

export function prepareTerms(terms: VocabularyTerm[]): PreparedTerm[] {
  return terms.map((term) => ({
    term,
    aliases: [alias(term.value), ...(term.formerNames ?? []).map((name) => alias(name, name))],
  }));
}

/**
 * How well a query fits one way of writing a term; lower is better, null is no match.
 * Chinese is compared after folding (許昌 finds 许昌); Latin letters also as pinyin, whole
 * (xuchang, xuch) or by initials (xc), and from any syllable (chang).
 */
function rank(alias: Alias, query: string, letters: string): number | null {
  const at = alias.folded.indexOf(query);
  if (at === 0) return alias.folded.length === query.length ? 0 : 1;
  if (at > 0) return 3;
  if (!letters || !alias.pinyin) return null;
  if (alias.pinyin === letters || alias.initials === letters) return 1;
  if (alias.pinyin.startsWith(letters)) return 2;
  if (alias.initials.startsWith(letters)) return 2;
  return alias.tails.some((tail) => tail.startsWith(letters)) ? 4 : null;
}

/**
 * The terms that fit what was typed, best first: exact, then beginnings, then pinyin, then
 * anywhere inside; among equals, the most used, then the shortest path (a county before a town).
 * An empty query gives the most used terms.
 */
export function scanTerms(prepared: PreparedTerm[], typed: string, limit: number): TermMatch[] {
  const query = foldText(typed.trim()).replace(/\s+/g, '');
  const letters = /^[a-z'\s]+$/.test(query) ? query.replace(/'/g, '') : '';
  const found: { prepared: PreparedTerm; rank: number; formerName?: string }[] = [];
  for (const p of prepared) {
    let best: { rank: number; formerName?: string } | null = null;
    for (const a of p.aliases) {
      const r = query ? rank(a, query, letters) : 0;
      if (r === null) continue;
      // A term found by its current name ranks before one found by a former name.
      const weighted = a.name ? r + 0.5 : r;
      if (!best || weighted < best.rank) best = { rank: weighted, formerName: a.name };
    }
    if (best) found.push({ prepared: p, rank: best.rank, formerName: best.formerName });
  }
  // Among equals, pinyin order; the strings are compared as they are, since a collator is far
  // too slow for thousands of names on every keystroke.
  const text = (p: PreparedTerm) => p.aliases[0]!.pinyin || p.term.value;
  return found
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.prepared.term.count - a.prepared.term.count ||
        (a.prepared.term.path?.length ?? 0) - (b.prepared.term.path?.length ?? 0) ||
        (text(a.prepared) < text(b.prepared) ? -1 : text(a.prepared) > text(b.prepared) ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ prepared: { term }, formerName }) => {
      const { formerNames: _formerNames, ...rest } = term;
      return formerName ? { ...rest, formerName } : rest;
    });
}
