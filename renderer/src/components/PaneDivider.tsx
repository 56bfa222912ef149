import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  label: string;
  /** Current width of the pane this divider resizes. */
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right widens the pane (a left pane), -1 when it narrows it (a right pane). */
  direction: 1 | -1;
  onChange: (width: number) => void;
}

const KEY_STEP = 16;

/** A draggable, keyboard-operable splitter between panes (role="separator"). */
export function PaneDivider({ label, value, min, max, direction, onChange }: Props) {
  const clamp = (w: number) => Math.min(max, Math.max(min, w));
  function pointerDown(event: PointerEvent<HTMLDivElement>) {
    const startX = event.clientX;
    const startWidth = value;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) =>
      onChange(clamp(startWidth + direction * (e.clientX - startX)));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  }
  function keyDown(event: KeyboardEvent) {
    const delta = event.key === 'ArrowLeft' ? -KEY_STEP : event.key === 'ArrowRight' ? KEY_STEP : 0;
    if (delta === 0) return;
    event.preventDefault();
    onChange(clamp(value + direction * delta));
  }
  return (
    <div
      className="pane-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={pointerDown}
      onKeyDown={keyDown}
    />
  );
}
