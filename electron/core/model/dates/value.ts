import { formatFuzzyDate } from './format';
import { parseFuzzyDate, type ParseOptions } from './parse';
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

/**
 * Reads a date field's value. A string is the wording (or stored EDTF, which gets its readable
 * form as wording); a pair keeps its EDTF when that is valid, else its wording is read again.
 */
export function toFuzzyDate(value: FuzzyDateInput, options: ParseOptions = {}): FuzzyDate {
  if (value === null || value === undefined) return { ...EMPTY_DATE };
  if (typeof value === 'object') {
    // Stored data is read as it is found: a pair may lack either half.
    const text = String(value.text ?? '').trim();
    const edtf = String(value.edtf ?? '').trim();
    if (edtf && isEdtf(edtf)) return { text: text || formatFuzzyDate(edtf), edtf };
    return toFuzzyDate(text, options);
  }
  const text = value.trim();
  if (!text) return { ...EMPTY_DATE };
  // Stored EDTF (older data, CSV) gets a readable wording; a bare year reads as it is.
  if (isEdtf(text)) return { text: /^\d{4}$/.test(text) ? text : formatFuzzyDate(text), edtf: text };
  const parsed = parseFuzzyDate(text, options);
  return { text, edtf: parsed.ok ? parsed.edtf : '' };
}

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
