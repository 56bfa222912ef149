import { useTranslation } from 'react-i18next';
import { MoveButtons } from './MoveButtons';
import type { FigureEntry } from '../../../../electron/contract';
import { anchorAfter, resolveAnchor } from '../../../../electron/contract/shared';
import type { FigureView } from './useArticleFigures';

const SPREAD = 'spread';
/** How much of a paragraph's opening the position list shows. */
const OPENING = 14;

interface Props {
  figure: FigureEntry;
  view: FigureView;
  paragraphs: string[];
  index: number;
  count: number;
  onChange: (figure: FigureEntry) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One figure of an article: where it stands, full or half width, and its caption for this volume. */
export function FigureRow({ figure, view, paragraphs, index, count, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const resolved =
    figure.after === undefined
      ? null
      : resolveAnchor(paragraphs, { after: figure.after, quote: figure.quote });
  const name = view.name || t('volumes.figures.unnamed');
  const opening = (p: string) => ([...p].length > OPENING ? `${[...p].slice(0, OPENING).join('')}…` : p);
  function place(value: string) {
    const { after: _after, quote: _quote, ...rest } = figure;
    onChange(value === SPREAD ? rest : { ...rest, ...anchorAfter(paragraphs, Number(value)) });
  }
  return (
    <li className="figure-row">
      {view.thumb ? (
        <img className="figure-thumb" src={view.thumb} alt="" />
      ) : (
        <span className="figure-thumb" />
      )}
      <div className="figure-fields">
        <div className="row">
          <span className="article-title">{name}</span>
          <MoveButtons
            index={index}
            count={count}
            labels={{
              up: t('volumes.figures.moveUp', { name }),
              down: t('volumes.figures.moveDown', { name }),
              remove: t('volumes.figures.remove', { name }),
            }}
            onMove={onMove}
            onRemove={onRemove}
          />
        </div>
        <div className="row">
          <label>
            {t('volumes.figures.position')}
            <select
              value={resolved ? String(resolved.after) : SPREAD}
              onChange={(e) => place(e.target.value)}
            >
              {figure.after === undefined && <option value={SPREAD}>{t('volumes.figures.spread')}</option>}
              <option value="0">{t('volumes.figures.atStart')}</option>
              {paragraphs.map((p, i) => (
                <option key={i} value={String(i + 1)}>
                  {t('volumes.figures.afterParagraph', { n: i + 1, opening: opening(p) })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('volumes.figures.layout')}
            <select
              aria-label={t('volumes.figures.layout')}
              value={figure.layout ?? 'full'}
              onChange={(e) =>
                onChange(
                  e.target.value === 'half'
                    ? { ...figure, layout: 'half', width: 0.5 }
                    : { ...figure, layout: 'full', width: 1 },
                )
              }
            >
              <option value="full">{t('volumes.figures.full')}</option>
              <option value="half">{t('volumes.figures.half')}</option>
            </select>
          </label>
        </div>
        {resolved?.lost && (
          <span className="warning">{t('volumes.figures.lost', { n: resolved.after })}</span>
        )}
        <label>
          {t('volumes.figures.caption')}
          <textarea
            aria-label={t('volumes.figures.caption')}
            rows={2}
            value={figure.caption ?? view.defaultCaption}
            placeholder={t('volumes.figures.captionHint')}
            onChange={(e) => onChange({ ...figure, caption: e.target.value })}
          />
        </label>
        {figure.caption !== undefined && figure.caption !== view.defaultCaption && (
          <button
            type="button"
            className="link"
            onClick={() => {
              const { caption: _caption, ...rest } = figure;
              onChange(rest);
            }}
          >
            {t('volumes.figures.resetCaption')}
          </button>
        )}
      </div>
    </li>
  );
}
