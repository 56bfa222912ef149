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

export interface Decoded {
  text: string;
  /** One likelihood for each character (code point) of `text`. */
  confidence: number[];
  /** Mean likelihood of the characters read outright (not filled): how sure the line is text. */
  score: number;
}

interface Emission {
  step: number;
  cls: number;
  p: number;
  filled: boolean;
}

const round = (p: number) => Math.round(Math.min(1, Math.max(0, p)) * 1000) / 1000;
/** Full-width: Han, kana, hangul, full-width punctuation. Their pitch is the line's character pitch. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function argmax(probabilities: Float32Array, offset: number, from: number, to: number): [number, number] {
  let best = from;
  let bestP = -Infinity;
  for (let c = from; c < to; c++) {
    const p = probabilities[offset + c]!;
    if (p > bestP) {
      bestP = p;
      best = c;
    }
  }
  return [best, bestP];
}

/**
 * Where two characters read are much further apart than the line's usual pitch, the recognizer
 * let a character go as blank (traditional forms it knows poorly, worn strokes). The likeliest
 * character in each missing place is put back when it has some likelihood; its low confidence
 * marks it for proofreading.
 */
function fillGaps(
  emissions: Emission[],
  probabilities: Float32Array,
  classes: number,
  dictionary: string[],
): Emission[] {
  const wide = (e: Emission) => WIDE.test(dictionary[e.cls - 1] ?? '');
  const distances: number[] = [];
  for (let i = 1; i < emissions.length; i++)
    if (wide(emissions[i - 1]!) && wide(emissions[i]!)) distances.push(emissions[i]!.step - emissions[i - 1]!.step);
  if (distances.length < MIN_PITCH_SAMPLES) return emissions;
  distances.sort((a, b) => a - b);
  const pitch = distances[Math.floor(distances.length / 2)]!;
  // The last class is the space, which never fills a gap in Chinese print.
  const lastClass = dictionary[classes - 2] === ' ' ? classes - 1 : classes;
  const filled: Emission[] = [];
  for (let i = 1; i < emissions.length; i++) {
    const [before, after] = [emissions[i - 1]!, emissions[i]!];
    const gap = after.step - before.step;
    if (gap < GAP_FACTOR * pitch) continue;
    const missing = Math.round(gap / pitch) - 1;
    for (let j = 0; j < missing; j++) {
      // The place of the j-th missing character: the middle half of its share of the gap.
      const from = before.step + Math.round(((j + 0.5) * gap) / (missing + 1));
      const to = before.step + Math.round(((j + 1.5) * gap) / (missing + 1));
      let best: Emission | undefined;
      for (let step = from; step < to; step++) {
        const [cls, p] = argmax(probabilities, step * classes, 1, lastClass);
        if (!best || p > best.p) best = { step, cls, p, filled: true };
      }
      if (best && best.p >= FILL_THRESHOLD) filled.push(best);
    }
  }
  return filled.length ? [...emissions, ...filled].sort((a, b) => a.step - b.step) : emissions;
}

/**
 * CTC decoding: the likeliest class at each step, repeats and blanks dropped, with its likelihood;
 * then the gaps filled. Class 0 is the blank; class k is dictionary[k - 1].
 */
export function decodeCtc(
  probabilities: Float32Array,
  steps: number,
  classes: number,
  dictionary: string[],
): Decoded {
  const emissions: Emission[] = [];
  let previous = -1;
  for (let step = 0; step < steps; step++) {
    const [cls, p] = argmax(probabilities, step * classes, 0, classes);
    if (cls !== 0 && cls !== previous && dictionary[cls - 1] !== undefined)
      emissions.push({ step, cls, p, filled: false });
    previous = cls;
  }
  const score = emissions.reduce((sum, e) => sum + e.p, 0) / Math.max(1, emissions.length);
  const all = fillGaps(emissions, probabilities, classes, dictionary);
  return {
    text: all.map((e) => dictionary[e.cls - 1]!).join(''),
    confidence: all.map((e) => round(e.p)),
    score,
  };
}
