// The few OpenCV calls text detection needs, from the WebAssembly build the OCR packages bring
// (no native OpenCV to install on Windows or macOS). Typed narrowly here: its own typings are vast.
import { createRequire } from 'node:module';
import type { GrayImage } from './engineTypes';

export interface CvMat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data32F: Float32Array;
  delete(): void;
}
interface CvMatVector {
  size(): number;
  get(i: number): CvMat;
  delete(): void;
}
export interface RotatedRect {
  center: { x: number; y: number };
  size: { width: number; height: number };
  angle: number;
}
export interface Cv {
  Mat: new () => CvMat;
  MatVector: new () => CvMatVector;
  Size: new (width: number, height: number) => unknown;
  Scalar: new (...values: number[]) => unknown;
  RotatedRect: { points(rect: RotatedRect): { x: number; y: number }[] };
  CV_8UC1: number;
  CV_32FC2: number;
  RETR_LIST: number;
  CHAIN_APPROX_SIMPLE: number;
  INTER_LINEAR: number;
  INTER_AREA: number;
  INTER_CUBIC: number;
  BORDER_REPLICATE: number;
  matFromArray(rows: number, cols: number, type: number, data: ArrayLike<number>): CvMat;
  findContours(image: CvMat, contours: CvMatVector, hierarchy: CvMat, mode: number, method: number): void;
  minAreaRect(points: CvMat): RotatedRect;
  getPerspectiveTransform(src: CvMat, dst: CvMat): CvMat;
  resize(src: CvMat, dst: CvMat, size: unknown, fx: number, fy: number, interpolation: number): void;
  warpPerspective(
    src: CvMat,
    dst: CvMat,
    m: CvMat,
    size: unknown,
    flags: number,
    border: number,
    value: unknown,
  ): void;
}

/** A grey image scaled by `factor`: by area when shrinking (no aliasing), bicubic when enlarging. */
export function resizeGray(cv: Cv, image: GrayImage, factor: number): GrayImage {
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const source = cv.matFromArray(image.height, image.width, cv.CV_8UC1, image.data);
  const scaled = new cv.Mat();
  try {
    cv.resize(source, scaled, new cv.Size(width, height), 0, 0, factor < 1 ? cv.INTER_AREA : cv.INTER_CUBIC);
    return { width, height, data: Uint8Array.from(scaled.data) };
  } finally {
    source.delete();
    scaled.delete();
  }
}

let loading: Promise<Cv> | undefined;

/** OpenCV, compiled once per process (a few seconds: the first page pays it). */
export function loadCv(): Promise<Cv> {
  loading ??= (async () => {
    // Not named `require`: electron-vite's ESM shim declares one at the top of the main bundle.
    const load = createRequire(import.meta.url);
    const module = load('@techstark/opencv-js') as Cv & { then?: unknown; onRuntimeInitialized?: () => void };
    if (typeof module.then === 'function') {
      // The module is a thenable that resolves to itself; awaiting it directly would loop.
      const thenable = module as unknown as { then(resolve: (cv: Cv) => void): void };
      return new Promise<Cv>((resolve) =>
        thenable.then((cv) => {
          delete (cv as { then?: unknown }).then;
          resolve(cv);
        }),
      );
    }
    if (!module.Mat) await new Promise<void>((resolve) => (module.onRuntimeInitialized = resolve));
    return module;
  })();
  return loading;
}
