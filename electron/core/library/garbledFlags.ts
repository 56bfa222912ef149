import { decisionsInUse, type Item } from '../model';
import { detectMojibake } from '../text';

/**
 * An edited item with its 乱码 flags found again in the text as it now is, whichever edit changed
 * the text (the form, a proof read back, a cleanup accepted, an undo): a corrected run leaves the
 * queue, and no flag points at text that moved. Decisions on runs still there are kept; those
 * on runs gone went with the text they were about.
 */
export function withGarbledFlags(previous: Item, after: Item): Item {
  if (after.text === previous.text) return after;
  const mojibake = detectMojibake(after.text);
  return {
    ...after,
    mojibake,
    mojibakeDecisions: decisionsInUse(after.text, mojibake, after.mojibakeDecisions),
  };
}
