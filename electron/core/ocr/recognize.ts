// Reading one detected line with PaddleOCR's CTC recognizer: the line is cut from the page (turned
// upright, a vertical column laid on its side so its top comes first) and read character by character.
import type { InferenceSession } from 'onnxruntime-node';
import type { Cv, CvMat } from './cv';
import { decodeCtc, topClasses, type Decoded, type StepClasses } from './ctc';
import type { Ort, Quad } from './detect';

/** The recognizer reads lines 48 pixels high. */
const LINE_HEIGHT = 48;
/** A line longer than this (in pixels at 48 high) is squeezed: a page is never that wide. */
const MAX_LINE_WIDTH = 3200;
/** A box this much taller than wide is a column of vertical text. */
export const VERTICAL_RATIO = 1.5;

export interface LineRead extends Decoded {
  vertical: boolean;
  /** The likeliest classes at each step, for a second reading once the page's script is known. */
  top: StepClasses;
}

const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** The line cut from the page and scaled to the recognizer's height, as grey levels. */
function cutLine(cv: Cv, page: CvMat, quad: Quad): { pixels: Uint8Array; width: number; vertical: boolean } {
  const [tl, tr, br, bl] = quad;
  const boxWidth = Math.max(distance(tl, tr), distance(bl, br));
  const boxHeight = Math.max(distance(tl, bl), distance(tr, br));
  const vertical = boxHeight / boxWidth >= VERTICAL_RATIO;
  // Along the reading direction and across it.
  const [along, across] = vertical ? [boxHeight, boxWidth] : [boxWidth, boxHeight];
  const width = Math.max(8, Math.min(MAX_LINE_WIDTH, Math.round((LINE_HEIGHT * along) / across)));
  const h = LINE_HEIGHT;
  // A column is turned a quarter to the left as it is cut: its top comes to the left end.
  const target = vertical
    ? [0, h, 0, 0, width, 0, width, h]
    : [0, 0, width, 0, width, h, 0, h];
  const src = cv.matFromArray(4, 1, cv.CV_32FC2, quad.flat());
  const dst = cv.matFromArray(4, 1, cv.CV_32FC2, target);
  const matrix = cv.getPerspectiveTransform(src, dst);
  const out = new cv.Mat();
  try {
    cv.warpPerspective(page, out, matrix, new cv.Size(width, h), cv.INTER_LINEAR, cv.BORDER_REPLICATE, new cv.Scalar());
    return { pixels: Uint8Array.from(out.data), width, vertical };
  } finally {
    src.delete();
    dst.delete();
    matrix.delete();
    out.delete();
  }
}

export async function recognizeLine(
  cv: Cv,
  ort: Ort,
  session: InferenceSession,
  dictionary: string[],
  page: CvMat,
  quad: Quad,
): Promise<LineRead> {
  const line = cutLine(cv, page, quad);
  const area = line.width * LINE_HEIGHT;
  const data = new Float32Array(3 * area);
  for (let i = 0; i < area; i++) {
    const v = line.pixels[i]! / 127.5 - 1;
    data[i] = v;
    data[area + i] = v;
    data[2 * area + i] = v;
  }
  const tensor = new ort.Tensor('float32', data, [1, 3, LINE_HEIGHT, line.width]);
  const output = await session.run({ [session.inputNames[0]!]: tensor });
  const result = output[session.outputNames[0]!]!;
  const [steps, classes] = [result.dims[1]!, result.dims[2]!];
  const top = topClasses(result.data as Float32Array, steps, classes);
  return { ...decodeCtc(top, dictionary), vertical: line.vertical, top };
}
