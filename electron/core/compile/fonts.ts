import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { PDFHexString, type PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import { WenshiError } from '../errors';
import { SHORT_CODE_CAPACITY, cidCode } from './shortCodes';

interface LoadedFont {
  bytes: Uint8Array;
  face: fontkit.Font;
}

// A CJK font is ~15 MB; parse it once a process, not once a compile.
const loaded = new Map<string, Promise<LoadedFont>>();

function loadFont(file: string): Promise<LoadedFont> {
  let font = loaded.get(file);
  if (!font) {
    font = readFile(file).then(
      (bytes) => {
        const face = fontkit.create(bytes);
        if ('fonts' in face) throw new Error(`字体文件是字体集合，请指定单个字体：${file}`);
        return { bytes, face };
      },
      (error: NodeJS.ErrnoException) => {
        // A font the app ships is missing only from a damaged or partial installation.
        if (error.code === 'ENOENT' || error.code === 'EISDIR')
          throw new WenshiError('not_found', 'font_missing', { file: path.basename(file) });
        throw error;
      },
    );
    loaded.set(file, font);
    // A failure is not kept: the file may be back by the next compile.
    font.catch(() => loaded.delete(file));
  }
  return font;
}

/** Six capital letters derived from what the subset holds, as the PDF spec's subset tag. */
function subsetTag(postscriptName: string, chars: string): string {
  const digest = createHash('sha256').update(postscriptName).update(chars).digest();
  return [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** The glyph ids in Identity-H hex codes. */
function glyphIds(hex: string): number[] {
  const ids: number[] = [];
  for (let i = 0; i < hex.length; i += 4) ids.push(parseInt(hex.slice(i, i + 4), 16));
  return ids;
}

/**
 * One byte of a literal string: parentheses and the backslash escaped, and line ends too (a
 * reader turns a bare CR or CR LF inside a string into LF).
 */
function escapeByte(byte: number): string {
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
  if (byte === 0x0a) return '\\n';
  if (byte === 0x0d) return '\\r';
  return String.fromCharCode(byte);
}

/**
 * A font embedded as a subset, with glyph codes and advance widths cached per character:
 * typesetting asks for the same few thousand characters over and over.
 */
export class TypesetFont {
  private readonly codes = new Map<string, string>();
  private readonly literals = new Map<string, string>();
  /** Glyphs in the subset so far (ids are given in order from 1; 0 is .notdef). */
  private glyphs = 1;
  private short = false;
  private cids: number[] | null = null;
  private readonly widths = new Map<string, number>();

  private constructor(
    readonly pdfFont: PDFFont,
    private readonly face: fontkit.Font,
  ) {}

  static async embed(pdfDoc: PDFDocument, file: string, chars: string): Promise<TypesetFont> {
    const { bytes, face } = await loadFont(file);
    const tag = subsetTag(face.postscriptName, [...new Set(chars)].sort().join(''));
    const pdfFont = await pdfDoc.embedFont(bytes, {
      subset: true,
      customName: `${tag}+${face.postscriptName}`,
    });
    return new TypesetFont(pdfFont, face);
  }

  has(ch: string): boolean {
    return this.face.hasGlyphForCodePoint(ch.codePointAt(0)!);
  }

  /** Advance width in points at `size`. */
  width(text: string, size: number): number {
    let total = 0;
    for (const ch of text) {
      let w = this.widths.get(ch);
      if (w === undefined) {
        w = this.pdfFont.widthOfTextAtSize(ch, 1);
        this.widths.set(ch, w);
      }
      total += w;
    }
    return total * size;
  }

  /** The text as glyph codes for a `Tj` operator. */
  encode(text: string): PDFHexString {
    return PDFHexString.of(this.hex(text));
  }

  /**
   * Numbers the glyphs of `chars` (every character the pages draw, most used first) for the
   * page streams. Glyph ids go in code point order: Unicode sorts Han characters by radical, so
   * neighbouring outlines share strokes and Flate finds more repeats in the font (5 % smaller
   * measured). The codes the pages use are CIDs in order of use instead, mapped to the glyphs by
   * a CIDToGIDMap: the commonest few hundred then get the shortest codes (see shortCodes.ts), or
   * with Identity-H a zero first byte, which Flate stores in about a bit.
   */
  reserve(chars: string[]): void {
    for (const ch of [...chars].sort()) this.hex(ch);
    const cids: number[] = [0];
    let next = 1;
    for (const ch of chars)
      for (const gid of glyphIds(this.hex(ch))) if (cids[gid] === undefined) cids[gid] = next++;
    for (let gid = 1; gid < this.glyphs; gid++) if (cids[gid] === undefined) cids[gid] = next++;
    this.cids = cids;
    // Every character the pages draw is numbered by now: the subset's size is final.
    this.short = this.glyphs <= SHORT_CODE_CAPACITY;
    this.literals.clear();
  }

  /** The CID of each glyph id, and whether `literal` writes short codes; null before `reserve`. */
  get numbering(): { cids: number[]; short: boolean } | null {
    return this.cids && { cids: this.cids, short: this.short };
  }

  /**
   * The glyph codes of `text` as the inside of a PDF literal string: one character per byte,
   * for a content stream written as latin1. Half the size of hex digits before compression,
   * and Flate packs bytes better than digits.
   */
  literal(text: string): string {
    let out = '';
    for (const ch of text) {
      let code = this.literals.get(ch);
      if (code === undefined) {
        let hex = this.hex(ch);
        const cids = this.cids;
        if (cids)
          hex = hex.replace(/[0-9A-Fa-f]{4}/g, (gid) => cidCode(cids[parseInt(gid, 16)]!, this.short));
        code = '';
        for (let i = 0; i < hex.length; i += 2) code += escapeByte(parseInt(hex.slice(i, i + 2), 16));
        this.literals.set(ch, code);
      }
      out += code;
    }
    return out;
  }

  /** The glyph codes of `text` as hex digits. */
  hex(text: string): string {
    let hex = '';
    for (const ch of text) {
      let code = this.codes.get(ch);
      if (code === undefined) {
        code = this.pdfFont.encodeText(ch).asString();
        this.codes.set(ch, code);
        for (const gid of glyphIds(code)) this.glyphs = Math.max(this.glyphs, gid + 1);
      }
      hex += code;
    }
    return hex;
  }
}
