import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../../electron/contract';
import { leftToRight } from './photoRegions';

interface Props {
  regions: Region[];
  readOnly: boolean;
  onHighlight: (index: number | null) => void;
  onRemove: (index: number) => void;
}

/** The people marked on a photo, left to right as a caption names them (左起：张三、李四). */
export function RegionList({ regions, readOnly, onHighlight, onRemove }: Props) {
  const { t } = useTranslation();
  const heading = useId();
  if (regions.length === 0) return null;
  const ordered = leftToRight(regions.map((region, index) => ({ ...region, index })));
  const names = ordered.map((r) => r.name).join(t('viewer.nameSeparator'));
  return (
    <section className="region-list" aria-labelledby={heading}>
      <h3 id={heading}>{t('viewer.regions')}</h3>
      <p className="caption-line">{t('viewer.leftToRight', { names })}</p>
      <ol>
        {ordered.map((region) => (
          <li
            key={region.index}
            onMouseEnter={() => onHighlight(region.index)}
            onMouseLeave={() => onHighlight(null)}
            onFocus={() => onHighlight(region.index)}
            onBlur={() => onHighlight(null)}
          >
            <span>{region.name}</span>
            {!readOnly && (
              <button
                type="button"
                className="link"
                aria-label={t('viewer.removeRegion', { name: region.name })}
                title={t('viewer.removeRegion', { name: region.name })}
                onClick={() => onRemove(region.index)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
