import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../electron/core/model';
import { PaddleEngine } from '../../electron/core/ocr';
import {
  alignCharacters,
  characterPitch,
  mergeLine,
  mergePage,
  unscaleSymbols,
  type Symbol,
} from '../../electron/core/ocr/ensemble';
import { TesseractReader, chiTraFolder } from '../../electron/core/ocr/tesseractReader';
import { cer, samplePlan, textPage } from '../helpers/textPages';

// What Paddle's recognizer can return: 黛, 委 and the simplified 党 are in its dictionary, 黨 and 擔 are not.
const known = new Set([...'的黛委會議決定當任責是更強党员']);

/** Tesseract's reading of a line, one character each, all with the same confidence. */
const tesseract = (text: string, confidence = 0.95) => [...text].map((ch) => ({ text: ch, confidence }));
const paddle = (text: string, confidence: number[]) => ({ text, confidence });

describe('merging Tesseract into a traditional page read by Paddle', () => {
  it('aligns two readings character by character', () => {
    expect(alignCharacters([...'黛委會'], [...'黨委員會']).map((s) => s.op)).toEqual(['change', 'same', 'insert', 'same']);
    expect(alignCharacters([...'的黛'], [...'黛']).map((s) => s.op)).toEqual(['drop', 'same']);
  });

  it('takes a character Paddle cannot output from Tesseract, where Paddle wrote a look-alike it was unsure of', () => {
    const merged = mergeLine(paddle('黛委會', [0.14, 0.99, 0.98]), tesseract('黨委會'), known);
    expect(merged.text).toBe('黨委會');
    // The taken character carries Tesseract's confidence; the others keep Paddle's.
    expect(merged.confidence).toEqual([0.95, 0.99, 0.98]);
  });

  it('takes the traditional form Paddle lacks against its fairly sure look-alike, on a line the two agree on', () => {
    const line = '的黛委會議決定';
    const sure = [0.99, 0.75, 0.99, 0.98, 0.97, 0.99, 0.98];
    expect(mergeLine(paddle(line, sure), tesseract('的黨委會議決定', 0.98), known).text).toBe('的黨委會議決定');
    // Tesseract not near certain, or Paddle sure: Paddle's stays.
    expect(mergeLine(paddle(line, sure), tesseract('的黨委會議決定', 0.95), known).text).toBe(line);
    expect(mergeLine(paddle(line, sure.map(() => 0.95)), tesseract('的黨委會議決定', 0.98), known).text).toBe(line);
    // A line the engines read differently (worn print): Paddle's stays.
    expect(mergeLine(paddle(line, sure), tesseract('白黨姿曾議決走', 0.98), known).text.startsWith('的黛')).toBe(true);
    // 黛 has no traditional form Paddle lacks behind it, as 黨 has (党): a rare character Tesseract reads is not taken.
    expect(mergeLine(paddle(line, sure), tesseract('的鯨委會議決定', 0.98), known).text).toBe(line);
  });

  it('puts back a character Paddle dropped', () => {
    const merged = mergeLine(paddle('更當', [0.97, 0.96]), tesseract('更擔當', 0.9), known);
    expect(merged.text).toBe('更擔當');
    expect(merged.confidence).toEqual([0.97, 0.9, 0.96]);
  });

  it("keeps Paddle's character where Paddle is sure, even against one it cannot output", () => {
    // Tesseract reads a character Paddle knows differently: Paddle's stays.
    expect(mergeLine(paddle('會議', [0.98, 0.97]), tesseract('曾議'), known).text).toBe('會議');
    // Tesseract reads a character Paddle lacks where Paddle read one it knows and was sure of.
    expect(mergeLine(paddle('決定', [0.99, 0.98]), tesseract('決錠'), known).text).toBe('決定');
    // Where Paddle is unsure of a character it knows, a sure Tesseract wins, an unsure one does not.
    expect(mergeLine(paddle('是任', [0.3, 0.9]), tesseract('更任'), known).text).toBe('更任');
    expect(mergeLine(paddle('是任', [0.3, 0.9]), tesseract('更任', 0.7), known).text).toBe('是任');
    // Noise Tesseract reads with little confidence, or outside Chinese print, is not inserted.
    expect(mergeLine(paddle('會議', [0.9, 0.9]), tesseract('會|議', 0.95), known).text).toBe('會議');
    expect(mergeLine(paddle('會議', [0.9, 0.9]), tesseract('會的議', 0.3), known).text).toBe('會議');
  });

  it("sorts Tesseract's characters into Paddle's lines by their boxes, leaving columns alone", () => {
    const line = (text: string, y: number, vertical = false): OcrLine => ({
      text,
      confidence: [...text].map(() => 0.2),
      vertical,
      box: { x: 0.1, y, w: 0.8, h: 0.1 },
      quad: [
        [10, y * 100],
        [90, y * 100],
        [90, y * 100 + 10],
        [10, y * 100 + 10],
      ],
    });
    const at = (text: string, x: number, y: number): Symbol => ({ text, confidence: 0.95, x0: x, x1: x + 8, y0: y, y1: y + 8 });
    // Out of order, as a page's blocks may come: each goes to its line, left to right.
    const symbols = [at('委', 30, 11), at('黨', 20, 11), at('任', 30, 31), at('責', 20, 31)];
    const merged = mergePage([line('黛委', 0.1), line('青任', 0.3)], symbols, { width: 100, height: 100 }, known);
    expect(merged.map((l) => l.text)).toEqual(['黨委', '責任']);
    for (const l of merged) expect(l.confidence).toHaveLength([...l.text].length);
    expect(mergePage([line('黛委', 0.1, true)], symbols, { width: 100, height: 100 }, known)[0]!.text).toBe('黛委');
  });
});

