import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { nodeStorageFs, storageError, type StorageFs } from '../storage';

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
  /** Set when the undo took back only this field of that change. */
  undoField?: string;
}

/** Append-only JSON Lines log of every catalog change (who, when, field, old → new). */
export class AuditLog {
  /** Whether the file is known to end with a whole line, so the next entry starts on its own. */
  private tailChecked = false;

  constructor(
    private readonly file: string,
    /** The file operations appends go through (tests put a failing disk here). */
    private readonly fs: StorageFs = nodeStorageFs,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.appendMany([entry]);
  }

  /** Several entries with one write and one fsync: a 5,000-photo import would otherwise spend minutes in fsync. */
  async appendMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      // A crash can leave the last line cut short; the new entries must not be glued onto it.
      const prefix = this.tailChecked || (await endsWithNewline(this.file)) ? '' : '\n';
      this.tailChecked = false;
      const handle = await this.fs.open(this.file, 'a');
      try {
        await handle.writeFile(prefix + entries.map((entry) => JSON.stringify(entry) + '\n').join(''));
        await handle.sync();
      } finally {
        await handle.close();
      }
      this.tailChecked = true;
    } catch (error) {
      throw storageError(error);
    }
  }

  /** The log's length in bytes: where the next append begins. */
  async size(): Promise<number> {
    try {
      return (await stat(this.file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw storageError(error);
    }
  }

  /**
   * Cuts off whatever was appended after `size` bytes, durably. Only the commit protocol uses this,
   * to take back the entries of a change that did not commit (see commit.ts): what it cuts was never
   * acknowledged, so the log stays append-only for every change anyone was told about.
   */
  async truncate(size: number): Promise<void> {
    if ((await this.size()) <= size) return;
    this.tailChecked = false;
    try {
      await this.fs.truncate(this.file, size);
      const handle = await this.fs.open(this.file, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Every entry that parses, oldest first; lines cut short by a crash are skipped. */
  async entries(): Promise<AuditEntry[]> {
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
        // A line cut short by a crash; the lines around it are intact.
      }
    }
    return entries;
  }

  async entriesFor(itemId: string): Promise<AuditEntry[]> {
    return (await this.entries()).filter((entry) => entry.itemId === itemId);
  }

  async find(entryId: string): Promise<AuditEntry | undefined> {
    return (await this.entries()).find((entry) => entry.id === entryId);
  }
}

async function endsWithNewline(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
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
