import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { ItemFieldsSchema, type Item, type ItemFieldsInput } from '../model';
import { decodeText } from '../text';
import { WenshiError, throwIfCancelled } from '../errors';
import type { Library } from '../library';
import { flagDuplicates } from '../duplicates';
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
  return previewOf(parseRows(rows));
}

function previewOf({ columns, parsed }: ReturnType<typeof parseRows>): RegisterPreview {
  const invalid = parsed.filter((r) => r.errors.length > 0).length;
  return {
    columns,
    rows: parsed.map(({ row, title, errors }) => ({ row, title, errors })),
    valid: parsed.length - invalid,
    invalid,
  };
}

/**
 * Rows committed together, at least. A commit rewrites every shard it touches, and a group of
 * thousands of rows touches them all, so a group also grows to half the catalog: each row then
 * costs a bounded share of rewriting however large the library (a few megabytes of full text a
 * group into an empty library, some tens into a large one).
 */
const REGISTER_GROUP = 5000;

/**
 * Imports the valid rows of a register as items, committed in groups: a row is added once its
 * group is durable and logged; a group cut off by a crash is in neither catalog nor log. A row
 * with any error is not imported at all (never half an item); rows whose 档号 the library already
 * has are skipped, so a register imported again after an interruption adds only what is missing.
 */
export async function importRegister(
  library: Library,
  file: string,
  options: JobContext & { dryRun?: boolean; /** Rows per commit. */ groupSize?: number } = {},
): Promise<RegisterImport> {
  const rows = await readRegister(file);
  const { columns, parsed } = parseRows(rows);
  const preview = previewOf({ columns, parsed });
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
  let group: ParsedRow[] = [];
  // One commit per group: each touched shard is written once and the audit log appended once,
  // instead of a ~100 KB shard (and its backup) rewritten for every row.
  const commit = async () => {
    const rows = group;
    group = [];
    if (rows.length === 0) return;
    const outcomes = await library.createItems(rows.map((row) => row.fields!));
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) {
        known.add(outcome.item.identifier);
        result.added.push(outcome.item.id);
      } else if (outcome.error instanceof WenshiError) throw outcome.error;
      else result.skipped.push({ row: rows[i]!.row, reason: String((outcome.error as Error).message) });
    });
    // A row whose text the library already holds waits in 待复核 as 「可能重复」.
    await flagDuplicates(
      library,
      outcomes.flatMap((outcome) => (outcome.ok ? [outcome.item.id] : [])),
    );
  };
  for (const [index, row] of valid.entries()) {
    if (options.signal?.aborted) await commit();
    throwIfCancelled(options.signal);
    options.onProgress?.({ phase: 'register', done: index, total: valid.length, current: row.title });
    const identifier = row.fields!.identifier?.trim();
    if (identifier && known.has(identifier)) {
      result.skipped.push({ row: row.row, reason: `档号 ${identifier} 已在资料库中` });
      continue;
    }
    if (identifier) known.add(identifier);
    group.push(row);
    const groupSize = options.groupSize ?? Math.max(REGISTER_GROUP, Math.ceil(library.catalog.size / 2));
    if (group.length >= groupSize) await commit();
  }
  await commit();
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
