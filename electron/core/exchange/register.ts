import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { ItemFieldsSchema, type Item, type ItemFieldsInput } from '../model';
import { decodeText } from '../text';
import { WenshiError, throwIfCancelled } from '../errors';
import type { Library } from '../library';
import type { JobContext } from '../jobs';
import { REGISTER_COLUMNS, columnFor, labelOfField } from './columns';
import { parseCsv, toCsv } from './csv';

export interface RegisterRow {
  /** Spreadsheet row number as a person sees it (the header is row 1). */
  row: number;
  title: string;
  errors: string[];
}

export interface RegisterPreview {
  columns: { header: string; known: boolean }[];
  rows: RegisterRow[];
  valid: number;
  invalid: number;
}

export interface RegisterImport extends RegisterPreview {
  added: string[];
  skipped: { row: number; reason: string }[];
}

/** Reads a register (.csv in any Chinese encoding, or .xlsx) as rows of text cells. */
export async function readRegister(file: string): Promise<string[][]> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new WenshiError('not_found', 'register_not_found', { file });
  }
  if (ext === '.csv' || ext === '.txt') {
    try {
      return parseCsv(decodeText(bytes).text);
    } catch (error) {
      throw new WenshiError('invalid_argument', 'register_bad_csv', { detail: (error as Error).message });
    }
  }
  if (ext === '.xlsx') {
    try {
      const sheet = await readSheet(bytes);
      return sheet.map((row) =>
        row.map((cell) => (cell === null || cell === undefined ? '' : cellText(cell))),
      );
    } catch {
      throw new WenshiError('invalid_argument', 'register_bad_xlsx', { file: path.basename(file) });
    }
  }
  if (!ext) throw new WenshiError('unsupported', 'register_without_extension');
  throw new WenshiError('unsupported', 'register_wrong_type', { ext });
}

function cellText(cell: unknown): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

interface ParsedRow extends RegisterRow {
  fields?: ItemFieldsInput;
}

function parseRows(rows: string[][]): { columns: RegisterPreview['columns']; parsed: ParsedRow[] } {
  const [header = [], ...body] = rows;
  const columns = header.map((h) => ({ header: h, column: columnFor(h) }));
  if (!columns.some((c) => c.column?.headers[0] === '题名'))
    throw new WenshiError('invalid_argument', 'register_without_title');
  const parsed = body
    .map((cells, index) => ({ cells, row: index + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ cells, row }): ParsedRow => {
      const fields: ItemFieldsInput = { kind: 'document', title: '' };
      const errors: string[] = [];
      columns.forEach(({ header: h, column }, i) => {
        const value = (cells[i] ?? '').trim();
        if (!column || value === '') return;
        const problem = column.write(fields, value);
        if (problem) errors.push(`${h}：${problem}`);
      });
      const checked = ItemFieldsSchema.safeParse(fields);
      if (!checked.success)
        for (const issue of checked.error.issues)
          errors.push(`${labelOfField(issue.path)}：${issue.message}`);
      return { row, title: fields.title ?? '', errors, ...(errors.length === 0 && { fields }) };
    });
  return { columns: columns.map(({ header: h, column }) => ({ header: h, known: column !== null })), parsed };
}

export function previewRegister(rows: string[][]): RegisterPreview {
  const { columns, parsed } = parseRows(rows);
  const invalid = parsed.filter((r) => r.errors.length > 0).length;
  return {
    columns,
    rows: parsed.map(({ row, title, errors }) => ({ row, title, errors })),
    valid: parsed.length - invalid,
    invalid,
  };
}

/**
 * Imports the valid rows of a register as items. A row with any error is not imported at all
 * (never half an item); rows whose 档号 the library already has are skipped.
 */
export async function importRegister(
  library: Library,
  file: string,
  options: JobContext & { dryRun?: boolean } = {},
): Promise<RegisterImport> {
  const rows = await readRegister(file);
  const { columns, parsed } = parseRows(rows);
  const preview = previewRegister(rows);
  const result: RegisterImport = { ...preview, columns, added: [], skipped: [] };
  if (options.dryRun) return result;
  library.assertWritable();
  const known = new Set(
    library.catalog
      .all()
      .map((i) => i.identifier)
      .filter(Boolean),
  );
  const valid = parsed.filter((r) => r.fields);
  for (const [index, row] of valid.entries()) {
    throwIfCancelled(options.signal);
    options.onProgress?.({ phase: 'register', done: index, total: valid.length, current: row.title });
    const identifier = row.fields!.identifier?.trim();
    if (identifier && known.has(identifier)) {
      result.skipped.push({ row: row.row, reason: `档号 ${identifier} 已在资料库中` });
      continue;
    }
    const item = await library.createItem(row.fields!);
    known.add(item.identifier);
    result.added.push(item.id);
  }
  options.onProgress?.({ phase: 'register', done: valid.length, total: valid.length });
  return result;
}

/** The catalog (or some items) as a register spreadsheet, in the column order of import. */
export function exportCsv(items: Item[]): string {
  return toCsv([
    REGISTER_COLUMNS.map((c) => c.headers[0]!),
    ...items.map((item) => REGISTER_COLUMNS.map((c) => c.read(item))),
  ]);
}

export function exportJson(items: Item[]): string {
  return JSON.stringify({ format: 'wenshi-items', version: 1, items }, null, 2) + '\n';
}
