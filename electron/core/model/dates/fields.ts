import { parseFuzzyDate, type ParseOptions } from './parse';
import { dateRange, isEdtf } from './range';
import { toFuzzyDate } from './reading';
import { dateText, isUnreadable, type FuzzyDate, type FuzzyDateInput } from './value';

/** Where an item keeps dates; nested ones are read through their group. */
export const DATE_FIELDS = [
  ['eventDate'],
  ['createdDate'],
  ['provenance', 'date'],
  ['rights', 'releaseDate'],
  ['oral', 'interviewDate'],
  ['oral', 'narratorReviewDate'],
] as const;
export type DateFieldPath = (typeof DATE_FIELDS)[number];
/** A date field's name, as reports name it: eventDate, provenance.date. */
export type DateFieldName =
  | 'eventDate'
  | 'createdDate'
  | 'provenance.date'
  | 'rights.releaseDate'
  | 'oral.interviewDate'
  | 'oral.narratorReviewDate';

export function dateFieldName(path: DateFieldPath): DateFieldName {
  return path.join('.') as DateFieldName;
}

/** Every date field by name. */
export const DATE_FIELD_NAMES: readonly DateFieldName[] = DATE_FIELDS.map(dateFieldName);

type Loose = Record<string, unknown>;

function read(item: Loose, path: DateFieldPath): unknown {
  let value: unknown = item;
  for (const key of path) value = value && typeof value === 'object' ? (value as Loose)[key] : undefined;
  return value;
}

/**
 * A date read from its wording when the wording can be read: a door's schema has already read it
 * with the built-in periods, and the library's own table must have the last word.
 */
function readAgain(value: FuzzyDateInput, options: ParseOptions): FuzzyDate {
  const given = toFuzzyDate(value, options);
  if (!given.text || isEdtf(given.text)) return given;
  const parsed = parseFuzzyDate(given.text, options);
  return parsed.ok ? { text: given.text, edtf: parsed.edtf } : given;
}

/**
 * Item fields with their date wordings read against the library's table of named periods, so a
 * library that dates 解放前夕 differently has its own reading stored. Other fields pass as given.
 */
export function withDatesRead<T extends object>(fields: T, options: ParseOptions): T {
  const out: Loose = { ...(fields as Loose) };
  for (const path of DATE_FIELDS) {
    const value = read(out, path);
    if (value === undefined) continue;
    const date = readAgain(value as FuzzyDateInput, options);
    if (path.length === 1) out[path[0]] = date;
    else {
      const group = out[path[0]];
      if (group && typeof group === 'object') out[path[0]] = { ...(group as Loose), [path[1]]: date };
    }
  }
  return out as T;
}

/** The item's date fields whose wording could not be read, for the review queue. */
export function unreadableDates(item: object): { field: DateFieldName; text: string }[] {
  return DATE_FIELDS.flatMap((path) => {
    const value = read(item as Loose, path) as FuzzyDateInput;
    return isUnreadable(value) ? [{ field: dateFieldName(path), text: dateText(value) }] : [];
  });
}

export type DateWarningCode = 'future' | 'eventAfterCreated' | 'releaseBeforeInterview';

export interface DateWarning {
  code: DateWarningCode;
  /** The field the warning is about. */
  field: DateFieldName;
}

function start(edtf: string): string | null {
  return edtf ? (dateRange(edtf)?.start ?? null) : null;
}

function end(edtf: string): string | null {
  return edtf ? (dateRange(edtf)?.end ?? null) : null;
}

/**
 * Dates that are readable yet doubtful, for a warning beside the field (never a refusal):
 * a date that has not come yet, an event after the item was made, a release signed before the
 * interview. Compared by the days each date covers, so 1984年 and 1984年3月 do not conflict.
 */
export function dateWarnings(dates: Partial<Record<DateFieldName, string>>, today: string): DateWarning[] {
  const warnings: DateWarning[] = [];
  for (const [field, edtf] of Object.entries(dates) as [DateFieldName, string | undefined][]) {
    const first = edtf ? start(edtf) : null;
    if (first && first > today) warnings.push({ code: 'future', field });
  }
  const { eventDate, createdDate } = dates;
  const interviewDate = dates['oral.interviewDate'];
  const releaseDate = dates['rights.releaseDate'];
  const eventStart = start(eventDate ?? '');
  const createdEnd = end(createdDate ?? '');
  if (eventStart && createdEnd && eventStart > createdEnd)
    warnings.push({ code: 'eventAfterCreated', field: 'eventDate' });
  const releaseEnd = end(releaseDate ?? '');
  const interviewStart = start(interviewDate ?? '');
  if (releaseEnd && interviewStart && releaseEnd < interviewStart)
    warnings.push({ code: 'releaseBeforeInterview', field: 'rights.releaseDate' });
  return warnings;
}

/** The warnings of a stored item's dates. */
export function itemDateWarnings(item: object, today: string): DateWarning[] {
  const edtf = (path: DateFieldPath) => toFuzzyDate(read(item as Loose, path) as FuzzyDateInput).edtf;
  return dateWarnings(
    Object.fromEntries(DATE_FIELDS.map((path) => [dateFieldName(path), edtf(path)])),
    today,
  );
}
