import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Catalog, type ItemChange } from '../catalog';
import type { Item } from '../model';
import { WenshiError } from '../errors';
import { removeFileDurably, writeFileDurably, type StorageFs } from '../storage';
import type { AuditEntry, AuditLog } from './auditLog';

/**
 * The commit protocol: how a change (one edit, or one group of a bulk import, bulk edit or merge)
 * reaches the disk so that "saved" means in the catalog *and* in the audit log, and "not saved"
 * means in neither.
 *
 *  1. `catalog/journal.json` is written durably: every touched item as it was before the change
 *     (absent for a new one) and the audit log's length.
 *  2. The touched catalog shards are written durably, one write per shard.
 *  3. The audit entries are appended in one write and fsync'd.
 *  4. The journal is removed and its folder fsync'd. This is the commit point: only now is the
 *     change acknowledged (memory updated, listeners told, the caller's promise resolved).
 *
 * A failure at any step rolls back: the audit log is cut back to its length before, the shards
 * written get their earlier items back, and the journal is removed. If the rollback fails too
 * (the disk is gone), the journal stays, and the rollback is finished before the next change or
 * when the library is next opened. So a journal found on disk always means "did not commit", and
 * recovery is deterministic: roll back. A kill between any two steps leaves either no journal
 * (committed: catalog and audit both hold the change) or a journal (rolled back on opening: neither
 * holds it) — never a catalog change without its audit entry, nor an entry without its change.
 *
 * Changes are committed one at a time, in the order asked, so the journal describes only one.
 */
export class Committer {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when a rollback failed: its journal must be finished before anything else is written. */
  private unresolved = false;

  constructor(
    private readonly catalog: Catalog,
    private readonly audit: AuditLog,
    private readonly journalFile: string,
    private readonly fs: StorageFs,
  ) {}

  /** Commits the changes with their audit entries; resolves once both are durable. */
  commit(changes: ItemChange[], entries: AuditEntry[]): Promise<void> {
    const next = this.queue.then(() => this.run(changes, entries));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(changes: ItemChange[], entries: AuditEntry[]): Promise<void> {
    if (changes.length === 0) return;
    if (this.unresolved) await this.recover();
    const journal: Journal = {
      version: 1,
      auditSize: await this.audit.size(),
      before: Object.fromEntries(changes.map((c) => [c.id, c.before ?? null])),
    };
    // A failure here changes nothing: the journal is written whole or not at all.
    await writeFileDurably(this.journalFile, JSON.stringify(journal), this.fs);
    const { written, error } = await this.catalog.writeItems(new Map(changes.map((c) => [c.id, c.after])));
    try {
      if (error) throw error;
      await this.audit.appendMany(entries);
      await removeFileDurably(this.journalFile, this.fs);
    } catch (failure) {
      // Only the shards written need their earlier items back; one that failed still holds them.
      await this.rollBack(journal, (id) => written.has(Catalog.shardOf(id))).catch(() => {
        this.unresolved = true;
      });
      throw failure;
    }
    this.catalog.apply(changes);
  }

  /**
   * Finishes what a journal left on disk describes (a change that did not commit): run when the
   * library is opened and before the next change after a failed rollback. A library opened
   * read-only only shows the items as they were before, in memory; the writer finishes the rest.
   */
  async recover(options: { readOnly?: boolean } = {}): Promise<void> {
    const journal = await this.readJournal();
    if (!journal) {
      this.unresolved = false;
      return;
    }
    // Memory follows the disk as read; it now takes the items as they were before the change.
    const undo: ItemChange[] = Object.entries(journal.before).map(([id, item]) => ({
      id,
      before: this.catalog.get(id),
      after: item ?? undefined,
    }));
    if (!options.readOnly) await this.rollBack(journal, () => true);
    this.catalog.apply(undo.filter((c) => c.before !== c.after));
    this.unresolved = false;
  }

  private async rollBack(journal: Journal, touched: (id: string) => boolean): Promise<void> {
    await this.audit.truncate(journal.auditSize);
    const earlier = new Map<string, Item | undefined>();
    for (const [id, item] of Object.entries(journal.before))
      if (touched(id)) earlier.set(id, item ?? undefined);
    const { error } = await this.catalog.writeItems(earlier);
    if (error) throw error;
    await removeFileDurably(this.journalFile, this.fs);
  }

  private async readJournal(): Promise<Journal | null> {
    let text: string;
    try {
      text = await readFile(this.journalFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // Written whole or not at all (temp file and rename), so one that does not read was damaged later.
    const parsed = JournalSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new WenshiError('io', 'journal_damaged', { file: this.journalFile });
    return parsed.data as Journal;
  }
}

interface Journal {
  version: 1;
  /** The audit log's length before the change's entries. */
  auditSize: number;
  /** Every touched item as it was; null where the change created it. */
  before: Record<string, Item | null>;
}

const JournalSchema = z.object({
  version: z.literal(1),
  auditSize: z.number().int().min(0),
  before: z.record(z.string(), z.unknown()),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
