import { parse } from 'csv-parse/sync';

/**
 * Spreadsheet programs run cells that start with = + - @ (or tab, CR) as formulas. A cell is also
 * dangerous when such a character follows a `;`, `,` or tab inside it: where the list separator is
 * `;` (German, French… locales) or a program splits on tabs, `x;=3+3` opens as two cells, the second
 * a formula. Following OWASP's CSV-injection advice, such a cell gets a leading apostrophe (which
 * keeps it text) and is always quoted (so no separator inside it splits it). Import strips that one
 * apostrophe again so values round-trip.
 */
const FORMULA = /^[=+\-@\t\r]|[;,\t]\s*[=+\-@]/;

export function neutralizeFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

export function restoreFormulaText(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

/** Quoted when it holds a quote, a line break or any separator a spreadsheet might split on. */
function quote(value: string): string {
  return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
