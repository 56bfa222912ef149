import { withDecision, type GarbledDecision, type Item, type ItemPatchInput } from '../model';
import type { Library } from '../library';
import { WenshiError } from '../errors';
import type { MojibakeRun } from '../text';

/** What a person does with one 乱码 flag: keep the text (已核实), leave the flag (忽略), or correct it. */
export type GarbledResolution = { action: GarbledDecision } | { action: 'fix'; replacement: string };

/**
 * Resolves one garbled-text flag of an item. 已核实 and 忽略 are kept on the item as decisions
 * (by the run and its context, so they outlive edits elsewhere); a fix replaces the run in the
 * text, and the library then finds the flags of the corrected text again. Each is an audited
 * edit like any other, so it can be undone. The flag must still be where the person saw it.
 */
export async function resolveGarbled(
  library: Library,
  id: string,
  run: MojibakeRun,
  resolution: GarbledResolution,
): Promise<Item> {
  const item = library.catalog.get(id);
  if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
  const current = item.mojibake.find(
    (r) => r.start === run.start && r.end === run.end && r.text === run.text,
  );
  if (!current || item.text.slice(run.start, run.end) !== run.text)
    throw new WenshiError('invalid_argument', 'garbled_flag_gone');
  const patch: ItemPatchInput =
    resolution.action === 'fix'
      ? { text: item.text.slice(0, run.start) + resolution.replacement + item.text.slice(run.end) }
      : { mojibakeDecisions: withDecision(item, current, resolution.action) };
  return library.updateItem(id, patch);
}
