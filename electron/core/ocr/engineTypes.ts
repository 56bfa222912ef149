import type { OcrLine } from '../model';

/** A page to read, as grey levels (one byte a pixel, row by row). */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** What the recognizer returns for a page, before it is stored. */
export interface PageReading {
  width: number;
  height: number;
  vertical: boolean;
  lines: OcrLine[];
}

/** Page image in, lines with boxes, text and per-character confidence out. */
export interface OcrEngine {
  /** Names the models, kept with every page read. */
  readonly name: string;
  read(image: GrayImage): Promise<PageReading>;
  close(): Promise<void>;
}
