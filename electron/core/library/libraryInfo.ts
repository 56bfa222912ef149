import { readFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SUBJECTS } from '../vocabulary';
import { DEFAULT_PERIODS, DatePeriodSchema, FormSettingsSchema } from '../model';
import { writeFileDurably, type StorageFs } from '../storage';
import { WenshiError } from '../errors';
import { SavedSearchSchema } from './savedSearches';

/** library.json: what a library is called, its format and its settings; and the folders beside it. */
export const LIBRARY_FORMAT_VERSION = 2;

export const LibrarySettingsSchema = z.object({
  /** 档号 pattern; see nextIdentifier. */
  identifierPattern: z.string().min(1).default('WS-{year}-{seq:4}'),
  /** The controlled list of 主题词. */
  subjects: z.array(z.string()).default([...DEFAULT_SUBJECTS]),
  /** Places added to the gazetteer by this library. */
  extraPlaces: z.array(z.string()).default([]),
  /** Re-hash every original when this many days have passed since the last verification; 0: never. */
  verifyIntervalDays: z.number().int().min(0).max(3650).default(0),
  /** Searches kept under a name, shared by everyone who opens the library. */
  savedSearches: z.array(SavedSearchSchema).default([]),
  /**
   * Named periods dates may be written as (清末, 文革期间) and the ranges they are read as;
   * a library may change them to local usage (解放 came to each county in its own month).
   */
  datePeriods: z.array(DatePeriodSchema).default(() => DEFAULT_PERIODS.map((p) => ({ ...p }))),
  /** 著录模板: fields hidden or required, and the library's own fields. */
  form: FormSettingsSchema.default(() => FormSettingsSchema.parse({})),
  /** Quotation marks the typesetting cleanup puts for straight quotes: “”‘’ (mainland) or 「」『』. */
  quoteStyle: z.enum(['corner', 'curly']).default('curly'),
});
export type LibrarySettings = z.infer<typeof LibrarySettingsSchema>;

export const LibraryInfoSchema = z.object({
  format: z.literal('wenshi-library'),
  formatVersion: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  settings: LibrarySettingsSchema.default(() => LibrarySettingsSchema.parse({})),
});
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>;

/** The folders every library has; derived/ and index/ hold only what can be made again from the rest. */
export const LIBRARY_SUBFOLDERS = [
  'catalog',
  'files',
  'derived',
  'index',
  'volumes',
  'ocr',
  'exports',
  'log',
] as const;

/**
 * Folders the layout gained after its format was last migrated: a library opened for writing
 * gets them then, so a library made before them verifies clean. (Other missing folders are left
 * for verify to report and --repair to make.)
 */
export const ADDED_SUBFOLDERS: readonly (typeof LIBRARY_SUBFOLDERS)[number][] = ['ocr'];

/** library.json of a new library. */
export function newLibraryInfo(
  name: string,
  now: Date,
  settings: Partial<LibrarySettings> = {},
): LibraryInfo {
  return {
    format: 'wenshi-library',
    formatVersion: LIBRARY_FORMAT_VERSION,
    name,
    createdAt: now.toISOString(),
    settings: LibrarySettingsSchema.parse(settings),
  };
}

/** The folders of a new library, then its library.json, written durably (the library exists once it is). */
export async function writeNewLibraryFolders(
  root: string,
  info: LibraryInfo,
  storageFs?: StorageFs,
): Promise<void> {
  for (const sub of LIBRARY_SUBFOLDERS) await mkdir(path.join(root, sub), { recursive: true });
  await writeFileDurably(path.join(root, 'library.json'), JSON.stringify(info, null, 2) + '\n', storageFs);
}

/** library.json as stored, checked only enough to know it is a library of a format we can read. */
export async function readRawInfo(root: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path.join(root, 'library.json'), 'utf8');
  } catch {
    const exists = await stat(root).then(
      () => true,
      () => false,
    );
    throw new WenshiError('not_a_library', exists ? 'not_a_library' : 'library_missing', { root });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WenshiError('not_a_library', 'library_json_damaged', { root });
  }
  const head = z
    .object({ format: z.literal('wenshi-library'), formatVersion: z.number().int().min(0) })
    .safeParse(raw);
  if (!head.success) throw new WenshiError('not_a_library', 'library_json_unknown', { root });
  if (head.data.formatVersion > LIBRARY_FORMAT_VERSION)
    throw new WenshiError('newer_format', 'newer_format', { version: head.data.formatVersion });
  return raw as Record<string, unknown>;
}

export function parseInfo(root: string, raw: Record<string, unknown>): LibraryInfo {
  const parsed = LibraryInfoSchema.safeParse(raw);
  if (!parsed.success) throw new WenshiError('not_a_library', 'library_json_unknown', { root });
  return parsed.data;
}
