import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { pinyinSyllables } from '../search';
import { foldText } from '../text';

/** A name a picker can offer: a person, a place or a subject, with how many items use it. */
export interface VocabularyTerm {
  value: string;
  /** Items that use it. */
  count: number;
  /** Where a place sits in the gazetteer: 许昌市 › 禹州市 › 神垕镇. */
  path?: string[];
  /** Names it had before, by which it is found too (禹县 for 禹州市). */
  formerNames?: string[];
  /** The role a person most often has in the items that name them. */
  role?: string;
}

/** A term that matched, and which former name it matched by when not by its own. */
export type TermMatch = Omit<VocabularyTerm, 'formerNames'> & { formerName?: string };

/**
 * How well a term fits, lower is better: its own characters exactly (许昌市), then its beginning
 * (许昌) or its whole pinyin or initials (xuchangshi, xcs), then the beginning of those (xuch, xc),
 * then characters inside it (昌市), then a later syllable (chang), and last a misspelt pinyin,
 * whole or without its last syllables (xuchangsi, or yuzhau for 禹州市), then a misspelt later
 * syllable. A former name ranks half a step after the same fit by the term's own name.
 */
const TIER = {
  exact: 0,
  charsPrefix: 1,
  pinyinWhole: 1,
  pinyinPrefix: 2,
  inside: 3,
  syllable: 4,
  fuzzyPinyin: 5,
  fuzzySyllable: 6,
} as const;
const FORMER_NAME = 0.5;

/** Latin queries this long are also matched with one wrong, missing or extra letter. */
const FUZZY_FROM = 4;

/**
 * The document fields, one MiniSearch document per way of writing a term (its name, each former
 * name). `chars` is the folded name and `inside` each of its endings (德顺, 顺), so a prefix
 * search on them finds a name by its beginning or by characters inside it. Characters are
 * written as four hex digits per UTF-16 unit: MiniSearch's radix tree scans a node's children one
 * by one, and thousands of distinct first characters would make every lookup slow; in hex no node
 * has more than 16. The hex is upper case and pinyin lower case, so the two never share a prefix.
 * `pinyin` is the whole pinyin (zhangdeshun), `initials` (zds), `syllables` the pinyin from the
 * second syllable on, from the third on… (deshun, shun), and `stems` the first syllables without
 * the last ones (zhangde), searched only for typos.
 */
type Field = 'chars' | 'inside' | 'pinyin' | 'initials' | 'syllables' | 'stems';
const FIELDS: Field[] = ['chars', 'inside', 'pinyin', 'initials', 'syllables', 'stems'];

interface AliasDoc {
  id: number;
  terms: Record<Field, string[]>;
}

/** What a document stands for: which term, and the former name when it is not the term's own. */
interface AliasInfo {
  termKey: string;
  formerName?: string;
}

interface Entry {
  term: VocabularyTerm;
  /** Place in the list the terms came in: the last tie-breaker, so the order is stable. */
  order: number;
  /** Pinyin order among equals; the strings are compared as they are (a collator is too slow). */
  sortText: string;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

function hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += BYTE_HEX[code >> 8]! + BYTE_HEX[code & 0xff]!;
  }
  return out;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The folded text a name or a query is compared by: 張德順 → 张德顺, without spaces. */
const fold = (text: string) => foldText(text.trim()).replace(/\s+/g, '');

function aliasTerms(text: string): Record<Field, string[]> {
  const folded = fold(text);
  const inside: string[] = [];
  for (let i = 1; i < folded.length; i++)
    if (!isLowSurrogate(folded.charCodeAt(i))) inside.push(hex(folded.slice(i)));
  const syllables = pinyinSyllables(text);
  return {
    chars: folded ? [hex(folded)] : [],
    inside,
    pinyin: syllables.length ? [syllables.join('')] : [],
    initials: syllables.length ? [syllables.map((s) => s[0]).join('')] : [],
    // From the second syllable on, from the third on…: 张德顺 → deshun, shun.
    syllables: syllables.slice(1).map((_, i) => syllables.slice(i + 1).join('')),
    // The first syllables without the last ones (禹州市 → yuzhou), only for typos: a misspelt
    // word is compared whole, and people type 禹州 far more often than 禹州市.
    stems: syllables.slice(2).map((_, i) => syllables.slice(0, i + 2).join('')),
  };
}

function newIndex(): MiniSearch<AliasDoc> {
  return new MiniSearch<AliasDoc>({
    fields: FIELDS,
    extractField: (doc, field) => (field === 'id' ? doc.id : doc.terms[field as Field].join(' ')),
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term,
    autoVacuum: false,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  });
}

/** The tier of one indexed term that matched a query in one field. */
function tierOf(field: Field, term: string, chars: string, letters: string): number {
  switch (field) {
    case 'chars':
      return term === chars ? TIER.exact : TIER.charsPrefix;
    case 'inside':
      return TIER.inside;
    case 'pinyin':
      return term === letters
        ? TIER.pinyinWhole
        : term.startsWith(letters)
          ? TIER.pinyinPrefix
          : TIER.fuzzyPinyin;
    case 'initials':
      return term === letters ? TIER.pinyinWhole : TIER.pinyinPrefix;
    case 'syllables':
      return term.startsWith(letters) ? TIER.syllable : TIER.fuzzySyllable;
    case 'stems':
      return TIER.fuzzyPinyin;
  }
}

/**
 * The names of one vocabulary field in a MiniSearch index, matched as someone types: by either
 * script (許昌 finds 许昌), by pinyin whole, by initials or from a later syllable, as a prefix,
 * and with a typo in pinyin of four letters or more. Counts change with every edit but names
 * rarely do, so `update` only adds and drops the names that came or went.
 */
