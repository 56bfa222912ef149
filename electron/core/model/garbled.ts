// A person's decisions on the garbled-text (乱码) flags of an item's text: 已核实 (the text is right
// as it is, say a rare character) or 忽略 (leave it). One rule for the review queue, the item pane
// and the compile's pre-check.
import { z } from 'zod';

export const MojibakeRunSchema = z.object({ start: z.number(), end: z.number(), text: z.string() });
export type MojibakeRunValue = z.infer<typeof MojibakeRunSchema>;

export const GARBLED_DECISIONS = ['verified', 'ignored'] as const;
export type GarbledDecision = (typeof GARBLED_DECISIONS)[number];

/**
 * A decision is kept by the flagged string and the characters around it, not by its offset, so
 * it still applies after the text is edited elsewhere (every offset after the edit moves).
 */
export const MojibakeDecisionSchema = z.object({
  text: z.string().min(1),
  before: z.string(),
  after: z.string(),
  decision: z.enum(GARBLED_DECISIONS),
});
export type MojibakeDecision = z.infer<typeof MojibakeDecisionSchema>;

/** Characters of context kept on each side: enough to tell two occurrences of a run apart. */
export const GARBLED_CONTEXT = 8;

interface Flagged {
  text: string;
  mojibake: readonly MojibakeRunValue[];
  mojibakeDecisions?: readonly MojibakeDecision[];
}

/** Whole characters (not UTF-16 halves) before and after a run. */
export function garbledContext(
  text: string,
  run: MojibakeRunValue,
  size = GARBLED_CONTEXT,
): { before: string; after: string } {
  const before = [...text.slice(Math.max(0, run.start - 2 * size), run.start)].slice(-size).join('');
  const after = [...text.slice(run.end, run.end + 2 * size)].slice(0, size).join('');
  return { before, after };
}

/**
 * The decision taken on a run, if any. The run's own string must be the same and one side of its
 * context too: an edit right beside the run on one side still leaves the decision in force.
 */
export function decisionFor(
  text: string,
  run: MojibakeRunValue,
  decisions: readonly MojibakeDecision[],
): MojibakeDecision | undefined {
  const { before, after } = garbledContext(text, run);
  return decisions.find((d) => d.text === run.text && (d.before === before || d.after === after));
}

/** Flags that still sit where they say in the text (a flag from before an edit may not). */
function alignedRuns(item: Flagged): MojibakeRunValue[] {
  return item.mojibake.filter((run) => item.text.slice(run.start, run.end) === run.text);
}

/** The garbled runs of a text that wait for a person: neither 已核实 nor 忽略. */
export function openGarbled(item: Flagged): MojibakeRunValue[] {
  const decisions = item.mojibakeDecisions ?? [];
  return alignedRuns(item).filter((run) => !decisionFor(item.text, run, decisions));
}

/** The runs of any text (a volume's edited copy too) that no decision of the item covers. */
export function undecidedRuns(
  text: string,
  runs: readonly MojibakeRunValue[],
  decisions: readonly MojibakeDecision[],
): MojibakeRunValue[] {
  return runs.filter((run) => !decisionFor(text, run, decisions));
}

/** The item's decisions with this run's decision set (replacing an earlier one on the same run). */
export function withDecision(
  item: Flagged,
  run: MojibakeRunValue,
  decision: GarbledDecision,
): MojibakeDecision[] {
  const decisions = item.mojibakeDecisions ?? [];
  const earlier = decisionFor(item.text, run, decisions);
  return [
    ...decisions.filter((d) => d !== earlier),
    { text: run.text, ...garbledContext(item.text, run), decision },
  ];
}

/** The decisions that still cover a run of the text: the others went with the text they were about. */
export function decisionsInUse(
  text: string,
  runs: readonly MojibakeRunValue[],
  decisions: readonly MojibakeDecision[],
): MojibakeDecision[] {
  const used = new Set(runs.map((run) => decisionFor(text, run, decisions)));
  return decisions.filter((d) => used.has(d));
}
