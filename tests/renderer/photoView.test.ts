import { describe, expect, it } from 'vitest';
import {
  FIT_VIEW,
  MAX_ZOOM,
  ZOOM_STEP,
  fitView,
  frameSize,
  imageSize,
  panBy,
  rotateBy,
  zoomBy,
  type Geometry,
} from '../../renderer/src/features/item/photoView';

// A 4:3 landscape photo on a 400 × 300 stage: at fit it fills the stage exactly.
const geometry: Geometry = { natural: { width: 1600, height: 1200 }, stage: { width: 400, height: 300 } };

describe('photo view', () => {
  it('fits the whole photo, turned or not', () => {
    expect(frameSize(geometry, FIT_VIEW)).toEqual({ width: 400, height: 300 });
    const turned = rotateBy(FIT_VIEW, 1, geometry);
    expect(turned.rotation).toBe(90);
    // Upright it is 3:4, so the stage's height limits it.
    expect(frameSize(geometry, turned)).toEqual({ width: 225, height: 300 });
    // The image element keeps its own proportions; CSS turns it.
    expect(imageSize(geometry, turned)).toEqual({ width: 300, height: 225 });
  });

  it('zooms in steps between fit and the maximum, and back', () => {
    let view = zoomBy(FIT_VIEW, ZOOM_STEP, geometry);
    expect(view.zoom).toBe(1.25);
    expect(frameSize(geometry, view)).toEqual({ width: 500, height: 375 });
    view = zoomBy(view, 1 / ZOOM_STEP, geometry);
    expect(view.zoom).toBe(1);
    expect(zoomBy(view, 1 / ZOOM_STEP, geometry).zoom).toBe(1);
    for (let i = 0; i < 20; i++) view = zoomBy(view, ZOOM_STEP, geometry);
    expect(view.zoom).toBe(MAX_ZOOM);
  });

  it('keeps the point under the mouse in place when zooming with the wheel', () => {
    const anchor = { x: 100, y: -50 };
    const view = zoomBy(FIT_VIEW, 2, geometry, anchor);
    // The photo point under the mouse was (anchor - pan) / zoom from the photo centre; it still is.
    expect((anchor.x - view.panX) / view.zoom).toBeCloseTo(anchor.x / 1);
    expect((anchor.y - view.panY) / view.zoom).toBeCloseTo(anchor.y / 1);
    expect(view).toMatchObject({ panX: -100, panY: 50 });
  });

  it('pans only as far as the photo still covers the stage', () => {
    const zoomed = zoomBy(FIT_VIEW, 2, geometry); // 800 × 600 frame on a 400 × 300 stage
    expect(panBy(zoomed, 50, -20, geometry)).toMatchObject({ panX: 50, panY: -20 });
    expect(panBy(zoomed, 1000, 1000, geometry)).toMatchObject({ panX: 200, panY: 150 });
    expect(panBy(FIT_VIEW, 30, 30, geometry)).toMatchObject({ panX: 0, panY: 0 });
  });

  it('turns about the stage centre: what was in the middle stays there, four turns go round', () => {
    const zoomed = panBy(zoomBy(FIT_VIEW, 4, geometry), 120, 60, geometry);
    const right = rotateBy(zoomed, 1, geometry);
    expect(right).toMatchObject({ rotation: 90, panX: -60, panY: 120, zoom: 4 });
    expect(rotateBy(right, -1, geometry)).toEqual(zoomed);
    let view = zoomed;
    for (let i = 0; i < 4; i++) view = rotateBy(view, 1, geometry);
    expect(view).toEqual(zoomed);
    expect(rotateBy(FIT_VIEW, -1, geometry).rotation).toBe(270);
  });

  it('fits again without forgetting the turn', () => {
    const view = rotateBy(zoomBy(FIT_VIEW, 3, geometry), 1, geometry);
    expect(fitView(view)).toEqual({ zoom: 1, rotation: 90, panX: 0, panY: 0 });
  });
});