describe("reading at Tesseract's type size", () => {
  const line = (text: string, w: number, vertical = false): OcrLine => ({
    text,
    confidence: [...text].map(() => 0.9),
    vertical,
    box: { x: 0, y: 0, w, h: 0.05 },
    quad: [],
  });

  it("measures the page's type from its horizontal lines, square Chinese type, median of lines", () => {
    // 1000 pixels wide: 20 characters over 0.4 of it are 20 pixels each; the other two lines, 30.
    const lines = [line('一二三四五六七八九十一二三四五六七八九十', 0.4), line('一二三四五六七八九十', 0.3), line('一二三四五', 0.15)];
    expect(characterPitch(lines, 1000)).toBe(30);
    // Short lines and columns say nothing of the type.
    expect(characterPitch([line('標題', 0.5), line('一二三四五六七八九十', 0.9, true)], 1000)).toBeUndefined();
  });

  it("puts Tesseract's boxes back in the page's pixels", () => {
    const [s] = unscaleSymbols([{ text: '黨', confidence: 0.9, x0: 15, y0: 30, x1: 45, y1: 60 }], 0.5);
    expect(s).toMatchObject({ text: '黨', x0: 30, y0: 60, x1: 90, y1: 120 });
  });
});

describe('Tesseract chi_tra from npm, offline', () => {
  it('reads a traditional page from the local model, and the ensemble reads it better than Paddle alone', async () => {
    expect(chiTraFolder()).toMatch(/@tesseract\.js-data[\\/]chi_tra[\\/]4\.0\.0$/);
    const truth = samplePlan().traditional.slice(0, 150);
    const { png } = await textPage({ text: truth, dpi: 200, perLine: 25 });
    const { data, info } = await sharp(png).greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const image = { data, width: info.width, height: info.height };

    const reader = await TesseractReader.open();
    try {
      const symbols = await reader.read(image);
      expect(cer(truth, symbols.map((s) => s.text).join(''))).toBeLessThan(0.1);
    } finally {
      await reader.close();
    }
    const alone = await PaddleEngine.open(undefined, {}, { tesseract: false });
    const both = await PaddleEngine.open();
    try {
      const text = async (engine: PaddleEngine) => {
        const page = await engine.read(image);
        for (const line of page.lines) expect(line.confidence).toHaveLength([...line.text].length);
        return page.lines.map((l) => l.text).join('');
      };
      const [paddleOnly, ensemble] = [await text(alone), await text(both)];
      expect(cer(truth, ensemble)).toBeLessThan(cer(truth, paddleOnly));
      // Characters Paddle's dictionary lacks, read by Tesseract.
      expect(ensemble).toMatch(/[黨擔堅責]/);
    } finally {
      await Promise.all([alone.close(), both.close()]);
    }
  }, 300_000);
});
