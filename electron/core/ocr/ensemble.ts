// A traditional page read twice: by PaddleOCR, whose dictionary lacks some traditional characters
// (黨 擔 堅 責 眾 …, so it drops them or writes a look-alike, 黨 → 黛), and by Tesseract's chi_tra,
// which knows them. Each engine is trusted where it can know: Paddle's reading is kept, and
// Tesseract's character taken only where Paddle could not have been right.
import type { OcrLine } from '../model';
import { toSimplified } from './script';

/** A character Tesseract read, with its box in pixels and its confidence (0–1). */
export interface Symbol {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A character Paddle dropped is put back when Tesseract read it with at least this confidence. */
const INSERT_CONFIDENCE = 0.6;
/**
 * Paddle's character is replaced only when Paddle is unsure of it. The look-alike Paddle writes for a
 * character it lacks comes with low confidence (黛 for 黨), while on worn pages Tesseract confidently
 * reads rare characters Paddle cannot output where Paddle was right and sure (鍵 → 鏇, 到 → 銅).
 */
const PADDLE_UNSURE = 0.5;
/** Where both engines know the character, Tesseract's wins only if it is this sure. */
const TESSERACT_SURE = 0.9;
/**
 * Paddle writes a look-alike for a traditional form it lacks (黛 for 黨) with middling confidence
 * too (0.6–0.85). Tesseract's traditional form is taken against such a character when Tesseract is
 * near certain, Paddle is below PADDLE_SURE, and the two engines agree on most of the rest of the
 * line: on worn lines they agree less, and there Tesseract's confident rare forms were as often
 * wrong as right. Measured on the bench's pages (three a set): 15 characters put right on clean
 * pages, one put wrong on worn ones.
 */
const TESSERACT_CERTAIN = 0.97;
const PADDLE_SURE = 0.9;
const LINE_AGREEMENT = 0.85;

/**
 * The character size (pixels) Tesseract's chi_tra reads best. Measured on the bench's clean pages:
 * 150-dpi print enlarged to it went from 5.7 % character errors to 2.3 %, 300-dpi print reduced
 * to it from 2.7 % to 1.7 %.
 */
export const TESSERACT_CHARACTER_PX = 30;
/** Lines with fewer characters than this say little about the type's size. */
const MIN_PITCH_CHARACTERS = 5;

/**
 * The page's type size in pixels, as the median character pitch of its horizontal lines (the
 * line's length over its characters: Chinese type is set square), or undefined without such lines.
 */
export function characterPitch(lines: OcrLine[], pageWidth: number): number | undefined {
  const pitches = lines
    .filter((l) => !l.vertical && [...l.text].length >= MIN_PITCH_CHARACTERS)
    .map((l) => (l.box.w * pageWidth) / [...l.text].length)
    .sort((a, b) => a - b);
  return pitches.length ? pitches[Math.floor(pitches.length / 2)] : undefined;
}

/** Symbols read on a copy of the page scaled by `factor`, put back in the page's own pixels. */
export function unscaleSymbols(symbols: Symbol[], factor: number): Symbol[] {
  return symbols.map((s) => ({ ...s, x0: s.x0 / factor, y0: s.y0 / factor, x1: s.x1 / factor, y1: s.y1 / factor }));
}

/** Chinese characters and full-width punctuation: what Chinese print is made of. */
const WIDE = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const HAN = /^\p{Script=Han}$/u;

type Step = { op: 'same' | 'change'; p: number; t: number } | { op: 'drop'; p: number } | { op: 'insert'; t: number };

/** The edit-distance alignment of two character sequences, in order. */
export function alignCharacters(paddle: string[], tesseract: string[]): Step[] {
  const [n, m] = [paddle.length, tesseract.length];
  const cost = Array.from({ length: n + 1 }, (_, i) => Int32Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      cost[i]![j] = Math.min(
        cost[i - 1]![j - 1]! + (paddle[i - 1] === tesseract[j - 1] ? 0 : 1),
        cost[i - 1]![j]! + 1,
        cost[i]![j - 1]! + 1,
      );
  const steps: Step[] = [];
  let [i, j] = [n, m];
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && cost[i]![j] === cost[i - 1]![j - 1]! + (paddle[i - 1] === tesseract[j - 1] ? 0 : 1)) {
      steps.push({ op: paddle[i - 1] === tesseract[j - 1] ? 'same' : 'change', p: --i, t: --j });
    } else if (i > 0 && cost[i]![j] === cost[i - 1]![j]! + 1) {
      steps.push({ op: 'drop', p: --i });
    } else {
      steps.push({ op: 'insert', t: --j });
    }
  }
  return steps.reverse();
}

