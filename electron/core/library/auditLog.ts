import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface AuditChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntry {
  /** Unique, so a person can pick this change to undo. */
  id: string;
  at: string;
  actor: string;
  action: 'create' | 'update' | 'delete';
  itemId: string;
  changes: AuditChange[];
  /** Set when this change undid an earlier one. */
  undoOf?: string;
}

/** Append-only JSON Lines log of every catalog change (who, when, field, old → new). */
export class AuditLog {
  constructor(private readonly file: string) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.appendMany([entry]);
  }

  /** Several entries with one write and one fsync: a 5,000-photo import would otherwise spend minutes in fsync. */
  async appendMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, entries.map((entry) => JSON.stringify(entry) + '\n').join(''));
    const handle = await open(this.file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async entriesFor(itemId: string): Promise<AuditEntry[]> {
    return (await this.all()).filter((entry) => entry.itemId === itemId);
  }

  async find(entryId: string): Promise<AuditEntry | undefined> {
    return (await this.all()).find((entry) => entry.id === entryId);
  }

  private async all(): Promise<AuditEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    const entries: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as AuditEntry);
      } catch {
        // A line cut short by a crash is skipped; the lines around it are intact.
      }
    }
    return entries;
  }
}

/** The fields that differ between two versions of a record. */
export function diffFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  ignore: readonly string[] = ['updatedAt', 'createdAt', 'id'],
): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const old = before?.[field];
    const next = after?.[field];
    if (JSON.stringify(old) !== JSON.stringify(next)) changes.push({ field, old, new: next });
  }
  return changes;
}
