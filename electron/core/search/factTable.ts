import { EDITORIAL_STATUSES, ITEM_KINDS, dateRange, pendingReview, type Item, type ItemKind } from '../model';
import type { EditorialStatus } from '../model';
import type { SectionReader, SectionWriter } from './sections';

/** Facets with many values an item: each value is stored once, items hold its number. */
export const MULTI_FACETS = ['place', 'person', 'subject', 'collection'] as const;
export type MultiFacet = (typeof MULTI_FACETS)[number];

/**
 * What filters, sorts and facet counts need of an item, and nothing more: the index keeps these
 * beside the text so that it never needs the item itself (the catalog holds it once).
 */
export interface ItemFacts {
  kind: ItemKind;
  status: EditorialStatus;
  title: string;
  identifier: string;
  /** The first day of the event date as yyyymmdd (0: undated), what the list's date column sorts by. */
  eventDay: number;
  /** The days the item's date covers (the event date, else the date of creation), as yyyymmdd; 0 when undated. */
  firstDay: number;
  lastDay: number;
  /** Milliseconds since 1970. */
  createdAt: number;
  /** Import suggestions, garbled-text flags and unread dates waiting for a person's review. */
  pendingReview: number;
  place: string[];
  person: string[];
  subject: string[];
  collection: string[];
  /** Ids of the items linked to this one (相关条目), for `相关:` queries. */
  related: string[];
}

/** yyyymmdd of an ISO day; 0 for anything else. */
export function dayNumber(iso: string | undefined): number {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

export function itemFacts(item: Item): ItemFacts {
  const event = item.eventDate.edtf ? dateRange(item.eventDate.edtf) : null;
  const span = event ?? (item.createdDate.edtf ? dateRange(item.createdDate.edtf) : null);
  return {
    kind: item.kind,
    status: item.editorialStatus,
    title: item.title,
    identifier: item.identifier,
    eventDay: dayNumber(event?.start),
    firstDay: dayNumber(span?.start),
    lastDay: dayNumber(span?.end),
    createdAt: Date.parse(item.createdAt) || 0,
    pendingReview: pendingReview(item),
    place: item.places,
    person: [...new Set(item.people.map((p) => p.name))],
    subject: item.subjects,
    collection: item.collections,
    related: (item.related ?? []).map((r) => r.id),
  };
}

const NONE: readonly number[] = [];
const NO_IDS: readonly string[] = [];
const titleCollator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
const identifierCollator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/**
 * A total order of the live documents by a comparator, kept as a sorted list so that a change
 * costs one binary search instead of a new sort (a pinyin sort of 50,000 titles takes ~0.3 s).
 * Ranks are derived from it when asked for.
 */
class RankedOrder {
  private order: number[] | null = null;
  private ranks: Uint32Array | null = null;

  constructor(private readonly compare: (a: number, b: number) => number) {}

  private position(doc: number): number {
    const order = this.order!;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(order[mid]!, doc) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  added(doc: number): void {
    if (this.order) this.order.splice(this.position(doc), 0, doc);
    this.ranks = null;
  }

  removed(doc: number): void {
    if (this.order) {
      const at = this.position(doc);
      if (this.order[at] === doc) this.order.splice(at, 1);
      else this.order = null;
    }
    this.ranks = null;
  }

  renumbered(renumber: Int32Array): void {
    if (this.order) this.order = this.order.map((doc) => renumber[doc]!).filter((doc) => doc >= 0);
    this.ranks = null;
  }

  reset(): void {
    this.order = null;
    this.ranks = null;
  }

  /** Each document's place in the order (live documents only). */
  rank(liveDocs: () => number[], docCount: number): Uint32Array {
    if (!this.order) this.order = liveDocs().sort(this.compare);
    if (!this.ranks || this.ranks.length < docCount) {
      this.ranks = new Uint32Array(docCount);
      this.order.forEach((doc, i) => (this.ranks![doc] = i));
    }
    return this.ranks;
  }
}

/** A list of distinct strings, each with a number. */
class Dictionary {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(value, n);
    }
    return n;
  }

  find(value: string): number | undefined {
    return this.numbers.get(value);
  }

  load(values: string[]): void {
    this.values.length = 0;
    this.numbers.clear();
    for (const v of values) this.numberOf(v);
  }
}

/**
 * The facts of every document, by document number, as columns: small numbers for kind, status,
 * dates and counts, value numbers for the multi-valued facets, and title and 档号 strings for
 * the sorts. Saved in the index file beside the postings.
 */
export class FactTable {
  kind: number[] = [];
  status: number[] = [];
  title: string[] = [];
  identifier: string[] = [];
  eventDay: number[] = [];
  firstDay: number[] = [];
  lastDay: number[] = [];
  createdAt: number[] = [];
  pending: number[] = [];
  related: (readonly string[])[] = [];
  readonly dictionaries = Object.fromEntries(MULTI_FACETS.map((f) => [f, new Dictionary()])) as Record<
    MultiFacet,
    Dictionary
  >;
  values = Object.fromEntries(MULTI_FACETS.map((f) => [f, [] as (readonly number[])[]])) as Record<
    MultiFacet,
    (readonly number[])[]
  >;

  /** Titles in pinyin order; equal titles by id, so the order is total and pages never overlap. */
  readonly byTitle: RankedOrder;
  /** 档号 in natural order (…-9 before …-10), items without one last, ties by title. */
  readonly byIdentifier: RankedOrder;

