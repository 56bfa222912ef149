import type { Item } from '../model';
import { writeFileDurably } from '../storage';

const COLUMNS: [string, (item: Item) => string][] = [
  ['编号', (i) => i.id],
  ['类型', (i) => i.kind],
  ['题名', (i) => i.title],
  ['人物', (i) => i.people.map((p) => (p.role ? `${p.name}:${p.role}` : p.name)).join(';')],
  ['时间', (i) => i.date],
  ['地点', (i) => i.place],
  ['内容提要', (i) => i.description],
  ['文件', (i) => i.files.map((f) => f.name).join(';')],
  ['SHA-256', (i) => i.files.map((f) => f.sha256).join(';')],
  ['创建时间', (i) => i.createdAt],
  ['修改时间', (i) => i.updatedAt],
];

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (=, +, -, @, or a leading tab or
 * carriage return) gets a leading apostrophe, so opening the export never runs anything
 * (OWASP "CSV injection"); cells with quotes, commas or line breaks are quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The items as CSV text: UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends. */
export function itemsToCsv(items: readonly Item[]): string {
  const rows = [COLUMNS.map(([name]) => name), ...items.map((item) => COLUMNS.map(([, get]) => get(item)))];
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

export async function exportCsv(
  items: readonly Item[],
  file: string,
): Promise<{ path: string; rows: number }> {
  await writeFileDurably(file, itemsToCsv(items));
  return { path: file, rows: items.length };
}
