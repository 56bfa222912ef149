// 乱码 flags of a web-scraped text: resolved in review (已核实 / 忽略 / corrected in place), found
// again after every edit of the text, and the same rule for the queue and the compile's list.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import { backupLibrary, mergePackage, restoreLibrary } from '../../electron/core/bag';
import { resolveGarbled } from '../../electron/core/ingest/garbledReview';
import { openGarbled, pendingReview, VolumeSchema, type Item } from '../../electron/core/model';
import { garbledArticles, volumeFromItems } from '../../electron/core/volumes';
import { tempDir } from '../helpers/tempDir';

const SCRAPED = new URL('../fixtures/zhengxie-plan-web-scraped.txt', import.meta.url).pathname;
const RUNS = ['?cè)囶}', '?!钡膬?'];

async function importScraped(): Promise<{ library: Library; item: Item }> {
  const library = await Library.create(path.join(await tempDir(), 'lib'), '测试');
  const result = await addPaths(library, [SCRAPED]);
  const item = library.catalog.get(result.added[0]!)!;
  expect(item.mojibake.map((r) => r.text)).toEqual(RUNS);
  return { library, item };
}

/** What the compile's pre-check lists for a volume of this one item. */
function compileList(library: Library, id: string): string[] {
  const volume = VolumeSchema.parse({
    ...volumeFromItems('许昌文史', [library.catalog.get(id)!]),
    id: 'v',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  });
  const source = { get: (x: string) => library.catalog.get(x), filePath: () => '' };
  return garbledArticles(volume, source).flatMap((a) => a.runs);
}

function runNamed(item: Item, text: string) {
  return item.mojibake.find((r) => r.text === text)!;
}

/** Every flag points at its own string in the text as it is now. */
function expectAligned(item: Item) {
  for (const run of item.mojibake) expect(item.text.slice(run.start, run.end)).toBe(run.text);
}

describe('乱码 flags resolved in review', () => {
  it('a flag marked 已核实 leaves the queue and the compile list; 忽略 too; both are audited edits', async () => {
    const { library, item } = await importScraped();
    const queued = pendingReview(item);
    expect(compileList(library, item.id)).toEqual(RUNS);

    const verified = await resolveGarbled(library, item.id, runNamed(item, RUNS[0]!), { action: 'verified' });
    expect(openGarbled(verified).map((r) => r.text)).toEqual([RUNS[1]]);
    expect(pendingReview(verified)).toBe(queued - 1);
    expect(verified.mojibake).toEqual(item.mojibake);
    expect(verified.mojibakeDecisions).toEqual([
      expect.objectContaining({ text: RUNS[0], decision: 'verified' }),
    ]);
    expect(compileList(library, item.id)).toEqual([RUNS[1]]);

    const ignored = await resolveGarbled(library, item.id, runNamed(verified, RUNS[1]!), {
      action: 'ignored',
    });
    expect(openGarbled(ignored)).toEqual([]);
    expect(pendingReview(ignored)).toBe(item.suggestions.length);
    expect(compileList(library, item.id)).toEqual([]);

    const history = await library.audit.entriesFor(item.id);
    expect(history.at(-1)!.changes.map((c) => c.field)).toEqual(['mojibakeDecisions']);
    await library.undo(history.at(-1)!.id);
    expect(openGarbled(library.catalog.get(item.id)!).map((r) => r.text)).toEqual([RUNS[1]]);
  });

  it('an edit that corrects the text removes the flag, and the other flags follow the text', async () => {
    const { library, item } = await importScraped();
    // By hand in the form: the first run is rewritten as the words it stood for.
    const edited = await library.updateItem(item.id, { text: item.text.replace(RUNS[0]!, '课题调研') });
    expect(edited.mojibake.map((r) => r.text)).toEqual([RUNS[1]]);
    expectAligned(edited);
    expect(compileList(library, item.id)).toEqual([RUNS[1]]);

    // In place from review: the second run is replaced; nothing is left to review in the text.
    const fixed = await resolveGarbled(library, item.id, runNamed(edited, RUNS[1]!), {
      action: 'fix',
      replacement: '的',
    });
    expect(fixed.text).toContain('的');
    expect(fixed.mojibake).toEqual([]);
    expect(openGarbled(fixed)).toEqual([]);

    // Undoing the fix brings the text back, and its flag with it, where it belongs.
    const [last] = (await library.audit.entriesFor(item.id)).slice(-1);
    const undone = await library.undo(last!.id, 'text');
    expect(undone.mojibake.map((r) => r.text)).toEqual([RUNS[1]]);
    expectAligned(undone);
  });

  it('a decision survives an unrelated edit elsewhere in the text, and goes with a run that is gone', async () => {
    const { library, item } = await importScraped();
    const second = runNamed(item, RUNS[1]!);
    await resolveGarbled(library, item.id, second, { action: 'verified' });

    // A paragraph added at the top moves every offset; the decision is kept by the run's context.
    const moved = await library.updateItem(item.id, { text: `编者按：本文据网页整理。\n${item.text}` });
    expectAligned(moved);
    expect(runNamed(moved, RUNS[1]!).start).toBeGreaterThan(second.start);
    expect(moved.mojibakeDecisions).toHaveLength(1);
    expect(openGarbled(moved).map((r) => r.text)).toEqual([RUNS[0]]);
    expect(compileList(library, item.id)).toEqual([RUNS[0]]);

    // The verified run corrected away: its decision is no longer kept.
    const corrected = await library.updateItem(item.id, { text: moved.text.replace(RUNS[1]!, '') });
    expect(corrected.mojibakeDecisions).toEqual([]);
    expect(corrected.mojibake.map((r) => r.text)).toEqual([RUNS[0]]);
  });

  it('refuses to resolve a flag the text has moved away from, with a sentence', async () => {
    const { library, item } = await importScraped();
    const stale = runNamed(item, RUNS[0]!);
    await library.updateItem(item.id, { text: `前言\n${item.text}` });
    await expect(resolveGarbled(library, item.id, stale, { action: 'ignored' })).rejects.toThrow(
      '这处乱码已不在原处',
    );
  });

  it('decisions are catalog data: a backup restores them and a merge brings them along', async () => {
    const { library, item } = await importScraped();
    await resolveGarbled(library, item.id, runNamed(item, RUNS[0]!), { action: 'verified' });
    const bag = path.join(await tempDir(), 'bag');
    await backupLibrary(library, bag);
    await library.close();

    const restoredRoot = path.join(await tempDir(), 'restored');
    await restoreLibrary(bag, restoredRoot);
    const restored = await Library.open(restoredRoot);
    expect(openGarbled(restored.catalog.get(item.id)!).map((r) => r.text)).toEqual([RUNS[1]]);
    await restored.close();

    const other = await Library.create(path.join(await tempDir(), 'other'), '另一库');
    expect((await mergePackage(other, bag)).added).toEqual([item.id]);
    expect(other.catalog.get(item.id)!.mojibakeDecisions).toEqual([
      expect.objectContaining({ text: RUNS[0], decision: 'verified' }),
    ]);
    expect(pendingReview(other.catalog.get(item.id)!)).toBe(pendingReview(item) - 1);
    await other.close();
  });
});
