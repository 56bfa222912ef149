// Decoding the recognizer's output (CTC: one distribution over the dictionary and a blank per step
// along the line), and filling the holes it leaves in evenly spaced Chinese print.

/** A gap this many times the line's usual distance between characters holds a character not read. */
const GAP_FACTOR = 1.6;
/**
 * A character filled into a gap needs at least this likelihood. Measured on worn and clean pages of
 * both scripts: lower fills more true characters than false ones down to about 0.01.
 */
const FILL_THRESHOLD = 0.01;
/** Pitch is measured only on lines with at least this many gaps between wide characters. */
const MIN_PITCH_SAMPLES = 4;
/** The likeliest classes kept for each step: what a second reading of the line chooses among. */
export const TOP_K = 5;

/** The TOP_K likeliest classes at each step, likeliest first (class 0 is the blank). */
export interface StepClasses {
  steps: number;
  classes: Int32Array;
  probabilities: Float32Array;
}

export interface Decoded {
  text: string;
  /** One likelihood for each character (code point) of `text`. */
  confidence: number[];
  /** Mean likelihood of the characters read outright (not filled): how sure the line is text. */
  score: number;
  /** For each character, the other characters its step found likely, likeliest first. */
  alternatives: Alternative[][];
}

export interface Alternative {
  text: string;
  p: number;
}

/** An other class at a character's step is an alternative to it when at least this likely. */
const MIN_ALTERNATIVE = 0.02;

interface Emission {
  step: number;
  cls: number;
  p: number;
}

const round = (p: number) => Math.round(Math.min(1, Math.max(0, p)) * 1000) / 1000;
/** Full-width: Han, kana, hangul, full-width punctuation. Their pitch is the line's character pitch. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Keeps the TOP_K likeliest classes of each step of the recognizer's output. */
export function topClasses(output: Float32Array, steps: number, classes: number): StepClasses {
  const k = Math.min(TOP_K, classes);
  const top = { steps, classes: new Int32Array(steps * TOP_K).fill(-1), probabilities: new Float32Array(steps * TOP_K) };
  for (let step = 0; step < steps; step++) {
    const at = step * TOP_K;
    for (let c = 0; c < classes; c++) {
      const p = output[step * classes + c]!;
      if (top.classes[at + k - 1] !== -1 && p <= top.probabilities[at + k - 1]!) continue;
      // Insert in order, dropping the last.
      let i = k - 1;
      while (i > 0 && (top.classes[at + i - 1] === -1 || top.probabilities[at + i - 1]! < p)) {
        top.classes[at + i] = top.classes[at + i - 1]!;
        top.probabilities[at + i] = top.probabilities[at + i - 1]!;
        i--;
      }
      top.classes[at + i] = c;
      top.probabilities[at + i] = p;
    }
  }
  return top;
}

/** The step's likeliest class (weighted by `prior`), optionally leaving the blank out. */
function best(top: StepClasses, step: number, prior: Float32Array | undefined, skip: (cls: number) => boolean): Emission | undefined {
  let found: Emission | undefined;
  let bestScore = -Infinity;
  for (let i = 0; i < TOP_K; i++) {
    const cls = top.classes[step * TOP_K + i]!;
    if (cls < 0 || skip(cls)) continue;
    const p = top.probabilities[step * TOP_K + i]!;
    const score = p * (prior?.[cls] ?? 1);
    if (score > bestScore) {
      bestScore = score;
      found = { step, cls, p };
    }
  }
  return found;
}

/**
 * Where two characters read are much further apart than the line's usual pitch, the recognizer
 * let a character go as blank (traditional forms it knows poorly, worn strokes). The likeliest
 * character in each missing place is put back when it has some likelihood; its low confidence
 * marks it for proofreading.
 */
function fillGaps(emissions: Emission[], top: StepClasses, dictionary: string[], prior?: Float32Array): Emission[] {
  const wide = (e: Emission) => WIDE.test(dictionary[e.cls - 1] ?? '');
  const distances: number[] = [];
  for (let i = 1; i < emissions.length; i++)
    if (wide(emissions[i - 1]!) && wide(emissions[i]!)) distances.push(emissions[i]!.step - emissions[i - 1]!.step);
  if (distances.length < MIN_PITCH_SAMPLES) return emissions;
  distances.sort((a, b) => a - b);
  const pitch = distances[Math.floor(distances.length / 2)]!;
  // Neither the blank nor a space fills a gap in Chinese print.
  const skip = (cls: number) => cls === 0 || dictionary[cls - 1] === ' ' || dictionary[cls - 1] === undefined;
  const filled: Emission[] = [];
  for (let i = 1; i < emissions.length; i++) {
    const [before, after] = [emissions[i - 1]!, emissions[i]!];
    const gap = after.step - before.step;
    if (gap < GAP_FACTOR * pitch) continue;
    const missing = Math.round(gap / pitch) - 1;
    for (let j = 0; j < missing; j++) {
      // The place of the j-th missing character: the middle of its share of the gap.
      const from = before.step + Math.round(((j + 0.5) * gap) / (missing + 1));
      const to = before.step + Math.round(((j + 1.5) * gap) / (missing + 1));
      let chosen: Emission | undefined;
      for (let step = from; step < to; step++) {
        const candidate = best(top, step, prior, skip);
        if (candidate && (!chosen || candidate.p * (prior?.[candidate.cls] ?? 1) > chosen.p * (prior?.[chosen.cls] ?? 1)))
          chosen = candidate;
      }
      if (chosen && chosen.p >= FILL_THRESHOLD) filled.push(chosen);
    }
  }
  return filled.length ? [...emissions, ...filled].sort((a, b) => a.step - b.step) : emissions;
}

/** The characters other than the one emitted that its step found likely. */
function alternativesAt(top: StepClasses, emitted: Emission, dictionary: string[]): Alternative[] {
  const found: Alternative[] = [];
  for (let i = 0; i < TOP_K; i++) {
    const cls = top.classes[emitted.step * TOP_K + i]!;
    const p = top.probabilities[emitted.step * TOP_K + i]!;
    const text = dictionary[cls - 1];
    if (cls > 0 && cls !== emitted.cls && text !== undefined && p >= MIN_ALTERNATIVE) found.push({ text, p: round(p) });
  }
  return found;
}

/**
 * CTC decoding: the likeliest class at each step, repeats and blanks dropped, with its likelihood;
 * then the gaps filled. Class 0 is the blank; class k is dictionary[k - 1]. `prior` weighs classes
 * (by class number) when the page tells which are likelier, as its script does.
 */
export function decodeCtc(top: StepClasses, dictionary: string[], prior?: Float32Array): Decoded {
  const emissions: Emission[] = [];
  let previous = -1;
  const unknown = (cls: number) => cls !== 0 && dictionary[cls - 1] === undefined;
  for (let step = 0; step < top.steps; step++) {
    const e = best(top, step, prior, unknown);
    const cls = e?.cls ?? 0;
    if (e && cls !== 0 && cls !== previous) emissions.push(e);
    previous = cls;
  }
  const score = emissions.reduce((sum, e) => sum + e.p, 0) / Math.max(1, emissions.length);
  const all = fillGaps(emissions, top, dictionary, prior);
  return {
    text: all.map((e) => dictionary[e.cls - 1]!).join(''),
    confidence: all.map((e) => round(e.p)),
    score,
    alternatives: all.map((e) => alternativesAt(top, e, dictionary)),
  };
}
