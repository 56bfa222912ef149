import { parse } from 'csv-parse/sync';

/**
 * Spreadsheet programs run cells that start with = + - @ (or tab, CR) as formulas; a leading
 * apostrophe keeps them text. Import strips that apostrophe again so values round-trip.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreFormulaText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with a UTF-8 BOM, which Excel needs to read Chinese correctly; CRLF line ends. */
export function toCsv(rows: string[][]): string {
  return (
    '\uFEFF' +
    rows.map((row) => row.map((cell) => quote(neutralizeFormula(cell))).join(',')).join('\r\n') +
    '\r\n'
  );
}

export function parseCsv(text: string): string[][] {
  return (
    parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][]
  ).map((row) => row.map(restoreFormulaText));
}
