import { WenshiError } from '../../errors';
import { proofLines } from './writeDocx';

export interface ProofChange {
  /** The line of the item's text (its paragraphs are its lines). */
  paragraph: number;
  before: string;
  /** Empty: the paragraph was deleted; with line breaks: split into several. */
  after: string;
}

/** The paragraphs of `text` the proof changed, against the text as it is now. */
export function diffProof(text: string, proofed: Map<number, string>): ProofChange[] {
  // A line that had a paragraph but whose bookmark is gone was deleted with it.
  return proofLines(text).flatMap(({ line, text: before }) => {
    const after = proofed.get(line) ?? '';
    return after === before ? [] : [{ paragraph: line, before, after }];
  });
}

/**
 * The text with the accepted changes applied. Each change must still find its `before` in its
 * line: an item edited since the proof was read is refused rather than overwritten.
 */
export function applyProofChanges(text: string, changes: ProofChange[]): string {
  const lines = text.split('\n');
  const replaced = new Map<number, string>();
  for (const change of changes) {
    const line = lines[change.paragraph];
    const words = line === undefined ? undefined : proofLines(line)[0]?.text;
    if (line === undefined || (words ?? '') !== change.before)
      throw new WenshiError('invalid_argument', 'proof_outdated', { paragraph: change.paragraph + 1 });
    // The line's own indent (全角空格) or 小标题 mark stays; the proof only carries the words.
    const indent = /^[\s\u3000]*(?:#{1,3}[ \t\u3000]+)?/.exec(line)![0];
    replaced.set(change.paragraph, change.after ? indent + change.after.split('\n').join(`\n${indent}`) : '');
  }
  return lines
    .flatMap((line, index) => {
      if (!replaced.has(index)) return [line];
      const next = replaced.get(index)!;
      return next ? [next] : [];
    })
    .join('\n');
}
