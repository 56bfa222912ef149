import { useTranslation } from 'react-i18next';

interface Props {
  zoom: number;
  canZoomIn: boolean;
  canZoomOut: boolean;
  expanded: boolean;
  /** Null when marking is not possible here (another kind of item, or read-only). */
  marking: boolean | null;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onRotate: (turns: 1 | -1) => void;
  onMarking: (on: boolean) => void;
  onExpanded: (on: boolean) => void;
}

/** Zoom, turn, enlarge and mark: every button says what it does and its key to screen readers and on hover. */
export function ViewerToolbar(props: Props) {
  const { t } = useTranslation();
  const button = (label: string, symbol: string, onClick: () => void, disabled = false) => (
    <button
      type="button"
      className="secondary icon"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{symbol}</span>
    </button>
  );
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.tools')}>
      {button(t('viewer.zoomOut'), '−', props.onZoomOut, !props.canZoomOut)}
      <output className="zoom-level">
        {t('viewer.zoomLevel', { percent: Math.round(props.zoom * 100) })}
      </output>
      {button(t('viewer.zoomIn'), '+', props.onZoomIn, !props.canZoomIn)}
      {button(t('viewer.fit'), '⊡', props.onFit)}
      {button(t('viewer.rotateLeft'), '↺', () => props.onRotate(-1))}
      {button(t('viewer.rotateRight'), '↻', () => props.onRotate(1))}
      <button
        type="button"
        className="secondary icon"
        aria-pressed={props.expanded}
        aria-label={t('viewer.expand')}
        title={props.expanded ? t('viewer.collapse') : t('viewer.expand')}
        onClick={() => props.onExpanded(!props.expanded)}
      >
        <span aria-hidden="true">{props.expanded ? '⤡' : '⤢'}</span>
      </button>
      {props.marking !== null && (
        <button
          type="button"
          className="secondary"
          aria-pressed={props.marking}
          onClick={() => props.onMarking(!props.marking)}
        >
          {t('viewer.mark')}
        </button>
      )}
    </div>
  );
}
