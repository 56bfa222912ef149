// The few OpenCV calls text detection needs, from the WebAssembly build the OCR packages bring
// (no native OpenCV to install on Windows or macOS). Typed narrowly here: its own typings are vast.
import { createRequire } from 'node:module';

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
  BORDER_REPLICATE: number;
  matFromArray(rows: number, cols: number, type: number, data: ArrayLike<number>): CvMat;
  findContours(image: CvMat, contours: CvMatVector, hierarchy: CvMat, mode: number, method: number): void;
  minAreaRect(points: CvMat): RotatedRect;
  getPerspectiveTransform(src: CvMat, dst: CvMat): CvMat;
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
