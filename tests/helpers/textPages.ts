// Pages of known Chinese text, drawn as a scanner would see them, for OCR tests and the benchmark.
import { readFileSync } from 'node:fs';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import sharp from 'sharp';
import { cleanupText } from '../../electron/core/text';
import { fonts } from './fonts';

let registered = false;
function font(): string {
  if (!registered) {
    GlobalFonts.registerFromPath(fonts.body, 'WenshiTestSerif');
    registered = true;
  }
  return 'WenshiTestSerif';
}

/**
 * The sample plan (traditional, as scraped from the web), its pinyin notes and its mojibake (two
 * runs such as `?cè)囶}`, which no printed page has) removed, and in simplified.
 */
export function samplePlan(): { traditional: string; simplified: string } {
  const raw = iconv.decode(readFileSync(new URL('../fixtures/zhengxie-plan-gb18030.txt', import.meta.url)), 'gb18030');
  const { text, mojibake } = cleanupText(raw);
  const readable = mojibake.reduceRight((t, run) => t.slice(0, run.start) + t.slice(run.end), text);
  // Full-width commas, as print has them (the web copy has ASCII ones).
  const traditional = readable.replace(/\s+/g, '').replace(/,/g, '，');
  const simplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(traditional);
  return { traditional, simplified };
}

export interface PageSpec {
  text: string;
  dpi: number;
  /** Characters a line (a column when vertical). */
  perLine?: number;
  vertical?: boolean;
  /** Point size of the type. */
  points?: number;
}

/** Lines of `perLine` characters each. */
export function linesOf(text: string, perLine: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines;
}

/** A white page with the text in black, horizontal rows or vertical columns from the right; PNG. */
export async function textPage(spec: PageSpec): Promise<{ png: Buffer; lines: string[] }> {
  const points = spec.points ?? 12;
  const size = Math.round((points / 72) * spec.dpi);
  const perLine = spec.perLine ?? 20;
  const lines = linesOf(spec.text, perLine);
  const margin = Math.round(spec.dpi * 0.5);
  const lineStep = Math.round(size * 1.8);
  const along = perLine * size + 2 * margin;
  const across = lines.length * lineStep + 2 * margin;
  const [width, height] = spec.vertical ? [across, along] : [along, across];
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${size}px ${font()}`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    if (!spec.vertical) {
      ctx.fillText(line, margin, margin + i * lineStep);
      return;
    }
    // Columns right to left, each character below the one before.
    const x = width - margin - i * lineStep - size;
    [...line].forEach((ch, j) => ctx.fillText(ch, x, margin + j * size));
  });
  return { png: await canvas.encode('png'), lines };
}

/** A page as a worn copy looks: speckles, a little blur, turned by `degrees`. */
export async function wornPage(png: Buffer, degrees: number, seed = 1): Promise<Buffer> {
  // One grey channel: the drawn page has an alpha channel, which raw output would interleave.
  const image = sharp(png).flatten({ background: '#ffffff' }).greyscale().toColourspace('b-w');
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < data.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    const r = x >>> 24;
    if (r < 6) data[i] = 255 - data[i]!;
    else data[i] = Math.max(0, Math.min(255, data[i]! + ((r % 41) - 20)));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .blur(1.2)
    .rotate(degrees, { background: '#ffffff' })
    .png()
    .toBuffer();
}

/** Character error rate: edit distance over the length of the truth. */
export function cer(truth: string, read: string): number {
  const a = [...truth];
  const b = [...read];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return a.length ? previous[b.length]! / a.length : 0;
}