export class TermIndex {
  private index = newIndex();
  private entries = new Map<string, Entry>();
  private aliasIds = new Map<string, number>();
  private aliases = new Map<number, AliasInfo>();
  private nextId = 0;
  private discarded = 0;
  private mostUsed: Entry[] | null = null;

  constructor(terms: VocabularyTerm[] = []) {
    this.update(terms);
  }

  /** The terms as they are now (new counts, new names); the index follows the names that changed. */
  update(terms: VocabularyTerm[]): void {
    const entries = new Map<string, Entry>();
    const wanted = new Map<string, AliasInfo & { text: string }>();
    terms.forEach((term, order) => {
      let termKey = [term.value, ...(term.path ?? [])].join('\u0001');
      // The same name at the same place twice is two terms all the same.
      for (let n = 2; entries.has(termKey); n++) termKey = `${termKey}\u0002${n}`;
      entries.set(termKey, { term, order, sortText: pinyinSyllables(term.value).join('') || term.value });
      wanted.set(`${termKey}\u0000`, { termKey, text: term.value });
      for (const formerName of term.formerNames ?? [])
        wanted.set(`${termKey}\u0000${formerName}`, { termKey, formerName, text: formerName });
    });
    this.entries = entries;
    this.mostUsed = null;

    // Past a quarter of the index discarded, building afresh is cheaper than searching around it.
    const gone = [...this.aliasIds.keys()].filter((key) => !wanted.has(key));
    if (this.discarded + gone.length > this.aliasIds.size / 4) {
      this.index = newIndex();
      this.aliasIds.clear();
      this.aliases.clear();
      this.discarded = 0;
    } else {
      for (const key of gone) {
        const id = this.aliasIds.get(key)!;
        this.index.discard(id);
        this.aliasIds.delete(key);
        this.aliases.delete(id);
        this.discarded++;
      }
    }
    const added: AliasDoc[] = [];
    for (const [key, { text, ...info }] of wanted) {
      if (this.aliasIds.has(key)) continue;
      const id = this.nextId++;
      this.aliasIds.set(key, id);
      this.aliases.set(id, info);
      added.push({ id, terms: aliasTerms(text) });
    }
    this.index.addAll(added);
  }

  terms(): VocabularyTerm[] {
    return [...this.entries.values()].map((e) => e.term);
  }

  /**
   * The terms that fit what was typed, best first (see `TIER`); among equals, the most used,
   * then the shortest path (a county before a town), then pinyin order. An empty query gives the
   * most used terms.
   */
  match(typed: string, limit: number): TermMatch[] {
    const query = fold(typed);
    if (!query)
      return (this.mostUsed ??= [...this.entries.values()].sort(byUse))
        .slice(0, limit)
        .map((entry) => output(entry));

    const chars = hex(query);
    const letters = /^[a-z']+$/.test(query) ? query.replace(/'/g, '') : '';
    // Three rounds, each only when the ones before found fewer terms than asked for: every tier
    // of a round is better than any of the next, and a short query ("l") would otherwise score
    // thousands of names inside their syllables only to drop them.
    const rounds: Query[][] = [
      // Beginnings, and whole pinyin or initials. One letter begins the pinyin just when it begins
      // the initials: searching one of them is enough.
      [
        { queries: [chars], fields: ['chars'], prefix: true },
        ...(letters
          ? [
              {
                queries: [letters],
                fields: letters.length > 1 ? ['pinyin', 'initials'] : ['initials'],
                prefix: true,
              },
            ]
          : []),
      ],
      // Characters inside a name, or a later syllable.
      [
        { queries: [chars], fields: ['inside'], prefix: true },
        ...(letters ? [{ queries: [letters], fields: ['syllables'], prefix: true }] : []),
      ],
      // A misspelt pinyin.
      letters.length >= FUZZY_FROM
        ? [{ queries: [letters], fields: ['pinyin', 'stems', 'syllables'], fuzzy: 1 }]
        : [],
    ];

    const best = new Map<string, { entry: Entry; tier: number; formerName?: string }>();
    for (const queries of rounds) {
      if (best.size >= limit) break;
      if (!queries.length) continue;
      for (const result of this.index.search({ combineWith: 'OR', queries })) {
        const alias = this.aliases.get(result.id as number);
        const entry = alias && this.entries.get(alias.termKey);
        if (!alias || !entry) continue;
        const tier = bestTier(result, chars, letters) + (alias.formerName ? FORMER_NAME : 0);
        const seen = best.get(alias.termKey);
        // On a tie the term's own name wins over a former one.
        if (!seen || tier < seen.tier || (tier === seen.tier && !alias.formerName))
          best.set(alias.termKey, { entry, tier, formerName: alias.formerName });
      }
    }
    return [...best.values()]
      .sort((a, b) => a.tier - b.tier || byUse(a.entry, b.entry))
      .slice(0, limit)
      .map(({ entry, formerName }) => output(entry, formerName));
  }
}

function bestTier(result: SearchResult, chars: string, letters: string): number {
  let tier = Infinity;
  for (const [term, fields] of Object.entries(result.match))
    for (const field of fields as Field[]) tier = Math.min(tier, tierOf(field, term, chars, letters));
  return tier;
}

function byUse(a: Entry, b: Entry): number {
  return (
    b.term.count - a.term.count ||
    (a.term.path?.length ?? 0) - (b.term.path?.length ?? 0) ||
    (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0) ||
    a.order - b.order
  );
}

function output(entry: Entry, formerName?: string): TermMatch {
  const { formerNames: _formerNames, ...rest } = entry.term;
  return formerName ? { ...rest, formerName } : rest;
}
