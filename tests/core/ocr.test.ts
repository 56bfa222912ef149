import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaddleEngine, fullWidthPunctuation, type GrayImage } from '../../electron/core/ocr';
import { scriptCounts } from '../../electron/core/ocr/script';
import { cer, samplePlan, textPage, wornPage } from '../helpers/textPages';

async function gray(png: Buffer): Promise<GrayImage> {
  const { data, info } = await sharp(png).greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('OCR engine (PaddleOCR models from npm, on the CPU)', () => {
  let engine: PaddleEngine;
  beforeAll(async () => {
    engine = await PaddleEngine.open();
  }, 120_000);
  afterAll(() => engine?.close());

  it('reads a printed page back with few character errors, line by line with boxes and confidences', async () => {
    const truth = samplePlan().simplified.slice(0, 60);
    const { png, lines } = await textPage({ text: truth, dpi: 200, perLine: 20 });
    const page = await engine.read(await gray(png));
    const read = page.lines.map((l) => l.text).join('');
    expect(cer(truth, read)).toBeLessThan(0.05);
    expect(page.vertical).toBe(false);
    expect(page.lines).toHaveLength(lines.length);
    for (const line of page.lines) {
      expect(line.confidence).toHaveLength([...line.text].length);
      expect(line.box.w).toBeGreaterThan(line.box.h);
    }
    // Top to bottom.
    const tops = page.lines.map((l) => l.box.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  }, 120_000);

  it('tells look-alikes apart by the word they make: 深入, which small print reads as 深人', async () => {
    // The page of the bench where the recognizer alone reads 人 (0.67 against 0.33).
    const truth = samplePlan().simplified.slice(0, 300);
    expect(truth).toContain('深入学习');
    const { png } = await textPage({ text: truth, dpi: 200, perLine: 25, points: 10.5 });
    const page = await engine.read(await gray(png));
    expect(page.lines.map((l) => l.text).join('')).toContain('深入学习');
  }, 120_000);

  it('reads a worn page turned by 2° (speckles, blur)', async () => {
    const truth = samplePlan().simplified.slice(60, 140);
    const { png } = await textPage({ text: truth, dpi: 200, perLine: 20 });
    const page = await engine.read(await gray(await wornPage(png, 2)));
    expect(cer(truth, page.lines.map((l) => l.text).join(''))).toBeLessThan(0.05);
  }, 120_000);

  it('returns a traditional page in traditional characters, and a simplified page in simplified', async () => {
    const truth = samplePlan().traditional.slice(0, 120);
    const { png } = await textPage({ text: truth, dpi: 200, perLine: 20 });
    const page = await engine.read(await gray(png));
    const read = page.lines.map((l) => l.text).join('');
    // The recognizer alone returns 關键 and 更强 here (its dictionary prefers the simplified forms).
    expect(read).toContain('關鍵時期');
    expect(read).not.toMatch(/[键强实设题]/);
    expect(scriptCounts(read).simplified).toBeLessThanOrEqual(scriptCounts(truth).simplified);
    for (const line of page.lines) expect(line.confidence).toHaveLength([...line.text].length);

    const simplified = samplePlan().simplified.slice(0, 120);
    const other = await engine.read(await gray((await textPage({ text: simplified, dpi: 200, perLine: 20 })).png));
    const readSimplified = other.lines.map((l) => l.text).join('');
    expect(scriptCounts(readSimplified).traditional).toBe(0);
    expect(cer(simplified, readSimplified)).toBeLessThan(0.03);
  }, 120_000);

  it('reads vertical text column by column, right to left, top to bottom', async () => {
    const truth = samplePlan().simplified.slice(0, 40);
    const { png, lines } = await textPage({ text: truth, dpi: 200, perLine: 10, vertical: true });
    const page = await engine.read(await gray(png));
    expect(page.vertical).toBe(true);
    expect(page.lines.every((l) => l.vertical)).toBe(true);
    const read = page.lines.map((l) => l.text).join('');
    expect(cer(truth, read)).toBeLessThan(0.1);
    // The first column read is the rightmost, and it holds the first characters.
    const lefts = page.lines.map((l) => l.box.x);
    expect(lefts).toEqual([...lefts].sort((a, b) => b - a));
    expect(cer(lines[0]!, page.lines[0]!.text)).toBeLessThan(0.2);
  }, 120_000);

  it('makes ASCII punctuation beside Chinese full width, one character for one', () => {
    expect(fullWidthPunctuation('许昌,1984年:春')).toBe('许昌，1984年：春');
    expect(fullWidthPunctuation('3,5 a:b')).toBe('3,5 a:b');
  });
});
