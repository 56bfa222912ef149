// Finding the text lines on a page with PaddleOCR's DB detection model: a map of how likely each
// pixel is text, turned into one rotated rectangle per line.
import sharp from 'sharp';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Cv, RotatedRect } from './cv';
import type { GrayImage } from './engineTypes';

/**
 * The detector sees the page scaled so its longer side is at most this: print at 300 dpi has
 * characters of 40 px and more, far larger than the detector needs, and its cost grows with the area.
 * Lines are then cut from the page at full resolution for the recognizer.
 */
const DETECT_MAX_SIDE = 1920;
/** PaddleOCR's defaults: a pixel is text above 0.3; a box is kept when its mean is above 0.6. */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
/** How far a box is grown around its core (the model marks a shrunken line). */
const UNCLIP_RATIO = 1.5;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export type Point = [number, number];
/** A line's corners on the page, clockwise from the top left. */
export type Quad = [Point, Point, Point, Point];

export interface Ort {
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => Tensor;
}

/** Corners in order: top left, top right, bottom right, bottom left (as the page is upright). */
export function orderCorners(points: Point[]): Quad {
  const byX = [...points].sort((a, b) => a[0] - b[0]);
  const [l1, l2, r1, r2] = byX as [Point, Point, Point, Point];
  const [tl, bl] = l1[1] <= l2[1] ? [l1, l2] : [l2, l1];
  const [tr, br] = r1[1] <= r2[1] ? [r1, r2] : [r2, r1];
  return [tl, tr, br, bl];
}

function grown(rect: RotatedRect): RotatedRect {
  const { width, height } = rect.size;
  const distance = (width * height * UNCLIP_RATIO) / (2 * (width + height));
  return { ...rect, size: { width: width + 2 * distance, height: height + 2 * distance } };
}

/** The detector's input: the page scaled to multiples of 32, normalized as the model was trained. */
async function detectorInput(image: GrayImage): Promise<{ data: Float32Array; width: number; height: number }> {
  const scale = Math.min(1, DETECT_MAX_SIDE / Math.max(image.width, image.height));
  const width = Math.max(32, Math.round((image.width * scale) / 32) * 32);
  const height = Math.max(32, Math.round((image.height * scale) / 32) * 32);
  const pixels = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(width, height, { fit: 'fill' })
    // sharp widens one channel to three unless told otherwise.
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const area = width * height;
  const data = new Float32Array(3 * area);
  for (let c = 0; c < 3; c++) {
    const offset = c * area;
    const mean = MEAN[c]!;
    const std = STD[c]!;
    for (let i = 0; i < area; i++) data[offset + i] = (pixels[i]! / 255 - mean) / std;
  }
  return { data, width, height };
}

/**
 * The mean text likelihood inside a (turned) box, as PaddleOCR scores a box. Inside the box
 * itself, not its upright bounds: a long line turned 2° has bounds that are mostly background.
 */
function boxScore(prob: Float32Array, width: number, height: number, rect: RotatedRect): number {
  const theta = (rect.angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(theta), Math.sin(theta)];
  const [halfW, halfH] = [rect.size.width / 2, rect.size.height / 2];
  const reach = Math.hypot(halfW, halfH);
  const { x: cx, y: cy } = rect.center;
  let sum = 0;
  let count = 0;
  for (let y = Math.max(0, Math.floor(cy - reach)); y <= Math.min(height - 1, Math.ceil(cy + reach)); y++)
    for (let x = Math.max(0, Math.floor(cx - reach)); x <= Math.min(width - 1, Math.ceil(cx + reach)); x++) {
      const dx = x - cx;
      const dy = y - cy;
      if (Math.abs(dx * cos + dy * sin) > halfW + 0.5 || Math.abs(-dx * sin + dy * cos) > halfH + 0.5) continue;
      sum += prob[y * width + x]!;
      count++;
    }
  return count ? sum / count : 0;
}

/** The text lines of a page, as corners in page pixels. */
export async function detectLines(
  cv: Cv,
  ort: Ort,
  session: InferenceSession,
  image: GrayImage,
): Promise<Quad[]> {
  const input = await detectorInput(image);
  const tensor = new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]);
  const output = await session.run({ [session.inputNames[0]!]: tensor });
  const map = output[session.outputNames[0]!]!;
  const prob = map.data as Float32Array;
  const [mapHeight, mapWidth] = [map.dims[2]!, map.dims[3]!];
  const bitmap = new Uint8Array(mapWidth * mapHeight);
  for (let i = 0; i < bitmap.length; i++) bitmap[i] = prob[i]! > PIXEL_THRESHOLD ? 255 : 0;

  const mat = cv.matFromArray(mapHeight, mapWidth, cv.CV_8UC1, bitmap);
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  const quads: Quad[] = [];
  try {
    cv.findContours(mat, contours, hierarchy, cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
    const rx = image.width / mapWidth;
    const ry = image.height / mapHeight;
    for (let i = 0; i < contours.size(); i++) {
      const contour = contours.get(i);
      const rect = cv.minAreaRect(contour);
      contour.delete();
      if (Math.min(rect.size.width, rect.size.height) < 3) continue;
      if (boxScore(prob, mapWidth, mapHeight, rect) < BOX_THRESHOLD) continue;
      const box = grown(rect);
      if (Math.min(box.size.width, box.size.height) < 5) continue;
      const corners = cv.RotatedRect.points(box).map(
        (p): Point => [
          Math.min(image.width, Math.max(0, p.x * rx)),
          Math.min(image.height, Math.max(0, p.y * ry)),
        ],
      );
      quads.push(orderCorners(corners));
    }
  } finally {
    mat.delete();
    contours.delete();
    hierarchy.delete();
  }
  return quads;
}
