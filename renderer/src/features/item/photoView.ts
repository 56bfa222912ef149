/** Quarter turns, clockwise, as CSS `rotate()` turns. */
export type Rotation = 0 | 90 | 180 | 270;

/**
 * How a photo is being looked at. `zoom` is relative to the whole photo fitting the stage (1), so
 * it means the same at any window size; `panX`/`panY` move the photo's centre from the stage's,
 * in screen pixels. Only the view changes: the original is never touched.
 */
export interface PhotoView {
  zoom: number;
  rotation: Rotation;
  panX: number;
  panY: number;
}

export interface Size {
  width: number;
  height: number;
}

/** What the view's math needs: the image's pixel size and the stage it is shown in. */
export interface Geometry {
  natural: Size;
  stage: Size;
}

export const FIT_VIEW: PhotoView = { zoom: 1, rotation: 0, panX: 0, panY: 0 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 8;
/** One click, key press or wheel notch. */
export const ZOOM_STEP = 1.25;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The photo's outline as seen: a quarter turn swaps width and height. */
export function rotatedSize(size: Size, rotation: Rotation): Size {
  return rotation % 180 === 0 ? size : { width: size.height, height: size.width };
}

/**
 * The on-screen box of the photo as seen (rotated): the largest that fits the stage, times the zoom.
 * Region boxes are laid out in it.
 */
export function frameSize({ natural, stage }: Geometry, view: PhotoView): Size {
  const turned = rotatedSize(natural, view.rotation);
  if (turned.width <= 0 || turned.height <= 0) return { width: 0, height: 0 };
  const fit = Math.min(stage.width / turned.width, stage.height / turned.height);
  return { width: turned.width * fit * view.zoom, height: turned.height * fit * view.zoom };
}

/** The image element's own (unrotated) size: the frame turned back. */
export function imageSize(geometry: Geometry, view: PhotoView): Size {
  return rotatedSize(frameSize(geometry, view), view.rotation);
}

/** Keeps the photo covering the stage where it is larger than it, and centred where it is smaller. */
export function clampPan(view: PhotoView, geometry: Geometry): PhotoView {
  const frame = frameSize(geometry, view);
  const maxX = Math.max(0, (frame.width - geometry.stage.width) / 2);
  const maxY = Math.max(0, (frame.height - geometry.stage.height) / 2);
  return { ...view, panX: clamp(view.panX, -maxX, maxX), panY: clamp(view.panY, -maxY, maxY) };
}

/**
 * Zooms by `factor`, keeping the photo's point under `anchor` (pixels from the stage's centre:
 * the mouse for the wheel, the centre for buttons and keys) where it is.
 */
export function zoomBy(
  view: PhotoView,
  factor: number,
  geometry: Geometry,
  anchor: { x: number; y: number } = { x: 0, y: 0 },
): PhotoView {
  const zoom = clamp(view.zoom * factor, MIN_ZOOM, MAX_ZOOM);
  const ratio = zoom / view.zoom;
  return clampPan(
    {
      ...view,
      zoom,
      panX: anchor.x - (anchor.x - view.panX) * ratio,
      panY: anchor.y - (anchor.y - view.panY) * ratio,
    },
    geometry,
  );
}

/**
 * Turns the view a quarter clockwise (1) or anticlockwise (-1) about the stage's centre, so the
 * part of the photo in the middle stays there.
 */
export function rotateBy(view: PhotoView, turns: 1 | -1, geometry: Geometry): PhotoView {
  const rotation = (((view.rotation + turns * 90) % 360) + 360) % 360;
  const [panX, panY] = turns === 1 ? [-view.panY, view.panX] : [view.panY, -view.panX];
  return clampPan({ ...view, rotation: rotation as Rotation, panX, panY }, geometry);
}

export function panBy(view: PhotoView, dx: number, dy: number, geometry: Geometry): PhotoView {
  return clampPan({ ...view, panX: view.panX + dx, panY: view.panY + dy }, geometry);
}

/** Back to the whole photo in view, keeping the direction it is turned to. */
export function fitView(view: PhotoView): PhotoView {
  return { ...FIT_VIEW, rotation: view.rotation };
}