/**
 * One line merged: Paddle's characters, except where Paddle dropped a character Tesseract read, and
 * where Paddle is unsure of its character and Tesseract read either one Paddle cannot output (not in
 * its dictionary) or one it is sure of, and where Paddle wrote a look-alike for a traditional form it
 * lacks (TESSERACT_CERTAIN). A character taken from Tesseract keeps Tesseract's confidence.
 */
export function mergeLine(
  paddle: { text: string; confidence: number[] },
  tesseract: { text: string; confidence: number }[],
  known: ReadonlySet<string>,
): { text: string; confidence: number[] } {
  const p = [...paddle.text];
  const t = tesseract.filter((s) => s.text.trim() !== '');
  const out: string[] = [];
  const confidence: number[] = [];
  const keep = (i: number) => {
    out.push(p[i]!);
    confidence.push(paddle.confidence[i] ?? 0);
  };
  const take = (j: number) => {
    out.push(t[j]!.text);
    confidence.push(t[j]!.confidence);
  };
  const steps = alignCharacters(p, t.map((s) => s.text));
  const lineAgrees = steps.filter((s) => s.op === 'same').length >= LINE_AGREEMENT * p.length;
  for (const step of steps) {
    if (step.op === 'same' || step.op === 'drop') keep(step.p);
    else if (step.op === 'insert') {
      const s = t[step.t]!;
      if (WIDE.test(s.text) && s.confidence >= INSERT_CONFIDENCE) take(step.t);
    } else {
      const [ours, theirs] = [p[step.p]!, t[step.t]!];
      const paddleConfidence = paddle.confidence[step.p] ?? 0;
      const cannotKnow = HAN.test(theirs.text) && !known.has(theirs.text) && known.has(ours);
      const tesseractSure = WIDE.test(theirs.text) && theirs.confidence >= TESSERACT_SURE;
      // Tesseract's character is the traditional form of one Paddle knows (黨 of 党).
      const simplified = toSimplified(theirs.text);
      const lacksTraditionalForm = cannotKnow && simplified !== theirs.text && known.has(simplified);
      if (paddleConfidence < PADDLE_UNSURE && (cannotKnow || tesseractSure)) take(step.t);
      else if (lineAgrees && lacksTraditionalForm && theirs.confidence >= TESSERACT_CERTAIN && paddleConfidence < PADDLE_SURE)
        take(step.t);
      else keep(step.p);
    }
  }
  return { text: out.join(''), confidence };
}

/**
 * Tesseract's characters sorted into Paddle's lines: each goes to the line whose box holds its
 * centre (the nearest by height when boxes overlap), in reading order along the line.
 */
export function symbolsByLine(lines: OcrLine[], symbols: Symbol[], width: number, height: number): Symbol[][] {
  const boxes = lines.map((l) => ({
    x0: l.box.x * width,
    x1: (l.box.x + l.box.w) * width,
    y0: l.box.y * height,
    y1: (l.box.y + l.box.h) * height,
  }));
  const byLine: Symbol[][] = lines.map(() => []);
  for (const s of symbols) {
    const [cx, cy] = [(s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2];
    let chosen = -1;
    let nearest = Infinity;
    boxes.forEach((b, i) => {
      if (cx < b.x0 || cx > b.x1 || cy < b.y0 || cy > b.y1) return;
      const off = Math.abs(cy - (b.y0 + b.y1) / 2);
      if (off < nearest) [chosen, nearest] = [i, off];
    });
    if (chosen >= 0) byLine[chosen]!.push(s);
  }
  return byLine.map((list) => list.sort((a, b) => a.x0 - b.x0));
}

/** A traditional page's horizontal lines with Tesseract's characters merged in; columns stay Paddle's. */
export function mergePage(
  lines: OcrLine[],
  symbols: Symbol[],
  size: { width: number; height: number },
  known: ReadonlySet<string>,
): OcrLine[] {
  const byLine = symbolsByLine(lines, symbols, size.width, size.height);
  return lines.map((line, i) => {
    if (line.vertical || byLine[i]!.length === 0) return line;
    const merged = mergeLine(line, byLine[i]!, known);
    return { ...line, text: merged.text, confidence: merged.confidence };
  });
}
