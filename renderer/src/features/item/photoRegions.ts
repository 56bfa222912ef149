import type { Item, ItemPatchInput, Person, Region } from '../../../../electron/contract';
import type { Rotation } from './photoView';

/** A rectangle in fractions (0..1) of a box: the image as stored, or as seen when turned. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Drags smaller than this (a click, a twitch) draw nothing. */
export const MIN_REGION_SIZE = 0.01;

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** A point of the image as stored, where it appears when the view is turned `rotation` clockwise. */
export function rotatePoint({ x, y }: Point, rotation: Rotation): Point {
  switch (rotation) {
    case 90:
      return { x: 1 - y, y: x };
    case 180:
      return { x: 1 - x, y: 1 - y };
    case 270:
      return { x: y, y: 1 - x };
    default:
      return { x, y };
  }
}

function rectThrough(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  };
}

function turn(rect: Rect, rotation: Rotation): Rect {
  const a = rotatePoint({ x: rect.x, y: rect.y }, rotation);
  const b = rotatePoint({ x: rect.x + rect.w, y: rect.y + rect.h }, rotation);
  return rectThrough(a, b);
}

/** A region of the stored image, where it is on the photo as seen turned `rotation`. */
export function toView(rect: Rect, rotation: Rotation): Rect {
  return turn(rect, rotation);
}

/** A rectangle drawn on the turned photo, in the stored image's own fractions. */
export function fromView(rect: Rect, rotation: Rotation): Rect {
  return turn(rect, ((360 - rotation) % 360) as Rotation);
}

/** Four decimals: a tenth of a pixel on a 1600 px preview, and tidy in the catalog. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * The rectangle between where a drag started and where it is now (fractions of the box as seen),
 * kept inside the photo; null while it is too small to mean anything.
 */
export function rectFromDrag(start: Point, end: Point): Rect | null {
  const rect = rectThrough(
    { x: clamp01(start.x), y: clamp01(start.y) },
    { x: clamp01(end.x), y: clamp01(end.y) },
  );
  return rect.w < MIN_REGION_SIZE || rect.h < MIN_REGION_SIZE ? null : rect;
}

/** Rounded for storage, without rounding past the photo's edge. */
export function storedRect(rect: Rect): Rect {
  const x = round(rect.x);
  const y = round(rect.y);
  return { x, y, w: Math.min(round(rect.w), round(1 - x)), h: Math.min(round(rect.h), round(1 - y)) };
}

/** 左起: people in the order a caption names them, left to right (then top to bottom). */
export function leftToRight<T extends Rect>(regions: readonly T[]): T[] {
  return [...regions].sort((a, b) => a.x - b.x || a.y - b.y);
}

/** The item's regions; items saved before regions existed come without them (the catalog keeps items as stored). */
export function regionsOf(item: Item): Region[] {
  return item.photo?.regions ?? [];
}

/** Whether a name is already among the item's people as someone in the photo. */
export function isDepicted(item: Item, name: string): boolean {
  return item.people.some((p) => p.name === name.trim() && p.role === 'depicted');
}

/**
 * The edit that gives the item these regions, keeping the rest of its photo details; names in
 * `addPeople` join its people as 图中人物 (once each), so the marks are found by person too.
 */
export function regionsPatch(item: Item, regions: Region[], addPeople: string[] = []): ItemPatchInput {
  const added: Person[] = [...new Set(addPeople.map((n) => n.trim()))]
    .filter((name) => name && !isDepicted(item, name))
    .map((name) => ({ name, role: 'depicted' }));
  return {
    photo: { ...item.photo, regions },
    ...(added.length > 0 && { people: [...item.people, ...added] }),
  };
}