  constructor(private readonly idOf: (doc: number) => string) {
    const byTitle = (a: number, b: number) => {
      const c = titleCollator.compare(this.title[a]!, this.title[b]!);
      if (c) return c;
      const x = this.idOf(a);
      const y = this.idOf(b);
      return x < y ? -1 : x > y ? 1 : a - b;
    };
    this.byTitle = new RankedOrder(byTitle);
    this.byIdentifier = new RankedOrder((a, b) => {
      const x = this.identifier[a]!;
      const y = this.identifier[b]!;
      return Number(!x) - Number(!y) || identifierCollator.compare(x, y) || byTitle(a, b);
    });
  }

  /** Appends the facts of a new document (its number is the table's length). */
  push(facts: ItemFacts): void {
    const doc = this.kind.length;
    this.kind.push(ITEM_KINDS.indexOf(facts.kind));
    this.status.push(EDITORIAL_STATUSES.indexOf(facts.status));
    this.title.push(facts.title);
    this.identifier.push(facts.identifier);
    this.eventDay.push(facts.eventDay);
    this.firstDay.push(facts.firstDay);
    this.lastDay.push(facts.lastDay);
    this.createdAt.push(facts.createdAt);
    this.pending.push(facts.pendingReview);
    this.related.push(facts.related.length ? facts.related : NO_IDS);
    for (const facet of MULTI_FACETS) {
      const list = facts[facet];
      const dictionary = this.dictionaries[facet];
      this.values[facet].push(list.length ? list.map((v) => dictionary.numberOf(v)) : NONE);
    }
    this.byTitle.added(doc);
    this.byIdentifier.added(doc);
  }

  /** A live document is going away (its facts stay until the next compaction). */
  removed(doc: number): void {
    this.byTitle.removed(doc);
    this.byIdentifier.removed(doc);
  }

  /** Keeps the documents whose new number is ≥ 0, in order. */
  keep(renumber: Int32Array): void {
    const keep = <T>(list: T[]) => list.filter((_, doc) => renumber[doc]! >= 0);
    this.kind = keep(this.kind);
    this.status = keep(this.status);
    this.title = keep(this.title);
    this.identifier = keep(this.identifier);
    this.eventDay = keep(this.eventDay);
    this.firstDay = keep(this.firstDay);
    this.lastDay = keep(this.lastDay);
    this.createdAt = keep(this.createdAt);
    this.pending = keep(this.pending);
    this.related = keep(this.related);
    for (const facet of MULTI_FACETS) this.values[facet] = keep(this.values[facet]);
    this.byTitle.renumbered(renumber);
    this.byIdentifier.renumbered(renumber);
  }

  clear(): void {
    this.kind = [];
    this.status = [];
    this.title = [];
    this.identifier = [];
    this.eventDay = [];
    this.firstDay = [];
    this.lastDay = [];
    this.createdAt = [];
    this.pending = [];
    this.related = [];
    for (const facet of MULTI_FACETS) {
      this.values[facet] = [];
      this.dictionaries[facet].load([]);
    }
    this.byTitle.reset();
    this.byIdentifier.reset();
  }

  write(file: SectionWriter): void {
    file.add('facts.kind', Uint8Array.from(this.kind));
    file.add('facts.status', Uint8Array.from(this.status));
    file.addStrings('facts.title', this.title);
    file.addStrings('facts.identifier', this.identifier);
    file.add('facts.eventDay', Int32Array.from(this.eventDay));
    file.add('facts.firstDay', Int32Array.from(this.firstDay));
    file.add('facts.lastDay', Int32Array.from(this.lastDay));
    file.add('facts.createdAt', Float64Array.from(this.createdAt));
    file.add('facts.pending', Uint32Array.from(this.pending));
    file.add(
      'facts.related.counts',
      Uint32Array.from(this.related, (l) => l.length),
    );
    file.addStrings('facts.related.ids', this.related.flat());
    for (const facet of MULTI_FACETS) {
      const lists = this.values[facet];
      file.addStrings(`facts.${facet}.values`, this.dictionaries[facet].values);
      file.add(
        `facts.${facet}.counts`,
        Uint32Array.from(lists, (l) => l.length),
      );
      file.add(`facts.${facet}.numbers`, Uint32Array.from(lists.flat()));
    }
  }

  /** Reads the columns back; false if the file has none (then the index is rebuilt). */
  read(file: SectionReader, docs: number): boolean {
    const kind = file.view('facts.kind', Uint8Array);
    if (kind.length !== docs) return false;
    this.clear();
    this.kind = Array.from(kind);
    this.status = Array.from(file.view('facts.status', Uint8Array));
    this.title = file.strings('facts.title');
    this.identifier = file.strings('facts.identifier');
    this.eventDay = Array.from(file.view('facts.eventDay', Int32Array));
    this.firstDay = Array.from(file.view('facts.firstDay', Int32Array));
    this.lastDay = Array.from(file.view('facts.lastDay', Int32Array));
    this.createdAt = Array.from(file.view('facts.createdAt', Float64Array));
    this.pending = Array.from(file.view('facts.pending', Uint32Array));
    const relatedCounts = file.view('facts.related.counts', Uint32Array);
    const relatedIds = file.strings('facts.related.ids');
    let next = 0;
    this.related = Array.from(relatedCounts, (n) => (n ? relatedIds.slice(next, (next += n)) : NO_IDS));
    for (const facet of MULTI_FACETS) {
      this.dictionaries[facet].load(file.strings(`facts.${facet}.values`));
      const counts = file.view(`facts.${facet}.counts`, Uint32Array);
      const numbers = file.view(`facts.${facet}.numbers`, Uint32Array);
      const lists: (readonly number[])[] = new Array(counts.length);
      let at = 0;
      for (let doc = 0; doc < counts.length; doc++) {
        const n = counts[doc]!;
        lists[doc] = n ? Array.from(numbers.subarray(at, (at += n))) : NONE;
      }
      this.values[facet] = lists;
    }
    return true;
  }
}
