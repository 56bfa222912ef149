import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { ItemSchema, type Item } from '../model';

/** Where damaged catalog files are moved aside: kept for a person to look at, never deleted by the program. */
export const QUARANTINE_FOLDER = 'damaged';

/** The end of the JSON value that starts at `start` (a `{`), or -1 when it is not closed. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The items that can still be read from a damaged shard's text. A shard is `{"items":{"<id>":{…},…}}`;
 * each `"<id>":{` is tried on its own, so a cut-off end or a run of garbage costs only the items
 * it touches. An object counts only if it is a whole, valid item whose id is its key.
 */
export function salvageItems(text: string): Item[] {
  const found = new Map<string, Item>();
  const key = /"([0-9A-Za-z_-]{4,64})":\{/g;
  for (let match = key.exec(text); match; match = key.exec(text)) {
    const start = match.index + match[0].length - 1;
    const end = closingBrace(text, start);
    if (end < 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
    const parsed = ItemSchema.safeParse(value);
    if (!parsed.success || parsed.data.id !== match[1]) continue;
    // Kept as stored (not as parsed), as the catalog keeps every item.
    found.set(match[1], value as Item);
    key.lastIndex = end + 1;
  }
  return [...found.values()];
}

export interface DamagedShard {
  /** The shard's file name, e.g. `items-3f.json`. */
  file: string;
  /** How many items were read back from its damaged text. */
  salvaged: number;
  /** Where the damaged file was moved, relative to the catalog folder; null when opened read-only. */
  quarantinedAs: string | null;
}

/**
 * A shard that neither parses nor has a readable backup: its items are salvaged from the text,
 * and (when the catalog may write) the damaged file and backup are moved to `damaged/` so the
 * shard can be written again without losing what a person may still recover by hand.
 */
export async function salvageShard(
  dir: string,
  file: string,
  stamp: string,
  quarantine: boolean,
): Promise<{ items: Item[]; damaged: DamagedShard }> {
  const text = await readFile(path.join(dir, file), 'utf8').catch(() => '');
  const items = salvageItems(text);
  let quarantinedAs: string | null = null;
  if (quarantine) {
    await mkdir(path.join(dir, QUARANTINE_FOLDER), { recursive: true });
    const safeStamp = stamp.replace(/[:.]/g, '-');
    quarantinedAs = `${QUARANTINE_FOLDER}/${file}.${safeStamp}`;
    await rename(path.join(dir, file), path.join(dir, quarantinedAs));
    await rename(path.join(dir, `${file}.bak`), path.join(dir, `${quarantinedAs}.bak`)).catch(
      () => undefined,
    );
  }
  return { items, damaged: { file, salvaged: items.length, quarantinedAs } };
}
