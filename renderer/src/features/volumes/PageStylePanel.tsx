import { useTranslation } from 'react-i18next';
import type { PageSettings } from '../../../../electron/contract';
import { PrintOptions } from './PrintOptions';

interface Props {
  page: PageSettings;
  sizes: readonly PageSettings['size'][];
  scripts: readonly PageSettings['script'][];
  disabled: boolean;
  onChange: (page: PageSettings) => void;
}

const MARGINS = ['marginTop', 'marginBottom', 'marginInner', 'marginOuter', 'gutter'] as const;

/** Trim, margins, body size, leading, folios and script of a volume, and the print-shop options. */
export function PageStylePanel({ page, sizes, scripts, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<PageSettings>) => onChange({ ...page, ...patch });
  return (
    <fieldset className="page-style" disabled={disabled}>
      <legend>{t('volumes.pageStyle')}</legend>
      <label>
        {t('volumes.page.size')}
        <select value={page.size} onChange={(e) => set({ size: e.target.value as PageSettings['size'] })}>
          {sizes.map((size) => (
            <option key={size} value={size}>
              {t(`volumes.page.sizes.${size}`)}
            </option>
          ))}
        </select>
      </label>
      {MARGINS.map((key) => (
        <label key={key}>
          {t(`volumes.page.${key}`)}
          <input
            type="number"
            min={0}
            max={60}
            step={1}
            value={page[key]}
            onChange={(e) => set({ [key]: Number(e.target.value) })}
          />
        </label>
      ))}
      <label>
        {t('volumes.page.bodySize')}
        <input
          type="number"
          min={7}
          max={16}
          step={0.5}
          value={page.bodySize}
          onChange={(e) => set({ bodySize: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('volumes.page.leading')}
        <input
          type="number"
          min={1.2}
          max={3}
          step={0.05}
          value={page.leading}
          onChange={(e) => set({ leading: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('volumes.page.frontNumerals')}
        <select
          value={page.frontNumerals}
          onChange={(e) => set({ frontNumerals: e.target.value as PageSettings['frontNumerals'] })}
        >
          <option value="roman">{t('volumes.page.roman')}</option>
          <option value="chinese">{t('volumes.page.chinese')}</option>
        </select>
      </label>
      <label>
        {t('volumes.page.script')}
        <select
          value={page.script}
          onChange={(e) => set({ script: e.target.value as PageSettings['script'] })}
        >
          {scripts.map((script) => (
            <option key={script} value={script}>
              {t(`volumes.page.scripts.${script}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={page.recto} onChange={(e) => set({ recto: e.target.checked })} />
        {t('volumes.page.recto')}
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={page.tocHeadings}
          onChange={(e) => set({ tocHeadings: e.target.checked })}
        />
        {t('volumes.page.tocHeadings')}
      </label>
      <PrintOptions page={page} onChange={set} />
    </fieldset>
  );
}
