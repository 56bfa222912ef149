import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OcrPageSchema, PAGE_BREAK, pageText, type Item, type OcrPage } from '../model';
import { writeFileDurably } from '../storage';

const PAGE_FILE = /^([0-9a-f]{64})-(\d{5})\.json$/;

/**
 * The pages OCR has read, kept with the catalog (not in derived/: a rerun costs seconds a page):
 * `ocr/<item id>/<original's hash>-<page>.json`, one small file a page, each written durably
 * before the next page starts. So backups and merges carry them, and a run that is killed
 * resumes at the first page without a file.
 */
export class OcrStore {
  constructor(private readonly root: string) {}

  static folder(libraryRoot: string): string {
    return path.join(libraryRoot, 'ocr');
  }

  /** The folder name of an item's pages: its id, safe as a file name. */
  static dirName(itemId: string): string {
    return itemId.replace(/[^0-9a-zA-Z_-]/g, '_');
  }

  /** The original and page a page file's name stands for; null for a name the store never writes. */
  static parseName(name: string): { sha256: string; page: number } | null {
    const match = PAGE_FILE.exec(name);
    return match ? { sha256: match[1]!, page: Number(match[2]) } : null;
  }

  /** A page file's content as a page; null when it is not one (cut short, edited by hand). */
  static parsePage(raw: string): OcrPage | null {
    const parsed = OcrPageSchema.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : null;
  }

  private dir(itemId: string): string {
    return path.join(this.root, OcrStore.dirName(itemId));
  }

  private fileFor(itemId: string, sha256: string, page: number): string {
    return path.join(this.dir(itemId), `${sha256}-${String(page).padStart(5, '0')}.json`);
  }

  /**
   * Copies an item's pages from another library's ocr folder (a package being merged): only page
   * files the store itself writes, and only regular ones. A package is data from outside, so a
   * symlink there (to a folder or file of this computer) is never followed or copied. Pages this
   * library already has are kept.
   */
  static async copyPages(fromFolder: string, toFolder: string, itemId: string): Promise<void> {
    const from = path.join(fromFolder, OcrStore.dirName(itemId));
    if (!(await lstat(from).catch(() => null))?.isDirectory()) return;
    const to = path.join(toFolder, OcrStore.dirName(itemId));
    for (const entry of await readdir(from, { withFileTypes: true })) {
      if (!entry.isFile() || !OcrStore.parseName(entry.name)) continue;
      await mkdir(to, { recursive: true });
      await copyFile(path.join(from, entry.name), path.join(to, entry.name), constants.COPYFILE_EXCL).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        },
      );
    }
  }

  async save(itemId: string, page: OcrPage): Promise<void> {
    const parsed = OcrPageSchema.parse(page);
    await mkdir(this.dir(itemId), { recursive: true });
    await writeFileDurably(this.fileFor(itemId, parsed.file, parsed.page), JSON.stringify(parsed));
  }

  /** Page numbers of one original already read. */
  async done(itemId: string, sha256: string): Promise<Set<number>> {
    const names = await readdir(this.dir(itemId)).catch(() => [] as string[]);
    const pages = new Set<number>();
    for (const name of names) {
      const parsed = OcrStore.parseName(name);
      if (parsed?.sha256 === sha256) pages.add(parsed.page);
    }
    return pages;
  }

  /** Every page read of an item, in the order of its files and their pages; unreadable files are skipped. */
  async pages(item: Pick<Item, 'id' | 'files'>): Promise<OcrPage[]> {
    const names = (await readdir(this.dir(item.id)).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
    const order = new Map(item.files.map((f, i) => [f.sha256, i]));
    const pages: OcrPage[] = [];
    for (const name of names) {
      const raw = await readFile(path.join(this.dir(item.id), name), 'utf8').catch(() => null);
      const page = raw === null ? null : OcrStore.parsePage(raw);
      if (page) pages.push(page);
    }
    return pages.sort((a, b) => (order.get(a.file) ?? 1e9) - (order.get(b.file) ?? 1e9) || a.page - b.page);
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** An item's text as OCR read it: its pages in order, each page's lines in reading order. */
export function ocrText(pages: OcrPage[]): string {
  return pages.map((page) => pageText(page)).join(PAGE_BREAK);
}
