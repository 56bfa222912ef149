/** ↑ ↓ ✕ for an entry of an ordered list in the volume editor (articles, figures): the keyboard's drag and drop. */
export function MoveButtons({
  index,
  count,
  labels,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  labels: { up: string; down: string; remove: string };
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={labels.up}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={labels.down}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      <button type="button" className="danger" aria-label={labels.remove} onClick={onRemove}>
        ✕
      </button>
    </>
  );
}
