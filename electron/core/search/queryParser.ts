import type { EditorialStatus, ItemKind } from '../model';
import { foldText } from '../text';
import { numeralVariants, placesWithin } from './queryExpansion';

/** Fields a text term can be limited to. */
export type TextField = 'title' | 'people' | 'places' | 'subjects';

export type QueryTerm =
  | {
      type: 'text';
      /** As typed (after field and quotes are taken off); folded later by the index. */
      text: string;
      field?: TextField;
      /** Written in quotes: must occur verbatim, spaces included. */
      exact: boolean;
    }
  | { type: 'kind'; kind: ItemKind }
  | { type: 'status'; status: EditorialStatus }
  /** Items linked (相关条目) to those whose title or 档号 has the text. */
  | { type: 'related'; text: string; exact: boolean }
  /** Items dated within [from, to]; a bare year also matches the number in the text. */
  | { type: 'years'; from: number; to: number; text?: string };

/** Terms joined by `|`; an item matches the clause if it matches any term. */
export interface Clause {
  any: QueryTerm[];
  /** Written with a leading `-`: items matching the clause are left out. */
  negate: boolean;
}

/** Every clause must hold (space = AND). */
export interface ParsedQuery {
  clauses: Clause[];
}

// Field names are looked up after folding, so 題名 and 地點 work as well as 题名 and 地点.
const FIELD_NAMES: Record<string, TextField | 'kind' | 'status' | 'related'> = {
  题名: 'title',
  标题: 'title',
  title: 'title',
  人物: 'people',
  人名: 'people',
  person: 'people',
  people: 'people',
  地点: 'places',
  地名: 'places',
  place: 'places',
  places: 'places',
  主题: 'subjects',
  subject: 'subjects',
  subjects: 'subjects',
  类型: 'kind',
  kind: 'kind',
  状态: 'status',
  status: 'status',
  相关: 'related',
  关联: 'related',
  related: 'related',
};

const KIND_NAMES: Record<string, ItemKind> = {
  口述: 'oral',
  口述史: 'oral',
  oral: 'oral',
  照片: 'photo',
  图片: 'photo',
  photo: 'photo',
  文献: 'document',
  文档: 'document',
  document: 'document',
};

const STATUS_NAMES: Record<string, EditorialStatus> = {
  征集: 'collected',
  collected: 'collected',
  初审: 'review1',
  review1: 'review1',
  复审: 'review2',
  review2: 'review2',
  终审: 'review3',
  review3: 'review3',
  入选: 'selected',
  selected: 'selected',
  备用: 'reserve',
  reserve: 'reserve',
  退稿: 'rejected',
  rejected: 'rejected',
};

const QUOTES = /["“”「」]/;
const YEAR = /^(1\d{3}|20\d{2})$/;
const YEAR_RANGE = /^(1\d{3}|20\d{2})\s*(?:\.\.|—|–|~|～)\s*(1\d{3}|20\d{2})$/;

type Lexeme = { or: true } | { or: false; raw: string };

/** Splits on spaces and `|` outside quotes; quoted parts keep their spaces. */
function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let raw = '';
  let quoted = false;
  const flush = () => {
    if (raw) out.push({ or: false, raw });
    raw = '';
  };
  for (const ch of query) {
    if (QUOTES.test(ch)) {
      quoted = !quoted;
      raw += '"';
    } else if (!quoted && /\s/.test(ch)) {
      flush();
    } else if (!quoted && (ch === '|' || ch === '｜')) {
      flush();
      out.push({ or: true });
    } else {
      raw += ch;
    }
  }
  flush();
  return out;
}

function termOf(raw: string): QueryTerm | null {
  let rest = raw;
  let field: TextField | 'kind' | 'status' | 'related' | undefined;
  const named = /^([^:：" ]+)[:：](.*)$/.exec(rest);
  const fieldName = named && FIELD_NAMES[foldText(named[1]!)];
  if (named && fieldName) {
    field = fieldName;
    rest = named[2]!;
  }
  const exact = /^".*"?$/.test(rest) && rest.length > 1;
  const text = rest.replace(/"/g, '').trim();
  if (!text) return null;
  if (field === 'kind' || field === 'status') {
    const key = foldText(text);
    const kind = KIND_NAMES[key];
    const status = STATUS_NAMES[key];
    if (field === 'kind' && kind) return { type: 'kind', kind };
    if (field === 'status' && status) return { type: 'status', status };
    // An unknown value matches nothing rather than everything.
    return { type: 'text', text: raw.replace(/"/g, ''), exact: true };
  }
  if (field === 'related') return { type: 'related', text, exact };
  if (!field && !exact) {
    const range = YEAR_RANGE.exec(text);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      return { type: 'years', from: Math.min(from, to), to: Math.max(from, to) };
    }
    if (YEAR.test(text)) return { type: 'years', from: Number(text), to: Number(text), text };
  }
  return { type: 'text', text, exact, ...(field && { field }) };
}

/**
 * What else a term means, as further alternatives of its clause: its numbers written the other
 * way (1984 ↔ 一九八四, 三十 ↔ 30; a year so written also matches dates), and for a place, the
 * places inside it by the gazetteer.
 */
function alternativesOf(term: QueryTerm): QueryTerm[] {
  if (term.type === 'years')
    return term.text ? numeralVariants(term.text).map((text) => ({ type: 'text', text, exact: false })) : [];
  if (term.type !== 'text') return [];
  const out: QueryTerm[] = [];
  // A quoted phrase is verbatim.
  for (const text of term.exact ? [] : numeralVariants(term.text)) {
    if (!term.field && !term.exact && YEAR.test(text))
      out.push({ type: 'years', from: Number(text), to: Number(text), text });
    else out.push({ ...term, text });
  }
  if (term.field === 'places') for (const text of placesWithin(term.text)) out.push({ ...term, text });
  return out;
}

/**
 * Reads the search box: space = AND, `|` = OR, `-词` leaves out, `"…"` is an exact phrase
 * (spaces included), `题名:` `人物:` `地点:` `主题:` `类型:` `状态:` (or title: person: place:
 * subject: kind: status:) limit a term, `相关:` (related:) finds the items linked to those whose
 * title or 档号 has the text, `1984` and `1978..1985` match dates. Numbers match in
 * either writing, and a place query the places inside it (see alternativesOf).
 */
export function parseQuery(query: string): ParsedQuery {
  const clauses: Clause[] = [];
  let joinNext = false;
  for (const lexeme of lex(query)) {
    if (lexeme.or) {
      joinNext = clauses.length > 0;
      continue;
    }
    let raw = lexeme.raw;
    if (raw === '-') continue;
    const negate = raw.startsWith('-') && raw.length > 1;
    if (negate) raw = raw.slice(1);
    const term = termOf(raw);
    if (!term) continue;
    const terms = [term, ...alternativesOf(term)];
    const last = clauses[clauses.length - 1];
    if (joinNext && last) last.any.push(...terms);
    else clauses.push({ any: terms, negate });
    joinNext = false;
  }
  return { clauses };
}
