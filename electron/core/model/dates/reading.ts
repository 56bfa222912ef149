import { formatFuzzyDate } from './format';
import { parseFuzzyDate, type ParseOptions } from './parse';
import { isEdtf } from './range';
import { EMPTY_DATE, type FuzzyDate, type FuzzyDateInput } from './value';

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
