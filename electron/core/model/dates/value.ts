import { formatFuzzyDate } from './format';
// Nothing here reads a wording (toFuzzyDate in ./reading does): the list's date column needs
// only dateText, and the reader brings the lunar calendar with it.
import { isEdtf } from './range';

/**
 * A date as stored: the archivist's wording beside its EDTF reading. The wording is what is shown
 * and exported; the EDTF is what sorts, filters and checks. A wording the parser cannot read is
 * kept with edtf '' and listed for review, never refused.
 */
export interface FuzzyDate {
  /** As typed: 八十年代初, 光绪庚子年, 文革期间. */
  text: string;
  /** EDTF (1980/1983), or '' when the wording could not be read. */
  edtf: string;
}

export const EMPTY_DATE: FuzzyDate = Object.freeze({ text: '', edtf: '' });

/** What a date field may be given as: the wording, EDTF (older data, CSV), or the stored pair. */
export type FuzzyDateInput = string | { text: string; edtf?: string } | null | undefined;

/** The wording of a stored date, for older values (an EDTF string) as well as the pair. */
export function dateText(value: FuzzyDateInput): string {
  if (!value) return '';
  if (typeof value === 'string') return isEdtf(value) ? formatFuzzyDate(value) : value;
  return value.text || (value.edtf ? formatFuzzyDate(value.edtf) : '');
}

/** The EDTF of a stored date, '' when it has none. */
export function dateEdtf(value: FuzzyDateInput): string {
  if (!value) return '';
  if (typeof value === 'string') return isEdtf(value) ? value : '';
  return value.edtf ?? '';
}

/** A wording kept without a reading: the review queue lists it. */
export function isUnreadable(value: FuzzyDateInput): boolean {
  return Boolean(dateText(value)) && !dateEdtf(value);
}
