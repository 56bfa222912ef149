import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemPatchInput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useElementSize } from '../../hooks/useElementSize';
import {
  FIT_VIEW,
  MAX_ZOOM,
  MIN_ZOOM,
  ZOOM_STEP,
  clampPan,
  fitView,
  panBy,
  rotateBy,
  zoomBy,
  type Geometry,
  type PhotoView,
  type Size,
} from './photoView';
import { isDepicted, regionsOf, regionsPatch, type Rect } from './photoRegions';
import { PhotoStage } from './PhotoStage';
import { ViewerToolbar } from './ViewerToolbar';
import { RegionNameForm } from './RegionNameForm';
import { RegionList } from './RegionList';

/** How far one arrow key press moves a zoomed photo, in pixels. */
const ARROW_STEP = 40;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [ARROW_STEP, 0],
  ArrowRight: [-ARROW_STEP, 0],
  ArrowUp: [0, ARROW_STEP],
  ArrowDown: [0, -ARROW_STEP],
};

interface Props {
  item: Item;
  image: Item['files'][number];
  readOnly: boolean;
  /** Saves an edit of the item (through items.update, so it is logged and can be undone); true when saved. */
  onUpdate: (patch: ItemPatchInput) => Promise<boolean>;
}

/**
 * A photo to look at closely: zoom, turn and move the view (never the original), and on photo items
 * mark the people in it (图中人物), listed left to right.
 */
export function PhotoViewer({ item, image, readOnly, onUpdate }: Props) {
  const { t } = useTranslation();
  const keysHint = useId();
  const stage = useElementSize<HTMLDivElement>();
  const [natural, setNatural] = useState<Size | null>(null);
  const [rawView, setView] = useState<PhotoView>(FIT_VIEW);
  const [marking, setMarking] = useState(false);
  const [pending, setPending] = useState<Rect | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [expanded, setExpanded] = useState(false);
  const canMark = item.kind === 'photo' && !readOnly;
  const regions = regionsOf(item);
  const geometry: Geometry | null = natural && stage.size.width > 0 ? { natural, stage: stage.size } : null;
  // The stage may have shrunk since the view was set (a pane dragged narrower): keep the photo in it.
  const view = geometry ? clampPan(rawView, geometry) : rawView;

  const change = (next: (view: PhotoView, geometry: Geometry) => PhotoView) => {
    if (geometry) setView((old) => next(clampPan(old, geometry), geometry));
  };
  const zoomIn = () => change((v, g) => zoomBy(v, ZOOM_STEP, g));
  const zoomOut = () => change((v, g) => zoomBy(v, 1 / ZOOM_STEP, g));
  const rotate = (turns: 1 | -1) => change((v, g) => rotateBy(v, turns, g));

  // The wheel zooms about the mouse. React's wheel handler is passive and cannot stop the pane scrolling.
  useEffect(() => {
    const element = stage.element;
    if (!element || !natural) return;
    const wheelGeometry = { natural, stage: stage.size };
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const anchor = {
        x: event.clientX - box.left - box.width / 2,
        y: event.clientY - box.top - box.height / 2,
      };
      // A mouse notch is about 100 pixels (or 3 lines); a touchpad sends many small steps.
      const notches = event.deltaMode === 1 ? event.deltaY / 3 : event.deltaY / 100;
      const factor = ZOOM_STEP ** -Math.max(-3, Math.min(3, notches));
      setView((old) => zoomBy(clampPan(old, wheelGeometry), factor, wheelGeometry, anchor));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [stage.element, stage.size, natural]);

  function onKeyDown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select, form'))
      return;
    const arrow = ARROWS[event.key];
    if (arrow) change((v, g) => panBy(v, arrow[0], arrow[1], g));
    else if (event.key === '+' || event.key === '=') zoomIn();
    else if (event.key === '-' || event.key === '_') zoomOut();
    else if (event.key === '0') setView(fitView);
    else if (event.key === 'r') rotate(1);
    else if (event.key === 'R') rotate(-1);
    else if (event.key === 'Escape' && (pending || marking || expanded)) {
      if (pending) setPending(null);
      else if (marking) setMarking(false);
      else setExpanded(false);
    } else return;
    event.preventDefault();
  }

  async function saveRegion(name: string, addToPeople: boolean) {
    if (!pending) return;
    const saved = await onUpdate(
      regionsPatch(item, [...regions, { ...pending, name }], addToPeople ? [name] : []),
    );
    if (!saved) return;
    setPending(null);
    stage.element?.focus();
  }

  async function removeRegion(index: number) {
    setHighlight(null);
    await onUpdate(
      regionsPatch(
        item,
        regions.filter((_, i) => i !== index),
      ),
    );
  }

  return (
    <section
      className={`photo-viewer${expanded ? ' expanded' : ''}`}
      aria-label={t('viewer.label')}
      onKeyDown={onKeyDown}
    >
      <ViewerToolbar
        zoom={view.zoom}
        canZoomIn={view.zoom < MAX_ZOOM}
        canZoomOut={view.zoom > MIN_ZOOM}
        expanded={expanded}
        marking={canMark ? marking : null}
        onZoomIn={zoomIn}
        onZoomOut={zoomOut}
        onFit={() => setView(fitView)}
        onRotate={rotate}
        onMarking={(on) => {
          setMarking(on);
          if (!on) setPending(null);
        }}
        onExpanded={setExpanded}
      />
      <p id={keysHint} className="visually-hidden">
        {t('viewer.keys')}
      </p>
      {view.rotation !== 0 && <p className="field-note">{t('viewer.rotated', { degrees: view.rotation })}</p>}
      {marking && !pending && <p className="field-note">{t('viewer.markHint')}</p>}
      <PhotoStage
        src={api.fileUrl(image.sha256, 'preview')}
        alt={item.photo?.caption || item.title}
        view={view}
        geometry={geometry}
        regions={regions}
        pending={pending}
        highlight={highlight}
        marking={marking && !pending}
        stageRef={stage.setElement}
        describedBy={keysHint}
        onNatural={setNatural}
        onPan={(dx, dy) => change((v, g) => panBy(v, dx, dy, g))}
        onDrawn={setPending}
      />
      {item.photo?.caption && <p className="photo-caption">{item.photo.caption}</p>}
      {pending && (
        <RegionNameForm
          isDepicted={(name) => isDepicted(item, name)}
          onSave={saveRegion}
          onCancel={() => setPending(null)}
        />
      )}
      <RegionList
        regions={regions}
        readOnly={!canMark}
        onHighlight={setHighlight}
        onRemove={(index) => void removeRegion(index)}
      />
    </section>
  );
}
