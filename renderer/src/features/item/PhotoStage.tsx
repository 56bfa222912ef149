import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../../electron/contract';
import { frameSize, imageSize, type Geometry, type PhotoView, type Size } from './photoView';
import { fromView, rectFromDrag, storedRect, toView, type Point, type Rect } from './photoRegions';

interface Props {
  src: string;
  alt: string;
  view: PhotoView;
  /** Null until the image has loaded and told its size. */
  geometry: Geometry | null;
  regions: Region[];
  /** A region drawn and not yet named, in the stored image's fractions. */
  pending: Rect | null;
  /** The region (index into `regions`) a person points at in the list. */
  highlight: number | null;
  marking: boolean;
  stageRef: (element: HTMLDivElement | null) => void;
  describedBy: string;
  onNatural: (size: Size) => void;
  onPan: (dx: number, dy: number) => void;
  onDrawn: (rect: Rect) => void;
}

type Drag = { kind: 'pan'; x: number; y: number } | { kind: 'draw'; start: Point };

function boxStyle(rect: Rect) {
  return {
    left: `${rect.x * 100}%`,
    top: `${rect.y * 100}%`,
    width: `${rect.w * 100}%`,
    height: `${rect.h * 100}%`,
  };
}

/**
 * The photo in its frame. The frame is the photo's outline as seen (turned), sized by the zoom and
 * moved by the pan; only the image inside it is rotated, so region boxes and their names, laid
 * out in the frame, stay upright and keep a thin outline at any zoom.
 */
export function PhotoStage({
  src,
  alt,
  view,
  geometry,
  regions,
  pending,
  highlight,
  marking,
  stageRef,
  describedBy,
  onNatural,
  onPan,
  onDrawn,
}: Props) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [drawing, setDrawing] = useState<Rect | null>(null);
  const pannable = !marking && view.zoom > 1;

  function framePoint(event: PointerEvent): Point {
    const box = frame.current!.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  }

  function down(event: PointerEvent<HTMLDivElement>) {
    // Keys (+, -, arrows) then act on the photo just touched, even though the drag below cancels the default focus.
    event.currentTarget.focus({ preventScroll: true });
    if (event.button !== 0 || !geometry || !(marking || pannable)) return;
    drag.current = marking
      ? { kind: 'draw', start: framePoint(event) }
      : { kind: 'pan', x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  }

  function move(event: PointerEvent) {
    const current = drag.current;
    if (current?.kind === 'draw') setDrawing(rectFromDrag(current.start, framePoint(event)));
    if (current?.kind === 'pan') {
      onPan(event.clientX - current.x, event.clientY - current.y);
      drag.current = { kind: 'pan', x: event.clientX, y: event.clientY };
    }
  }

  function up(event: PointerEvent) {
    const current = drag.current;
    drag.current = null;
    setDrawing(null);
    if (current?.kind !== 'draw') return;
    const rect = rectFromDrag(current.start, framePoint(event));
    if (rect) onDrawn(storedRect(fromView(rect, view.rotation)));
  }

  const shown = geometry && frameSize(geometry, view);
  const image = geometry && imageSize(geometry, view);
  return (
    <div
      ref={stageRef}
      className={`photo-stage${marking ? ' marking' : ''}${pannable ? ' pannable' : ''}`}
      tabIndex={0}
      role="group"
      aria-label={t('viewer.stage')}
      aria-describedby={describedBy}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={() => {
        drag.current = null;
        setDrawing(null);
      }}
    >
      <div
        ref={frame}
        className="photo-frame"
        style={
          geometry && shown
            ? {
                left: (geometry.stage.width - shown.width) / 2 + view.panX,
                top: (geometry.stage.height - shown.height) / 2 + view.panY,
                width: shown.width,
                height: shown.height,
              }
            : undefined
        }
      >
        <img
          src={src}
          alt={alt}
          draggable={false}
          className={geometry ? undefined : 'measuring'}
          onLoad={(e) =>
            onNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })
          }
          style={
            shown && image
              ? {
                  left: (shown.width - image.width) / 2,
                  top: (shown.height - image.height) / 2,
                  width: image.width,
                  height: image.height,
                  transform: `rotate(${view.rotation}deg)`,
                }
              : undefined
          }
        />
        {geometry && (
          // The boxes repeat what the list of names says, so screen readers skip them.
          <div className="region-layer" aria-hidden="true">
            {regions.map((region, index) => (
              <div
                key={index}
                className={`region-box${index === highlight ? ' highlighted' : ''}`}
                style={boxStyle(toView(region, view.rotation))}
              >
                <span className="region-label">{region.name}</span>
              </div>
            ))}
            {pending && (
              <div className="region-box pending" style={boxStyle(toView(pending, view.rotation))}>
                <span className="region-label">{t('viewer.unnamed')}</span>
              </div>
            )}
            {drawing && <div className="region-box pending" style={boxStyle(drawing)} />}
          </div>
        )}
      </div>
    </div>
  );
}
